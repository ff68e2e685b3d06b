package com.commcredits.domain.payment;

/** Charges cards on file through a payment provider. */
public interface PaymentGateway {

  /** Charges once per idempotency key; never throws for declines, only for faults. */
  ChargeResult charge(CardCharge charge);

  /**
   * What became of an earlier charge request (the same idempotency key, org and card): its result,
   * or {@link ChargeResult.NotFound} if the provider never saw it. The lookup must be consistent (a
   * read that sees every charge made before it), because a NotFound lets the caller drop the try;
   * when the provider cannot tell for sure it answers {@link ChargeResult.OutcomeUnknown}.
   */
  ChargeResult find(CardCharge charge);
}
