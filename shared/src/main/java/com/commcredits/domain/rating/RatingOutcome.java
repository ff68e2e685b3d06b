package com.commcredits.domain.rating;

/** The result of rating one call record. */
public sealed interface RatingOutcome {

  /** The call has a price (possibly zero). */
  record Rated(CallCharge charge) implements RatingOutcome {}

  /** The call cannot be priced; the reason is shown to admins with the kept record. */
  record Unratable(String reason) implements RatingOutcome {}
}
