package com.commcredits.domain.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncrementsAndRoundingTest {

  @ParameterizedTest(name = "{0} s on 60/60 bills {1} s")
  @CsvSource({
    "0,0",
    "1,60",
    "59,60",
    "60,60",
    "61,120",
    "119,120",
    "120,120",
    "121,180",
    "86400,86400",
    "86399,86400"
  })
  void perMinuteIncrements_billEveryStartedMinute(long connected, long billed) {
    assertThat(new Increments(60, 60).billed(connected)).isEqualTo(billed);
  }

  @ParameterizedTest(name = "{0} s on 60/1 bills {1} s")
  @CsvSource({"0,0", "1,60", "59,60", "60,60", "61,61", "86400,86400"})
  void firstMinuteThenPerSecond_billsTheFirstMinuteWhole(long connected, long billed) {
    assertThat(new Increments(60, 1).billed(connected)).isEqualTo(billed);
  }

  @ParameterizedTest(name = "{0} s on 30/6 bills {1} s")
  @CsvSource({"1,30", "30,30", "31,36", "36,36", "37,42"})
  void otherIncrements_roundUpToTheirStep(long connected, long billed) {
    assertThat(new Increments(30, 6).billed(connected)).isEqualTo(billed);
  }

  @Test
  void restOfACallAfterAPool_isBilledInFollowingIncrementsOnly() {
    assertThat(new Increments(60, 60).billedRest(1)).isEqualTo(60);
    assertThat(new Increments(60, 1).billedRest(90)).isEqualTo(90);
    assertThat(new Increments(60, 60).billedRest(0)).isZero();
  }

  @Test
  void increments_mustBePositive() {
    assertThatThrownBy(() -> new Increments(0, 60)).hasMessageContaining("at least 1 s");
  }

  @ParameterizedTest(name = "{0}/{1} micros with {2} is {3}")
  @CsvSource({
    // 0.0105 USD to cents
    "630000,60,half_even:2,10000",
    "630000,60,up:2,20000",
    "630000,60,down:2,10000",
    // 0.035 exactly half a cent above 0.03: half-even goes to 0.04, half-down to 0.03
    "2100000,60,half_even:2,40000",
    "2100000,60,half_down:2,30000",
    "2100000,60,half_up:2,40000",
    // 0.0125 is already exact at 4 decimals
    "750000,60,up:4,12500",
    // a third of a micro-unit rounds up at 6 decimals
    "1,3,up:6,1",
    "0,60,up:2,0"
  })
  void rounding_appliesItsModeAtItsDecimals(
      long numerator, long denominator, String rule, long micros) {
    assertThat(Rounding.parse(rule).divide(numerator, denominator)).isEqualTo(micros);
  }

  @Test
  void rounding_refusesUnknownModesAndDecimals() {
    assertThatThrownBy(() -> Rounding.parse("sideways:2")).hasMessageContaining("rounding mode");
    assertThatThrownBy(() -> Rounding.parse("up:7")).hasMessageContaining("0 to 6");
    assertThatThrownBy(() -> new Rounding(RoundingMode.UNNECESSARY, 2))
        .hasMessageContaining("UNNECESSARY");
  }
}
