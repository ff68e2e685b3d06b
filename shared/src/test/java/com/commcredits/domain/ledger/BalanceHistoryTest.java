package com.commcredits.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceHistoryTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private static LedgerEntry entry(EntryKind kind, String id, String amount, String at) {
    return new LedgerEntry("acme", kind, id, Money.of(amount, "USD"), Instant.parse(at), "");
  }

  @Test
  void history_startsFromTheBalanceBeforeTheWindow_closesEachDay_andMarksFundsButNotCalls() {
    List<LedgerEntry> entries =
        List.of(
            entry(EntryKind.DEPOSIT, "d1", "100", "2026-09-01T00:00:00Z"),
            entry(EntryKind.CALL_CHARGE, "u1", "-10", "2026-11-29T09:00:00Z"),
            entry(EntryKind.RECHARGE, "r1", "50", "2026-11-29T10:00:00Z"),
            entry(EntryKind.EXPIRY, "x1", "-5", "2026-11-30T11:00:00Z"));

    BalanceHistory history =
        BalanceHistory.of(entries, Money.zero(java.util.Currency.getInstance("USD")), 30, NOW);

    assertThat(history.points().get(0).balance()).isEqualTo(Money.of("100", "USD"));
    assertThat(history.points()).hasSize(32);
    assertThat(history.points().get(history.points().size() - 2).balance())
        .isEqualTo(Money.of("140", "USD"));
    assertThat(history.points().get(history.points().size() - 1).balance())
        .isEqualTo(Money.of("135", "USD"));
    assertThat(history.markers())
        .extracting(LedgerEntry::kind)
        .containsExactly(EntryKind.RECHARGE, EntryKind.EXPIRY);
  }

  @Test
  void onlyThe30And90DayWindows_areOffered() {
    assertThatThrownBy(
            () ->
                BalanceHistory.of(
                    List.of(), Money.zero(java.util.Currency.getInstance("USD")), 7, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
