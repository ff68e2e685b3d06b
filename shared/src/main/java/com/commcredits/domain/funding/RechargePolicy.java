package com.commcredits.domain.funding;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How auto-recharge retries and what guards it against recharge loops.
 *
 * @param softDeclineBackoff waits before each retry after a soft decline (insufficient funds); when
 *     they are used up, recharging pauses
 * @param processingErrorBackoff waits before each retry after a processing error or an unknown
 *     outcome; short, then recharging pauses
 * @param burstLimit most successful recharges per org within {@code burstWindow}
 * @param staleRequestAfter a requested recharge not picked up within this time is requested again
 *     (its message may be lost; a duplicate request is harmless)
 */
public record RechargePolicy(
    List<Duration> softDeclineBackoff,
    List<Duration> processingErrorBackoff,
    int burstLimit,
    Duration burstWindow,
    Duration staleRequestAfter) {

  public RechargePolicy {
    softDeclineBackoff = List.copyOf(softDeclineBackoff);
    processingErrorBackoff = List.copyOf(processingErrorBackoff);
    Objects.requireNonNull(burstWindow, "burstWindow");
    Objects.requireNonNull(staleRequestAfter, "staleRequestAfter");
    if (burstLimit < 1) {
      throw new IllegalArgumentException("burstLimit must be at least 1");
    }
  }

  /** Soft declines after 1 h, 6 h and 24 h; processing errors after 30 s, 2 min, 10 min. */
  public static RechargePolicy standard() {
    return new RechargePolicy(
        List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24)),
        List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10)),
        3,
        Duration.ofHours(1),
        Duration.ofMinutes(2));
  }

  /** Parses {@code PT1H,PT6H,PT24H}. */
  public static List<Duration> backoff(String isoDurations) {
    return java.util.Arrays.stream(isoDurations.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(Duration::parse)
        .toList();
  }
}
