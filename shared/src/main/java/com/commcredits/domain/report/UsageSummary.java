package com.commcredits.domain.report;

import com.commcredits.domain.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A month's usage report summed: all calls, and per call type and per capability (what paid). Each
 * total counts calls, connected minutes (seconds summed, rounded up to whole minutes) and what
 * credits paid.
 */
public record UsageSummary(Total total, List<Total> byCallType, List<Total> byCapability) {

  public record Total(String key, long calls, long seconds, Money charge) {
    public long minutes() {
      return (seconds + 59) / 60;
    }

    Total plus(UsageRecord r) {
      return new Total(key, calls + 1, seconds + r.durationSeconds(), charge.plus(r.charge()));
    }
  }

  public UsageSummary {
    byCallType = List.copyOf(byCallType);
    byCapability = List.copyOf(byCapability);
  }

  public static UsageSummary of(List<UsageRecord> records, Money zero) {
    Total total = new Total("all", 0, 0, zero);
    for (UsageRecord r : records) {
      total = total.plus(r);
    }
    return new UsageSummary(
        total,
        by(records, UsageRecord::callType, zero),
        by(records, UsageRecord::capability, zero));
  }

  private static List<Total> by(
      List<UsageRecord> records, Function<UsageRecord, String> key, Money zero) {
    Map<String, Total> totals = new TreeMap<>();
    for (UsageRecord r : records) {
      String k = key.apply(r);
      totals.put(k, totals.getOrDefault(k, new Total(k, 0, 0, zero)).plus(r));
    }
    return new ArrayList<>(totals.values());
  }
}
