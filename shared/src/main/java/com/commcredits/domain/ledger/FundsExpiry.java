package com.commcredits.domain.ledger;

import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Purchased funds expire 12 months after purchase, oldest first. Spending draws on the oldest
 * purchase first (first in, first out), so what expires of a purchase is what was not spent of it
 * by its first anniversary. Deposits and recharges are purchases; calls, negative adjustments and
 * earlier expiries are what draws on them.
 */
public final class FundsExpiry {

  public static final Period LIFETIME = Period.ofMonths(12);

  private FundsExpiry() {}

  /**
   * The expiries due now, one per purchase with funds left at its anniversary, as ledger movements
   * keyed by the purchase ({@code expiry-<kind>-<sourceId>}), so applying them twice expires once.
   */
  public static List<Credit> due(List<LedgerEntry> entries, Instant now) {
    Set<String> expiredBefore =
        entries.stream()
            .filter(e -> e.kind() == EntryKind.EXPIRY)
            .map(LedgerEntry::sourceId)
            .collect(Collectors.toSet());
    List<LedgerEntry> purchases =
        entries.stream()
            .filter(
                e ->
                    e.kind() == EntryKind.DEPOSIT
                        || e.kind() == EntryKind.RECHARGE
                        || e.kind() == EntryKind.PURCHASE)
            .sorted(Comparator.comparing(LedgerEntry::at).thenComparing(LedgerEntry::entryId))
            .toList();
    if (purchases.isEmpty()) {
      return List.of();
    }
    Money zero = Money.zero(purchases.get(0).amount().currency());
    Money drawn =
        entries.stream()
            .filter(e -> e.amount().isNegative())
            .map(e -> e.amount().negate())
            .reduce(zero, Money::plus);
    Money positiveAdjustments =
        entries.stream()
            .filter(e -> e.kind() == EntryKind.ADJUSTMENT && e.amount().isPositive())
            .map(LedgerEntry::amount)
            .reduce(zero, Money::plus);
    // Goodwill adjustments are spent before purchased funds, which keeps purchases unexpired
    // longest.
    Money toAllocate =
        positiveAdjustments.isLessThan(drawn) ? drawn.minus(positiveAdjustments) : zero;
    List<Credit> due = new ArrayList<>();
    for (LedgerEntry purchase : purchases) {
      Money fromThis = toAllocate.isLessThan(purchase.amount()) ? toAllocate : purchase.amount();
      toAllocate = toAllocate.minus(fromThis);
      Money left = purchase.amount().minus(fromThis);
      String expiryId =
          "expiry-" + purchase.kind().name().toLowerCase(Locale.ROOT) + "-" + purchase.sourceId();
      boolean anniversaryPassed =
          !purchase.at().atZone(ZoneOffset.UTC).plus(LIFETIME).toInstant().isAfter(now);
      if (left.isPositive() && anniversaryPassed && !expiredBefore.contains(expiryId)) {
        due.add(
            new Credit(
                purchase.orgId(),
                EntryKind.EXPIRY,
                expiryId,
                left.negate(),
                now,
                "unspent funds of " + purchase.entryId() + " expired 12 months after purchase"));
      }
    }
    return due;
  }
}
