package com.commcredits.domain.charging;

import java.time.Instant;
import java.util.Objects;

/**
 * A call record that was not charged, kept with the reason so an admin or operator can correct and
 * resend it.
 *
 * @param messageId the id of the message that carried it, unique per delivery source
 * @param orgId the org it names, or {@code null} when it names none that could be read
 * @param usageId its usage id, or {@code null} when none could be read
 * @param body the record exactly as received
 */
public record RejectedCallRecord(
    String messageId,
    String orgId,
    String usageId,
    String reason,
    String body,
    Instant rejectedAt) {

  public RejectedCallRecord {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(rejectedAt, "rejectedAt");
  }
}
