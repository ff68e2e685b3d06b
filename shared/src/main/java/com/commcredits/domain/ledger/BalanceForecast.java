package com.commcredits.domain.ledger;

import com.commcredits.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When the balance will reach zero if calls keep costing what they cost over the recent window: the
 * balance divided by the average spend per day of call charges in that window.
 *
 * @param dailySpend the average call charges per day in the window (zero when there were none)
 * @param zeroAt when the balance reaches zero at that pace; empty when nothing is spent or the
 *     balance is already at or below zero
 */
public record BalanceForecast(Money dailySpend, Optional<Instant> zeroAt) {

  public static final Duration WINDOW = Duration.ofDays(7);

  public static BalanceForecast of(Money balance, List<LedgerEntry> entries, Instant now) {
    Instant since = now.minus(WINDOW);
    Money spent =
        entries.stream()
            .filter(e -> e.kind() == EntryKind.CALL_CHARGE && e.at().isAfter(since))
            .map(e -> e.amount().negate())
            .reduce(Money.zero(balance.currency()), Money::plus);
    Money perDay = spent.timesFraction(1, WINDOW.toDays(), RoundingMode.HALF_UP);
    if (!perDay.isPositive() || !balance.isPositive()) {
      return new BalanceForecast(perDay, Optional.empty());
    }
    BigDecimal days = balance.toBigDecimal().divide(perDay.toBigDecimal(), 6, RoundingMode.DOWN);
    long seconds = days.multiply(BigDecimal.valueOf(Duration.ofDays(1).toSeconds())).longValue();
    return new BalanceForecast(perDay, Optional.of(now.plusSeconds(seconds)));
  }
}
