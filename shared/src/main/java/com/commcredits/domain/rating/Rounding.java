package com.commcredits.domain.rating;

import java.math.RoundingMode;
import java.util.Locale;

/**
 * How a call's cost is rounded: to {@code decimals} digits of the currency's major unit (0 to 6;
 * Money holds 6), with {@code mode}. Applied once per charge to the cost credits pay, never per
 * increment, so a long call is not inflated by repeated rounding.
 */
public record Rounding(RoundingMode mode, int decimals) {

  public Rounding {
    if (mode == null || mode == RoundingMode.UNNECESSARY) {
      throw new IllegalArgumentException("rounding needs a mode other than UNNECESSARY");
    }
    if (decimals < 0 || decimals > 6) {
      throw new IllegalArgumentException("rounding decimals must be 0 to 6, got " + decimals);
    }
  }

  /**
   * Parses {@code mode:decimals}, e.g. {@code up:2} or {@code half_even:4}.
   *
   * @throws IllegalArgumentException naming the expected form
   */
  public static Rounding parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "rounding must be mode:decimals such as up:2, got '" + text + "'");
    }
    RoundingMode mode;
    try {
      mode = RoundingMode.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "rounding mode must be up, down, ceiling, floor, half_up, half_down or half_even, got '"
              + parts[0]
              + "'");
    }
    try {
      return new Rounding(mode, Integer.parseInt(parts[1].strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rounding decimals must be a number, got " + parts[1]);
    }
  }

  /**
   * {@code numerator / denominator} micro-units, rounded to this rule's decimals, in micro-units.
   * Both are non-negative; exact integer arithmetic, no floating point.
   */
  long divide(long numerator, long denominator) {
    long step = Math.multiplyExact(denominator, pow10(6 - decimals));
    long quotient = numerator / step;
    long remainder = numerator % step;
    if (remainder != 0) {
      long twice = Math.multiplyExact(remainder, 2);
      boolean up =
          switch (mode) {
            case UP, CEILING -> true;
            case DOWN, FLOOR -> false;
            case HALF_UP -> twice >= step;
            case HALF_DOWN -> twice > step;
            case HALF_EVEN -> twice > step || (twice == step && (quotient & 1) == 1);
            case UNNECESSARY -> throw new IllegalStateException("refused at construction");
          };
      if (up) {
        quotient++;
      }
    }
    return quotient * pow10(6 - decimals);
  }

  @Override
  public String toString() {
    return mode.name().toLowerCase(Locale.ROOT) + ":" + decimals;
  }

  private static long pow10(int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result *= 10;
    }
    return result;
  }
}
