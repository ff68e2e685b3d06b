package com.commcredits.domain.payment;

import com.commcredits.domain.money.Money;

/** What the payment provider said about a card charge, by the kind of handling it needs. */
public sealed interface ChargeResult {

  /** The card was charged. */
  record Succeeded(String paymentId, Money amount) implements ChargeResult {}

  /**
   * Declined for a reason a retry cannot fix (expired card, card declined, lost or stolen): stop
   * and ask the admin to update the card.
   *
   * @param code the provider's decline code, e.g. {@code expired_card}
   */
  record HardDecline(String code, String message) implements ChargeResult {}

  /** Declined for a reason that may pass later (insufficient funds): retry on a back-off. */
  record SoftDecline(String code, String message) implements ChargeResult {}

  /** The provider failed to process it (an error on its side): retry soon, then give up. */
  record ProcessingError(String code, String message) implements ChargeResult {}

  /**
   * No answer (a timeout, a lost reply): the card may or may not have been charged. Reconcile with
   * {@link PaymentGateway#find} before anything else is tried, and never tried again under a new
   * key before that.
   */
  record OutcomeUnknown(String reason) implements ChargeResult {}

  /** For {@link PaymentGateway#find}: the provider has no charge under that key. */
  record NotFound(String idempotencyKey) implements ChargeResult {}
}
