package com.commcredits.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceForecastTest {

  private static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

  private static LedgerEntry charge(String amount, Duration ago) {
    return new LedgerEntry(
        "acme",
        EntryKind.CALL_CHARGE,
        "u" + ago,
        Money.of(amount, "USD").negate(),
        NOW.minus(ago),
        "");
  }

  @Test
  void zeroIsForecast_fromTheLastWeeksAverageDailySpend() {
    var entries = List.of(charge("10", Duration.ofDays(1)), charge("4", Duration.ofDays(6)));

    var forecast = BalanceForecast.of(Money.of("20", "USD"), entries, NOW);

    assertThat(forecast.dailySpend()).isEqualTo(Money.of("2", "USD"));
    assertThat(forecast.zeroAt()).contains(NOW.plus(Duration.ofDays(10)));
  }

  @Test
  void chargesOlderThanTheWindow_andCredits_doNotCount() {
    var deposit =
        new LedgerEntry(
            "acme", EntryKind.DEPOSIT, "d1", Money.of("100", "USD"), NOW.minusSeconds(60), "");
    var entries = List.of(charge("70", Duration.ofDays(8)), deposit);

    var forecast = BalanceForecast.of(Money.of("30", "USD"), entries, NOW);

    assertThat(forecast.zeroAt()).isEmpty();
    assertThat(forecast.dailySpend().isZero()).isTrue();
  }

  @Test
  void exhaustedBalance_hasNoForecast() {
    var forecast =
        BalanceForecast.of(Money.of("-1", "USD"), List.of(charge("7", Duration.ofDays(1))), NOW);

    assertThat(forecast.zeroAt()).isEmpty();
  }
}
