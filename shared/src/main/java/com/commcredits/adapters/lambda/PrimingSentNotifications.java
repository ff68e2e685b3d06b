package com.commcredits.adapters.lambda;

import com.commcredits.domain.notification.SentNotification;
import com.commcredits.domain.notification.SentNotifications;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sent-notification store for a priming run of the send-email path: a claim is the real read of
 * the notification (it finds nothing for the priming org) and is granted without writing; outcomes
 * are not recorded. Nothing is written.
 */
public final class PrimingSentNotifications implements SentNotifications {

  private final SentNotifications real;

  public PrimingSentNotifications(SentNotifications real) {
    this.real = real;
  }

  @Override
  public Optional<SentNotification> claim(
      String orgId, String notificationId, String kind, Instant now, Instant leaseUntil) {
    real.find(orgId, notificationId);
    return Optional.empty();
  }

  @Override
  public void record(SentNotification outcome) {}

  @Override
  public Optional<SentNotification> find(String orgId, String notificationId) {
    return real.find(orgId, notificationId);
  }

  @Override
  public List<SentNotification> list(String orgId) {
    return real.list(orgId);
  }
}
