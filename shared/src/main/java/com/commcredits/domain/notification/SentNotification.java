package com.commcredits.domain.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of one notification: being sent (claimed until {@code leaseUntil}), sent, or rejected
 * for good.
 *
 * @param kind the {@link NotificationKind} name, or {@code MALFORMED} for a message that could not
 *     be read
 * @param detail the provider's message id when sent, the reason when rejected
 * @param leaseUntil until when a claim stops another send; only for {@link Status#SENDING}
 */
public record SentNotification(
    String orgId,
    String notificationId,
    String kind,
    Status status,
    String detail,
    Instant at,
    Instant leaseUntil) {

  public enum Status {
    /** Claimed by a send that has not finished (or crashed before recording its outcome). */
    SENDING,
    SENT,
    /** Cannot be delivered (no account, an address the provider refuses, unreadable message). */
    REJECTED
  }

  public SentNotification {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(notificationId, "notificationId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    detail = detail == null ? "" : detail;
    if (status == Status.SENDING && leaseUntil == null) {
      throw new IllegalArgumentException("a claim needs a lease");
    }
  }

  public static SentNotification sent(
      String orgId, String notificationId, String kind, String messageId, Instant at) {
    return new SentNotification(orgId, notificationId, kind, Status.SENT, messageId, at, null);
  }

  public static SentNotification rejected(
      String orgId, String notificationId, String kind, String reason, Instant at) {
    return new SentNotification(orgId, notificationId, kind, Status.REJECTED, reason, at, null);
  }
}
