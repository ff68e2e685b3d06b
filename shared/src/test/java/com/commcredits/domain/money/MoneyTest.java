package com.commcredits.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void parsing_keepsSubCentPricesExact() {
    Money price = Money.of("0.0125", "USD");

    assertThat(price.micros()).isEqualTo(12_500);
    assertThat(price.times(3).toPlainString()).isEqualTo("0.0375");
  }

  @Test
  void parsing_refusesMoreThanMicroUnitPrecision_ratherThanRounding() {
    assertThatThrownBy(() -> Money.of("0.0000001", "USD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 6 decimals");
  }

  @Test
  void arithmetic_refusesToMixCurrencies() {
    assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void arithmetic_throwsOnOverflow_insteadOfWrapping() {
    Money huge = Money.ofMicros("USD", Long.MAX_VALUE);

    assertThatThrownBy(() -> huge.plus(Money.ofMicros("USD", 1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void plainString_showsAtLeastTheMinorUnit() {
    assertThat(Money.of("12.5", "USD").toPlainString()).isEqualTo("12.50");
    assertThat(Money.of("-3", "EUR").toPlainString()).isEqualTo("-3.00");
    assertThat(Money.of("1000", "JPY").toPlainString()).isEqualTo("1000");
  }

  @Test
  void roundingToMinorUnit_usesTheGivenMode() {
    Money amount = Money.of("0.125", "USD");

    assertThat(amount.roundedToMinorUnit(RoundingMode.HALF_UP).toPlainString()).isEqualTo("0.13");
    assertThat(amount.roundedToMinorUnit(RoundingMode.HALF_EVEN).toPlainString()).isEqualTo("0.12");
  }

  @Test
  void fraction_roundsOnlyAsTold() {
    Money perMinute = Money.of("0.02", "USD");

    assertThat(perMinute.timesFraction(61, 60, RoundingMode.UP).micros()).isEqualTo(20_334);
  }
}
