package com.commcredits.domain.licences;

import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;

/**
 * The minutes an org has drawn from its pools in one calendar month (UTC). A new month starts every
 * pool at zero: usage is kept per month, so nothing needs resetting.
 *
 * @param minutesUsed by pool id; a pool not named has not been drawn on
 */
public record PoolUsage(String orgId, YearMonth month, Map<String, Long> minutesUsed) {

  public PoolUsage {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(month, "month");
    minutesUsed = Map.copyOf(minutesUsed);
  }

  public static PoolUsage none(String orgId, YearMonth month) {
    return new PoolUsage(orgId, month, Map.of());
  }

  public long used(String poolId) {
    return minutesUsed.getOrDefault(poolId, 0L);
  }
}
