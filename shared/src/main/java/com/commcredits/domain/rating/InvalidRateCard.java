package com.commcredits.domain.rating;

import java.util.List;

/** A rate card or Zone A list that cannot be loaded; the message lists every problem by line. */
public final class InvalidRateCard extends IllegalArgumentException {

  private final List<String> problems;

  public InvalidRateCard(String source, List<String> problems) {
    super(source + " is invalid:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
