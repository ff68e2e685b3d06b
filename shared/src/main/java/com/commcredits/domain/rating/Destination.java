package com.commcredits.domain.rating;

import java.util.Objects;

/**
 * The far end of a call as the numbering plan knows it.
 *
 * @param digits the E.164 number without its {@code +}, for prefix matching
 * @param country ISO 3166-1 alpha-2 region of the number, or {@code 001} for non-geographic numbers
 *     (global toll-free, satellite)
 */
public record Destination(String digits, String country, DestinationKind kind) {
  public Destination {
    Objects.requireNonNull(digits, "digits");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(kind, "kind");
  }
}
