package com.commcredits.domain.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which call start times are charged: a call draws the minute pools of the month it starts in, so a
 * record dated in the future (or far in the past) could draw free minutes from a month nobody has
 * used yet (guards issue 9 defect 7). A start later than now plus {@link #CLOCK_SKEW}, or older
 * than {@link #REVIEW_WINDOW}, is rejected and kept with the reason like any bad record.
 */
public final class CallTimeWindow {

  /** How far the platform's clock may run ahead of ours. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * How late a record may arrive and still be charged: a year and a month, so late records,
   * corrections and dead-letter redrives of the last billing year are charged, and nothing older
   * can reach a pool whose month is long closed.
   */
  public static final Duration REVIEW_WINDOW = Duration.ofDays(400);

  private CallTimeWindow() {}

  /** Why a call starting at {@code start} is not charged at {@code now}, if it is not. */
  public static Optional<String> refusal(Instant start, Instant now) {
    if (start.isAfter(now.plus(CLOCK_SKEW))) {
      return Optional.of(
          "startTime "
              + start
              + " is in the future (more than "
              + CLOCK_SKEW.toMinutes()
              + " minutes after the time it was received); not charged");
    }
    if (start.isBefore(now.minus(REVIEW_WINDOW))) {
      return Optional.of(
          "startTime "
              + start
              + " is older than the "
              + REVIEW_WINDOW.toDays()
              + "-day review window; not charged, kept for review");
    }
    return Optional.empty();
  }
}
