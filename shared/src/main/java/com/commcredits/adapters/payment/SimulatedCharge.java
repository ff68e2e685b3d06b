package com.commcredits.adapters.payment;

import com.commcredits.domain.money.Money;
import com.commcredits.domain.payment.ChargeResult;
import java.time.Instant;
import java.util.Objects;

/**
 * One charge the simulated provider made (or declined), kept under its idempotency key as a real
 * provider keeps it.
 *
 * @param paymentId the simulated payment id, set only when the card was charged
 * @param replyLost the card was charged but the first reply was lost (a simulated timeout)
 */
public record SimulatedCharge(
    String orgId,
    String idempotencyKey,
    Kind kind,
    String code,
    String message,
    Money amount,
    String paymentId,
    boolean replyLost,
    Instant at) {

  /** What the provider did with the charge. */
  public enum Kind {
    SUCCEEDED,
    HARD_DECLINE,
    SOFT_DECLINE,
    PROCESSING_ERROR
  }

  public SimulatedCharge {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(at, "at");
    code = code == null ? "" : code;
    message = message == null ? "" : message;
    if (kind == Kind.SUCCEEDED && (paymentId == null || paymentId.isBlank())) {
      throw new IllegalArgumentException("a successful charge needs a payment id");
    }
  }

  /** Whether money was taken from the card. */
  public boolean tookMoney() {
    return kind == Kind.SUCCEEDED;
  }

  /** The answer a replay of this charge gets: the stored result, never the lost reply. */
  public ChargeResult result() {
    return switch (kind) {
      case SUCCEEDED -> new ChargeResult.Succeeded(paymentId, amount);
      case HARD_DECLINE -> new ChargeResult.HardDecline(code, message);
      case SOFT_DECLINE -> new ChargeResult.SoftDecline(code, message);
      case PROCESSING_ERROR -> new ChargeResult.ProcessingError(code, message);
    };
  }
}
