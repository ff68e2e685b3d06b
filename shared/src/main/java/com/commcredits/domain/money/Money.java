package com.commcredits.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency. The amount is held in micro-units: one millionth of the
 * currency's major unit (1 USD = 1,000,000 micro-units), so per-minute prices such as 0.0125 USD
 * are exact. Nothing here rounds silently: arithmetic is exact or throws on overflow, and rounding
 * happens only where a caller names a {@link RoundingMode}.
 */
public record Money(Currency currency, long micros) implements Comparable<Money> {

  /** Micro-units per major unit. */
  public static final int SCALE = 6;

  public Money {
    Objects.requireNonNull(currency, "currency");
  }

  public static Money zero(Currency currency) {
    return new Money(currency, 0);
  }

  public static Money ofMicros(String currencyCode, long micros) {
    return new Money(Currency.getInstance(currencyCode), micros);
  }

  /**
   * Parses a decimal amount such as {@code "12.50"}.
   *
   * @throws IllegalArgumentException if the amount is not a number or has more than six decimals
   */
  public static Money of(String amount, String currencyCode) {
    return of(new BigDecimal(amount.trim()), Currency.getInstance(currencyCode));
  }

  public static Money of(BigDecimal amount, Currency currency) {
    BigDecimal micros;
    try {
      micros = amount.setScale(SCALE, RoundingMode.UNNECESSARY).movePointRight(SCALE);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "amount " + amount.toPlainString() + " has more than " + SCALE + " decimals", e);
    }
    return new Money(currency, micros.longValueExact());
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(currency, Math.addExact(micros, other.micros));
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(currency, Math.subtractExact(micros, other.micros));
  }

  public Money negate() {
    return new Money(currency, Math.negateExact(micros));
  }

  public Money times(long factor) {
    return new Money(currency, Math.multiplyExact(micros, factor));
  }

  /** This amount times {@code numerator / denominator}, rounded to a micro-unit as told. */
  public Money timesFraction(long numerator, long denominator, RoundingMode rounding) {
    BigDecimal exact =
        BigDecimal.valueOf(micros)
            .multiply(BigDecimal.valueOf(numerator))
            .divide(BigDecimal.valueOf(denominator), 0, rounding);
    return new Money(currency, exact.longValueExact());
  }

  /** Rounds to the currency's minor unit (cents for USD and EUR). */
  public Money roundedToMinorUnit(RoundingMode rounding) {
    return Money.of(
        toBigDecimal().setScale(Math.max(0, currency.getDefaultFractionDigits()), rounding),
        currency);
  }

  public boolean isNegative() {
    return micros < 0;
  }

  public boolean isPositive() {
    return micros > 0;
  }

  public boolean isZero() {
    return micros == 0;
  }

  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(micros, SCALE);
  }

  /**
   * The amount as a plain decimal with at least the currency's minor-unit digits and no trailing
   * zeros beyond them: {@code 12.50}, {@code 0.0125}.
   */
  public String toPlainString() {
    BigDecimal stripped = toBigDecimal().stripTrailingZeros();
    int scale = Math.max(currency.getDefaultFractionDigits(), stripped.scale());
    return toBigDecimal().setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(micros, other.micros);
  }

  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + toPlainString();
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot combine " + currency + " with " + other.currency + " without an exchange rate");
    }
  }
}
