package com.commcredits.domain.rating;

import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of a rate card: the price of a class of calls to the numbers starting with {@code
 * prefix}, from {@code effectiveFrom} until a later rate with the same class, prefix and kind takes
 * over.
 *
 * @param prefix E.164 digits without {@code +} (country code first), or empty for every number
 * @param pricePerMinute per minute of billed time, in the card's currency
 * @param connectionFee once per call that credits pay for, wholly or in part
 * @param action whether matching calls are charged or refused
 * @param line the line of the card's source it came from, for reasons and audits
 */
public record Rate(
    RateClass rateClass,
    String prefix,
    NumberKind kind,
    String destination,
    Instant effectiveFrom,
    Money pricePerMinute,
    Money connectionFee,
    Increments increments,
    Rounding rounding,
    Action action,
    int line) {

  /** What a matching call gets. */
  public enum Action {
    CHARGE,
    REJECT
  }

  private static final Pattern DIGITS = Pattern.compile("[0-9]{0,15}");

  public Rate {
    Objects.requireNonNull(rateClass, "rateClass");
    if (prefix == null || !DIGITS.matcher(prefix).matches() || prefix.startsWith("0")) {
      throw new IllegalArgumentException(
          "prefix must be up to 15 digits starting with a country code, got '" + prefix + "'");
    }
    Objects.requireNonNull(kind, "kind");
    destination = destination == null ? "" : destination;
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    Objects.requireNonNull(pricePerMinute, "pricePerMinute");
    Objects.requireNonNull(connectionFee, "connectionFee");
    if (pricePerMinute.isNegative() || connectionFee.isNegative()) {
      throw new IllegalArgumentException("prices must not be negative");
    }
    if (!pricePerMinute.currency().equals(connectionFee.currency())) {
      throw new IllegalArgumentException("price and connection fee must share a currency");
    }
    Objects.requireNonNull(increments, "increments");
    Objects.requireNonNull(rounding, "rounding");
    Objects.requireNonNull(action, "action");
  }

  /** {@code conf_out/44/mobile@2026-01-01T00:00:00Z}: which rate, unique within a card. */
  public String ref() {
    return rateClass.code()
        + "/"
        + (prefix.isEmpty() ? "*" : prefix)
        + "/"
        + kind.code()
        + "@"
        + effectiveFrom;
  }

  /**
   * What credits pay for {@code billedSeconds} of this rate, the connection fee included when
   * anything is billed, rounded once by the rate's rule.
   */
  public Money cost(long billedSeconds) {
    if (billedSeconds <= 0) {
      return Money.zero(pricePerMinute.currency());
    }
    long perSixtySeconds =
        Math.addExact(
            Math.multiplyExact(connectionFee.micros(), 60),
            Math.multiplyExact(pricePerMinute.micros(), billedSeconds));
    return new Money(pricePerMinute.currency(), rounding.divide(perSixtySeconds, 60));
  }
}
