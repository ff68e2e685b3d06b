package com.commcredits.testing;

import com.commcredits.domain.notification.SentNotification;
import com.commcredits.domain.notification.SentNotifications;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sent-notification records in memory, with the same claim and final-outcome rules. */
public final class InMemorySentNotifications implements SentNotifications {

  private final Map<String, SentNotification> records = new ConcurrentHashMap<>();

  @Override
  public List<SentNotification> list(String orgId) {
    return records.values().stream()
        .filter(r -> r.orgId().equals(orgId))
        .sorted(java.util.Comparator.comparing(SentNotification::at).reversed())
        .toList();
  }

  @Override
  public synchronized Optional<SentNotification> claim(
      String orgId, String notificationId, String kind, Instant now, Instant leaseUntil) {
    SentNotification earlier = records.get(key(orgId, notificationId));
    if (earlier != null
        && !(earlier.status() == SentNotification.Status.SENDING
            && earlier.leaseUntil().isBefore(now))) {
      return Optional.of(earlier);
    }
    records.put(
        key(orgId, notificationId),
        new SentNotification(
            orgId, notificationId, kind, SentNotification.Status.SENDING, "", now, leaseUntil));
    return Optional.empty();
  }

  @Override
  public synchronized void record(SentNotification outcome) {
    if (outcome.status() == SentNotification.Status.SENDING) {
      throw new IllegalArgumentException("record final outcomes; claims go through claim()");
    }
    SentNotification earlier = records.get(key(outcome.orgId(), outcome.notificationId()));
    if (earlier == null || earlier.status() == SentNotification.Status.SENDING) {
      records.put(key(outcome.orgId(), outcome.notificationId()), outcome);
    }
  }

  @Override
  public Optional<SentNotification> find(String orgId, String notificationId) {
    return Optional.ofNullable(records.get(key(orgId, notificationId)));
  }

  public List<SentNotification> all() {
    return List.copyOf(records.values());
  }

  private static String key(String orgId, String notificationId) {
    return orgId + "\n" + notificationId;
  }
}
