package com.commcredits.domain.notification;

/** Hands notifications on to the email step. */
public interface NotificationPublisher {
  void publish(Notification notification);
}
