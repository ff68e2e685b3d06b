package com.commcredits.domain.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Which notifications were sent or rejected, so that each is emailed once. */
public interface SentNotifications {

  /**
   * Claims a notification for sending until {@code leaseUntil}. A claim is granted if the
   * notification was never seen, or if an earlier claim's lease ran out (that send crashed or timed
   * out before it recorded its outcome).
   *
   * @return empty when claimed; otherwise the record that stops this send (sent, rejected, or
   *     claimed by a send still under way)
   */
  Optional<SentNotification> claim(
      String orgId, String notificationId, String kind, Instant now, Instant leaseUntil);

  /**
   * Records a final outcome (sent or rejected), replacing a claim. A final outcome is never
   * replaced, so a late or malformed duplicate cannot overwrite what happened.
   */
  void record(SentNotification outcome);

  Optional<SentNotification> find(String orgId, String notificationId);

  /** Every notification of the org (sent, rejected or being sent), newest first. */
  List<SentNotification> list(String orgId);
}
