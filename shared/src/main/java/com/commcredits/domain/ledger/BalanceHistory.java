package com.commcredits.domain.ledger;

import com.commcredits.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An org's balance over a recent window, from its ledger entries: the balance at the window's
 * start, at the close of each day (UTC) and now, with the entries that added or expired funds
 * marked (calls only move the line).
 *
 * @param points oldest first
 * @param markers oldest first; every entry in the window that is not a call charge
 */
public record BalanceHistory(
    Instant from, Instant to, List<Point> points, List<LedgerEntry> markers) {

  /** The windows an admin may look at, in days. */
  public static final Set<Integer> WINDOWS = Set.of(30, 90);

  public record Point(Instant at, Money balance) {}

  public BalanceHistory {
    points = List.copyOf(points);
    markers = List.copyOf(markers);
  }

  /**
   * @param entries the org's entries, any order
   * @param zero zero in the org's currency, the balance before any entry
   */
  public static BalanceHistory of(List<LedgerEntry> entries, Money zero, int days, Instant now) {
    if (!WINDOWS.contains(days)) {
      throw new IllegalArgumentException("days must be one of " + WINDOWS + ", got " + days);
    }
    Instant from = now.minus(Duration.ofDays(days));
    List<LedgerEntry> sorted =
        entries.stream()
            .sorted(
                java.util.Comparator.comparing(LedgerEntry::at).thenComparing(LedgerEntry::entryId))
            .toList();
    List<Point> points = new ArrayList<>();
    List<LedgerEntry> markers = new ArrayList<>();
    Money balance = zero;
    int next = 0;
    while (next < sorted.size() && sorted.get(next).at().isBefore(from)) {
      balance = balance.plus(sorted.get(next++).amount());
    }
    points.add(new Point(from, balance));
    Instant dayEnd =
        from.atZone(ZoneOffset.UTC)
            .toLocalDate()
            .plusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    while (dayEnd.isBefore(now)) {
      while (next < sorted.size() && sorted.get(next).at().isBefore(dayEnd)) {
        LedgerEntry entry = sorted.get(next++);
        balance = balance.plus(entry.amount());
        if (entry.kind() != EntryKind.CALL_CHARGE) {
          markers.add(entry);
        }
      }
      points.add(new Point(dayEnd, balance));
      dayEnd = dayEnd.plus(1, ChronoUnit.DAYS);
    }
    while (next < sorted.size() && !sorted.get(next).at().isAfter(now)) {
      LedgerEntry entry = sorted.get(next++);
      balance = balance.plus(entry.amount());
      if (entry.kind() != EntryKind.CALL_CHARGE) {
        markers.add(entry);
      }
    }
    points.add(new Point(now, balance));
    return new BalanceHistory(from, now, points, markers);
  }
}
