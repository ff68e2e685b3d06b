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
 * @param staleRequestAfter a recharge in flight not worked on within this time of being due is
 *     requested again (its message may be lost or in a DLQ; a duplicate request is harmless)
 * @param unknownOutcomeLimit after this many answers in a row without a clear outcome, recharging
 *     pauses and operators are alerted; the try stays open and is asked about every {@code
 *     unknownOutcomeRecheck}
 * @param unknownOutcomeRecheck how often a paused try without a clear outcome is asked about again
 * @param stuckAlarmAfter a recharge in flight this long past due is reported as stuck (alarm)
 */
public record RechargePolicy(
    List<Duration> softDeclineBackoff,
    List<Duration> processingErrorBackoff,
    int burstLimit,
    Duration burstWindow,
    Duration staleRequestAfter,
    int unknownOutcomeLimit,
    Duration unknownOutcomeRecheck,
    Duration stuckAlarmAfter) {

  /** The default {@code unknownOutcomeLimit}: about five minutes of 30-second rechecks. */
  public static final int STANDARD_UNKNOWN_OUTCOME_LIMIT = 10;

  public static final Duration STANDARD_UNKNOWN_OUTCOME_RECHECK = Duration.ofHours(1);

  public static final Duration STANDARD_STUCK_ALARM_AFTER = Duration.ofMinutes(30);

  /** With the standard limits for unknown outcomes and stuck recharges. */
  public RechargePolicy(
      List<Duration> softDeclineBackoff,
      List<Duration> processingErrorBackoff,
      int burstLimit,
      Duration burstWindow,
      Duration staleRequestAfter) {
    this(
        softDeclineBackoff,
        processingErrorBackoff,
        burstLimit,
        burstWindow,
        staleRequestAfter,
        STANDARD_UNKNOWN_OUTCOME_LIMIT,
        STANDARD_UNKNOWN_OUTCOME_RECHECK,
        STANDARD_STUCK_ALARM_AFTER);
  }

  public RechargePolicy {
    softDeclineBackoff = List.copyOf(softDeclineBackoff);
    processingErrorBackoff = List.copyOf(processingErrorBackoff);
    Objects.requireNonNull(burstWindow, "burstWindow");
    Objects.requireNonNull(staleRequestAfter, "staleRequestAfter");
    Objects.requireNonNull(unknownOutcomeRecheck, "unknownOutcomeRecheck");
    Objects.requireNonNull(stuckAlarmAfter, "stuckAlarmAfter");
    if (unknownOutcomeLimit < 1) {
      throw new IllegalArgumentException("unknownOutcomeLimit must be at least 1");
    }
    if (burstLimit < 1 || burstLimit > MAX_BURST_LIMIT) {
      // Guards issue 9 defect 10: the guard counts remembered recharges, so a limit above what is
      // remembered could never trip.
      throw new IllegalArgumentException(
          "burstLimit must be 1-" + MAX_BURST_LIMIT + " (recharges remembered), got " + burstLimit);
    }
  }

  /**
   * The default waits after soft declines, as the template's {@code SoftDeclineBackoff} parameter
   * spells it; the wiring, the template test and the tests read this one.
   */
  public static final String STANDARD_SOFT_DECLINE_BACKOFF = "PT1H,PT6H,PT24H";

  /** The default waits after processing errors ({@code ProcessingErrorBackoff}). */
  public static final String STANDARD_PROCESSING_ERROR_BACKOFF = "PT30S,PT2M,PT10M";

  /**
   * The highest burst limit that can trip: the guard remembers this many recharges ({@link
   * FundingState}); the template's {@code RechargeBurstLimit} has it as its {@code MaxValue}.
   */
  public static final int MAX_BURST_LIMIT = FundingState.REMEMBERED_RECHARGES;

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
