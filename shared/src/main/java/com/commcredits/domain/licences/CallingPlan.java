package com.commcredits.domain.licences;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Calling-plan licences assigned to an org's users located in one country. Their minutes are pooled
 * per country and month: {@code users × domesticMinutesPerUser} for calls within the country and,
 * on international plans, {@code users × internationalMinutesPerUser} for calls abroad.
 *
 * @param country ISO 3166-1 alpha-2 location of the users
 * @param internationalMinutesPerUser 0 for a domestic plan; calls abroad then pay from credits
 */
public record CallingPlan(
    String country, int users, int domesticMinutesPerUser, int internationalMinutesPerUser) {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public CallingPlan {
    Objects.requireNonNull(country, "country");
    if (!COUNTRIES.contains(country)) {
      throw new IllegalArgumentException("calling plan country must be ISO 3166-1, got " + country);
    }
    if (users < 0 || domesticMinutesPerUser < 0 || internationalMinutesPerUser < 0) {
      throw new IllegalArgumentException("calling plan users and minutes must not be negative");
    }
  }

  public static CallingPlan domestic(String country, int users, int minutesPerUser) {
    return new CallingPlan(country, users, minutesPerUser, 0);
  }

  public static CallingPlan international(
      String country, int users, int domesticMinutesPerUser, int internationalMinutesPerUser) {
    return new CallingPlan(country, users, domesticMinutesPerUser, internationalMinutesPerUser);
  }

  public boolean isInternational() {
    return internationalMinutesPerUser > 0;
  }
}
