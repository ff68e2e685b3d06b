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

  /**
   * The default waits after soft declines, as the template's {@code SoftDeclineBackoff} parameter
   * spells it; the wiring, the template test and the tests read this one.
   */
  public static final String STANDARD_SOFT_DECLINE_BACKOFF = "PT1H,PT6H,PT24H";

  /** The default waits after processing errors ({@code ProcessingErrorBackoff}). */
  public static final String STANDARD_PROCESSING_ERROR_BACKOFF = "PT30S,PT2M,PT10M";

  /** The default burst guard ({@code RechargeBurstLimit}): recharges per burst window. */
  public static final int STANDARD_BURST_LIMIT = 3;

  /** The burst window the guard counts recharges in. */
  public static final Duration STANDARD_BURST_WINDOW = Duration.ofHours(1);

  /** The default time after which a requested recharge nobody picked up is requested again. */
  public static final Duration STANDARD_STALE_REQUEST_AFTER = Duration.ofMinutes(2);

  /** Soft declines after 1 h, 6 h and 24 h; processing errors after 30 s, 2 min, 10 min. */
  public static RechargePolicy standard() {
    return new RechargePolicy(
        backoff(STANDARD_SOFT_DECLINE_BACKOFF),
        backoff(STANDARD_PROCESSING_ERROR_BACKOFF),
        STANDARD_BURST_LIMIT,
        STANDARD_BURST_WINDOW,
        STANDARD_STALE_REQUEST_AFTER);
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
