package com.commcredits.domain.notification;

import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.account.OrgAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Step 4: emails a notification to the org's admins, in the org's language, once per notification
 * id. A notification that cannot be delivered (no account, no admin address, an address the
 * provider refuses) is recorded as rejected with its reason and not tried again.
 *
 * <p>The crash window between "sent" and "recorded as sent" is closed towards <em>at least
 * once</em>: the notification is claimed for a short lease, sent, then recorded. If the function
 * dies after the provider accepted the email but before the record, the lease runs out and the
 * redelivered message sends it again. The other order (record first, then send) would lose that
 * email for good, and these emails carry what an admin must act on ("update your card", "services
 * stopped"), so a rare duplicate is the lesser harm. The lease keeps two concurrent deliveries of
 * one message (SQS delivers at least once) from both sending; it must outlast one send (the
 * function's timeout) and end before the queue's visibility timeout brings the message back.
 */
public final class SendNotifications {

  /** What one notification came to. */
  public sealed interface Outcome {
    record Sent(String messageId) implements Outcome {}

    /** Sent or rejected before: nothing was sent now. */
    record AlreadyDone(SentNotification earlier) implements Outcome {}

    /** Cannot be delivered; recorded and not retried. */
    record Rejected(String reason) implements Outcome {}

    /** Another delivery of the same message is sending it now: try again after its lease. */
    record InProgress(Instant leaseUntil) implements Outcome {}
  }

  private final Accounts accounts;
  private final EmailTemplates templates;
  private final Mailer mailer;
  private final SentNotifications sent;
  private final Duration lease;

  public SendNotifications(
      Accounts accounts,
      EmailTemplates templates,
      Mailer mailer,
      SentNotifications sent,
      Duration lease) {
    this.accounts = accounts;
    this.templates = templates;
    this.mailer = mailer;
    this.sent = sent;
    this.lease = Objects.requireNonNull(lease, "lease");
  }

  /** Sends once; throws only for faults worth a retry (throttling, network). */
  public Outcome send(Notification notification, Instant now) {
    String orgId = notification.orgId();
    String id = notification.notificationId();
    String kind = NotificationKind.of(notification).name();
    Optional<SentNotification> earlier = sent.claim(orgId, id, kind, now, now.plus(lease));
    if (earlier.isPresent()) {
      return earlier.get().status() == SentNotification.Status.SENDING
          ? new Outcome.InProgress(earlier.get().leaseUntil())
          : new Outcome.AlreadyDone(earlier.get());
    }
    Optional<OrgAccount> account = accounts.find(orgId);
    if (account.isEmpty()) {
      return reject(orgId, id, kind, "no account for org " + orgId, now);
    }
    Email email;
    try {
      email = templates.render(notification, account.get());
    } catch (IllegalArgumentException unrenderable) {
      return reject(orgId, id, kind, "cannot be written: " + unrenderable.getMessage(), now);
    }
    Mailer.SendResult result = mailer.send(email);
    if (result instanceof Mailer.SendResult.Sent accepted) {
      sent.record(SentNotification.sent(orgId, id, kind, accepted.messageId(), now));
      return new Outcome.Sent(accepted.messageId());
    }
    return reject(orgId, id, kind, ((Mailer.SendResult.PermanentlyRejected) result).reason(), now);
  }

  /**
   * Records a message that could not be read as a notification, so that it is dropped with its
   * reason rather than retried.
   */
  public void rejectUnreadable(String orgId, String notificationId, String reason, Instant now) {
    sent.record(SentNotification.rejected(orgId, notificationId, "MALFORMED", reason, now));
  }

  private Outcome reject(String orgId, String id, String kind, String reason, Instant now) {
    sent.record(SentNotification.rejected(orgId, id, kind, reason, now));
    return new Outcome.Rejected(reason);
  }
}
