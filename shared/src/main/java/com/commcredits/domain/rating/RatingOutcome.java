package com.commcredits.domain.rating;

/** The result of rating one call record. */
public sealed interface RatingOutcome {

  /** The call has a price (possibly zero), split between a pool and credits. */
  record Rated(CallCharge charge) implements RatingOutcome {}

  /**
   * The call is not charged: no rate, an invalid number, or a destination the card refuses (premium
   * rate). The reason is shown to admins with the kept record; numbers in it are masked.
   */
  record Unratable(String reason) implements RatingOutcome {}
}
