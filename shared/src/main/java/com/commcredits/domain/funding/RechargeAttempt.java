package com.commcredits.domain.funding;

import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * One auto-recharge: a purchase of the org's recharge amount, tried until it succeeds, is declined
 * for good, or gives up. Each try charges the card with its own idempotency key, so a repeated try
 * is the same charge and a later try after a decline is a new one.
 *
 * @param tries how many charges were started; the current one is {@code tries}
 * @param nextTryAt when the next try is due, for retries on a back-off
 * @param lastCode the provider's code of the last failed try, or {@code null}
 * @param unknownOutcomes how many times in a row the current try got no clear answer from the
 *     provider; after {@link RechargePolicy#unknownOutcomeLimit()} recharging pauses and operators
 *     are alerted, while the try stays open to be reconciled under its key
 */
public record RechargeAttempt(
    String orgId,
    String attemptId,
    Money amount,
    Status status,
    int tries,
    Instant requestedAt,
    Instant nextTryAt,
    String lastCode,
    String paymentId,
    int unknownOutcomes) {

  public enum Status {
    /** Opened by the balance check; not charged yet. */
    REQUESTED,
    /** A charge was started and its outcome is not recorded yet. */
    CHARGING,
    /** Waiting for {@code nextTryAt} after a soft decline or a processing error. */
    RETRY_SCHEDULED,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
      return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
  }

  public RechargeAttempt {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(attemptId, "attemptId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  public static String attemptId(String orgId, long sequence) {
    return "recharge-" + orgId + "-" + sequence;
  }

  public static RechargeAttempt requested(
      String orgId, String attemptId, Money amount, Instant at) {
    return new RechargeAttempt(
        orgId, attemptId, amount, Status.REQUESTED, 0, at, at, null, null, 0);
  }

  /** The idempotency key of the current try: the provider sees each try as one charge. */
  public String idempotencyKey() {
    return attemptId + "-try-" + tries;
  }

  public RechargeAttempt with(Status newStatus, Instant newNextTryAt, String code) {
    return new RechargeAttempt(
        orgId,
        attemptId,
        amount,
        newStatus,
        tries,
        requestedAt,
        newNextTryAt,
        code,
        paymentId,
        unknownOutcomes);
  }

  public RechargeAttempt nextTry() {
    return new RechargeAttempt(
        orgId,
        attemptId,
        amount,
        Status.CHARGING,
        tries + 1,
        requestedAt,
        nextTryAt,
        lastCode,
        paymentId,
        0);
  }

  /** The current try got no clear answer again; it is asked about again at {@code recheckAt}. */
  public RechargeAttempt withUnknownOutcome(Instant recheckAt) {
    return new RechargeAttempt(
        orgId,
        attemptId,
        amount,
        Status.CHARGING,
        tries,
        requestedAt,
        recheckAt,
        lastCode,
        paymentId,
        unknownOutcomes + 1);
  }

  /** When the attempt is due to be worked on: requested, retried, or asked about again. */
  public Instant dueAt() {
    return nextTryAt == null ? requestedAt : nextTryAt;
  }

  public RechargeAttempt succeeded(String newPaymentId) {
    return new RechargeAttempt(
        orgId,
        attemptId,
        amount,
        Status.SUCCEEDED,
        tries,
        requestedAt,
        null,
        null,
        newPaymentId,
        unknownOutcomes);
  }
}
