package com.commcredits.sendemail;

import com.commcredits.adapters.json.NotificationJson;
import com.commcredits.adapters.lambda.BatchFailures;
import com.commcredits.adapters.lambda.SqsDelivery;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.metrics.Metrics;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.notification.NotificationKind;
import com.commcredits.domain.notification.SendNotifications;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sends one SQS batch of notifications. Each message ends sent, already done, or rejected with its
 * reason (kept, and not retried); an unreadable message is logged and kept the same way when it
 * names its org, and is dropped from the queue either way, since no retry can make it readable. A
 * fault (throttling, network), or a send of the same notification still under way elsewhere, fails
 * only its own message, so SQS brings it back.
 */
final class NotificationBatch {

  private final NotificationJson json;
  private final SendNotifications sending;
  private final Clock clock;
  private final StructuredLog log;
  private final Metrics metrics;

  NotificationBatch(
      NotificationJson json, SendNotifications sending, Clock clock, StructuredLog log) {
    this(json, sending, clock, log, Metrics.NONE);
  }

  NotificationBatch(
      NotificationJson json,
      SendNotifications sending,
      Clock clock,
      StructuredLog log,
      Metrics metrics) {
    this.metrics = metrics;
    this.json = json;
    this.sending = sending;
    this.clock = clock;
    this.log = log;
  }

  BatchFailures process(List<SqsDelivery> deliveries) {
    BatchFailures failures = new BatchFailures();
    for (SqsDelivery delivery : deliveries) {
      try {
        if (!handle(delivery)) {
          failures.add(delivery.messageId());
        }
      } catch (RuntimeException fault) {
        log.error(
            "notification.fault",
            fault,
            "messageId",
            delivery.messageId(),
            "receiveCount",
            String.valueOf(delivery.receiveCount()));
        failures.add(delivery.messageId());
      }
    }
    metrics.flush();
    return failures;
  }

  /**
   * @return false if the message must come back later
   */
  private boolean handle(SqsDelivery delivery) {
    Instant now = clock.instant();
    Notification notification;
    try {
      notification = json.read(delivery.body());
    } catch (IllegalArgumentException malformed) {
      dropUnreadable(delivery, malformed.getMessage(), now);
      return true;
    }
    String[] ids = {
      "messageId", delivery.messageId(),
      "orgId", notification.orgId(),
      "notificationId", notification.notificationId(),
      "kind", NotificationKind.of(notification).name()
    };
    SendNotifications.Outcome outcome = sending.send(notification, now);
    metrics.add("Emails", 1, "outcome", outcome.getClass().getSimpleName());
    if (outcome instanceof SendNotifications.Outcome.Sent sent) {
      log.info("notification.sent", with(ids, "sesMessageId", sent.messageId()));
    } else if (outcome instanceof SendNotifications.Outcome.AlreadyDone done) {
      log.info("notification.already_done", with(ids, "status", done.earlier().status().name()));
    } else if (outcome instanceof SendNotifications.Outcome.Rejected rejected) {
      log.warn("notification.rejected", with(ids, "reason", rejected.reason()));
    } else if (outcome instanceof SendNotifications.Outcome.InProgress busy) {
      log.info("notification.in_progress", with(ids, "leaseUntil", busy.leaseUntil().toString()));
      return false;
    }
    return true;
  }

  private void dropUnreadable(SqsDelivery delivery, String reason, Instant now) {
    Optional<String> orgId = json.orgIdOf(delivery.body());
    String notificationId =
        json.notificationIdOf(delivery.body()).orElse("message-" + delivery.messageId());
    orgId.ifPresent(org -> sending.rejectUnreadable(org, notificationId, reason, now));
    log.warn(
        "notification.malformed",
        "messageId",
        delivery.messageId(),
        "orgId",
        orgId.orElse("unknown"),
        "notificationId",
        notificationId,
        "reason",
        reason,
        "kept",
        String.valueOf(orgId.isPresent()));
  }

  private static String[] with(String[] ids, String key, String value) {
    String[] all = Arrays.copyOf(ids, ids.length + 2);
    all[ids.length] = key;
    all[ids.length + 1] = value;
    return all;
  }
}
