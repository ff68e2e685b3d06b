package com.commcredits.testing;

import com.commcredits.domain.funding.PurchaseSettlement;
import com.commcredits.domain.funding.RechargeRequest;
import com.commcredits.domain.funding.RechargeRequestPublisher;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.notification.NotificationPublisher;
import java.util.ArrayList;
import java.util.List;

/** Publishers that keep what they were given. */
public final class RecordingPublishers {

  private RecordingPublishers() {}

  public static final class Notifications implements NotificationPublisher {
    private final List<Notification> published = new ArrayList<>();

    @Override
    public synchronized void publish(Notification notification) {
      published.add(notification);
    }

    public synchronized List<Notification> published() {
      return List.copyOf(published);
    }

    /** Distinct by id, as the email step sends them. */
    public synchronized List<Notification> sent() {
      return published.stream().filter(distinctIds(new java.util.HashSet<>())).toList();
    }

    private static java.util.function.Predicate<Notification> distinctIds(
        java.util.Set<String> seen) {
      return n -> seen.add(n.notificationId());
    }
  }

  public static final class RechargeRequests implements RechargeRequestPublisher {
    private final List<RechargeRequest> published = new ArrayList<>();
    private final List<PurchaseSettlement> settlements = new ArrayList<>();

    @Override
    public synchronized void publish(RechargeRequest request) {
      published.add(request);
    }

    @Override
    public synchronized void publish(PurchaseSettlement settlement) {
      settlements.add(settlement);
    }

    public synchronized List<PurchaseSettlement> settlements() {
      return List.copyOf(settlements);
    }

    public synchronized List<RechargeRequest> published() {
      return List.copyOf(published);
    }

    /** The queued requests are lost (a DLQ, a lost send): only what is published later counts. */
    public synchronized void loseAll() {
      published.clear();
      settlements.clear();
    }

    public synchronized RechargeRequest last() {
      return published.get(published.size() - 1);
    }
  }
}
