package com.commcredits.domain.account;

/**
 * Why auto-recharge is paused until something changes. Each reason says what lifts it, so the rule
 * lives here and not in the callers.
 */
public enum PauseReason {
  /** The card was declined for good (expired, stolen, declined): a new card lifts it. */
  HARD_DECLINE,
  /** Insufficient funds on every retry: a new card lifts it. */
  SOFT_DECLINE_GAVE_UP,
  /** The provider kept failing to process the charge. */
  PROCESSING_ERROR_GAVE_UP,
  /** The provider gave no answer too many times in a row; an operator looks at it. */
  UNKNOWN_OUTCOMES,
  /** More recharges in the burst window than the guard allows (a recharge loop). */
  BURST_GUARD,
  /** This month's recharges reached the org's monthly cap; the next month lifts it. */
  MONTHLY_CAP;

  /**
   * Whether the admin saving the auto-recharge setting lifts it: the guards do; a declined card
   * needs a new card (which lifts every reason).
   */
  public boolean liftedByRechargeSetting() {
    return this == BURST_GUARD || this == MONTHLY_CAP || this == UNKNOWN_OUTCOMES;
  }

  /** Whether it lifts by itself when the calendar month (UTC) turns. */
  public boolean liftsWhenMonthTurns() {
    return this == MONTHLY_CAP;
  }

  /**
   * Reads a stored reason; items written before reasons were typed hold {@code HARD_DECLINE:code}.
   */
  public static PauseReason parse(String stored) {
    int colon = stored.indexOf(':');
    return valueOf(colon < 0 ? stored : stored.substring(0, colon));
  }
}
