package com.commcredits.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FundsExpiryTest {

  private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
  private final List<LedgerEntry> entries = new ArrayList<>();

  private void add(EntryKind kind, String id, String amount, String at) {
    entries.add(new LedgerEntry("acme", kind, id, Money.of(amount, "USD"), Instant.parse(at), ""));
  }

  @Test
  void unspentPartOfAPurchaseOlderThanTwelveMonths_expires_spendingTheOldestFirst() {
    add(EntryKind.DEPOSIT, "d1", "100", "2025-10-01T00:00:00Z");
    add(EntryKind.RECHARGE, "r1", "50", "2026-03-01T00:00:00Z");
    add(EntryKind.CALL_CHARGE, "u1", "-30", "2026-04-01T00:00:00Z");

    List<Credit> due = FundsExpiry.due(entries, NOW);

    assertThat(due)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(EntryKind.EXPIRY);
              assertThat(e.sourceId()).isEqualTo("expiry-deposit-d1");
              assertThat(e.amount()).isEqualTo(Money.of("-70", "USD"));
            });
  }

  @Test
  void fullySpentPurchase_leavesNothingToExpire() {
    add(EntryKind.DEPOSIT, "d1", "100", "2025-10-01T00:00:00Z");
    add(EntryKind.CALL_CHARGE, "u1", "-120", "2026-04-01T00:00:00Z");

    assertThat(FundsExpiry.due(entries, NOW)).isEmpty();
  }

  @Test
  void purchaseYoungerThanTwelveMonths_doesNotExpire() {
    add(EntryKind.DEPOSIT, "d1", "100", "2025-11-23T00:00:01Z");

    assertThat(FundsExpiry.due(entries, NOW)).isEmpty();
  }

  @Test
  void expiryWrittenBefore_isNotDueAgain() {
    add(EntryKind.DEPOSIT, "d1", "100", "2025-10-01T00:00:00Z");
    add(EntryKind.EXPIRY, "expiry-deposit-d1", "-100", "2026-10-01T00:00:00Z");
    add(EntryKind.RECHARGE, "r1", "50", "2026-10-02T00:00:00Z");

    assertThat(FundsExpiry.due(entries, NOW)).isEmpty();
  }

  @Test
  void laterPurchaseExpiresToo_onceTheOlderOneIsSpent() {
    add(EntryKind.DEPOSIT, "d1", "100", "2025-01-01T00:00:00Z");
    add(EntryKind.RECHARGE, "r1", "50", "2025-06-01T00:00:00Z");
    add(EntryKind.CALL_CHARGE, "u1", "-110", "2025-07-01T00:00:00Z");

    assertThat(FundsExpiry.due(entries, NOW))
        .extracting(Credit::sourceId, Credit::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("expiry-recharge-r1", Money.of("-40", "USD")));
  }
}
