package com.commcredits.domain.funding;

import com.commcredits.domain.funding.PurchaseOutcome.DeclineKind;
import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * One credit purchase as recorded before the card is charged: CHARGING until the provider's answer
 * is recorded, then SUCCEEDED (credited in the same transaction) or DECLINED.
 *
 * @param declineKind why it was declined, or {@code null}
 * @param code the provider's decline code, or {@code null}
 * @param paymentId the provider's payment id once charged, or {@code null}
 */
public record CreditPurchase(
    String orgId,
    String purchaseId,
    Money amount,
    Status status,
    Instant requestedAt,
    DeclineKind declineKind,
    String code,
    String paymentId) {

  public enum Status {
    /** Recorded; the card is being (or may have been) charged under {@link #idempotencyKey()}. */
    CHARGING,
    SUCCEEDED,
    DECLINED
  }

  public CreditPurchase {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(purchaseId, "purchaseId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  public static CreditPurchase charging(PurchaseCommand command) {
    return new CreditPurchase(
        command.orgId(),
        command.purchaseId(),
        command.amount(),
        Status.CHARGING,
        command.now(),
        null,
        null,
        null);
  }

  /** The provider's idempotency key: one per purchase, so every try of it is the same charge. */
  public String idempotencyKey() {
    return "purchase-" + orgId + "-" + purchaseId;
  }

  public CreditPurchase succeeded(String newPaymentId) {
    return new CreditPurchase(
        orgId, purchaseId, amount, Status.SUCCEEDED, requestedAt, null, null, newPaymentId);
  }

  public CreditPurchase declined(DeclineKind kind, String newCode) {
    return new CreditPurchase(
        orgId, purchaseId, amount, Status.DECLINED, requestedAt, kind, newCode, null);
  }
}
