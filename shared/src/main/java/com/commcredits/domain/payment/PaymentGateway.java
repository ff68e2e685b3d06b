package com.commcredits.domain.payment;

/** Charges cards on file through a payment provider. */
public interface PaymentGateway {

  /** Charges once per idempotency key; never throws for declines, only for faults. */
  ChargeResult charge(CardCharge charge);

  /**
   * What became of an earlier charge with this idempotency key: its result, or {@link
   * ChargeResult.NotFound} if the provider never saw it.
   */
  ChargeResult find(String orgId, String idempotencyKey);
}
