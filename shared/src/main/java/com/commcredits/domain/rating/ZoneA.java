package com.commcredits.domain.rating;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The countries that per-user audio conferencing licences dial out to from their minute pool.
 *
 * @param countries ISO 3166-1 alpha-2 codes
 */
public record ZoneA(Set<String> countries) {

  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

  public ZoneA {
    countries = Set.copyOf(countries);
  }

  public boolean contains(String country) {
    return countries.contains(country);
  }

  /**
   * Reads {@code country,name} lines after a {@code country,name} header; {@code #} starts a
   * comment.
   *
   * @throws InvalidRateCard listing every problem by line number
   */
  public static ZoneA parse(String source, Reader reader) {
    Set<String> countries = new HashSet<>();
    List<String> problems = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(reader)) {
      String line;
      int number = 0;
      boolean header = false;
      while ((line = lines.readLine()) != null) {
        number++;
        String content = line.strip();
        if (content.isEmpty() || content.startsWith("#")) {
          continue;
        }
        if (!header) {
          header = true;
          if (!content.toLowerCase(Locale.ROOT).replace(" ", "").equals("country,name")) {
            problems.add("line " + number + ": the header must be country,name");
          }
          continue;
        }
        String code = content.split(",", -1)[0].strip();
        if (!ISO_COUNTRIES.contains(code)) {
          problems.add(
              "line " + number + ": '" + code + "' is not an ISO 3166-1 alpha-2 country code");
        } else if (!countries.add(code)) {
          problems.add("line " + number + ": " + code + " is listed twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (countries.isEmpty() && problems.isEmpty()) {
      problems.add("the list names no country");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRateCard(source, problems);
    }
    return new ZoneA(countries);
  }
}
