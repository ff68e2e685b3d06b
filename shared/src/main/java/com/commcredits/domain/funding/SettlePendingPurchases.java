package com.commcredits.domain.funding;

import com.commcredits.domain.funding.PurchaseCredit.SettlementOutcome;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.notification.Notification.PurchaseFailure;
import com.commcredits.domain.notification.NotificationIds;
import com.commcredits.domain.notification.NotificationPublisher;
import java.time.Instant;
import java.util.Optional;

/**
 * Settles credit purchases left pending by an unclear answer ({@link PurchaseCredit#settle}) and
 * tells the org's admins how each ended: the Admin API could only answer 202 PENDING, so the admin
 * learns the outcome by email. Every settlement that finds the purchase ended raises the same
 * notification (one id per purchase), so the email is sent once even when a settlement is
 * redelivered after a fault, or when the admin settled it by sending again.
 */
public final class SettlePendingPurchases {

  private final PurchaseCredit purchases;
  private final NotificationPublisher notifications;

  public SettlePendingPurchases(PurchaseCredit purchases, NotificationPublisher notifications) {
    this.purchases = purchases;
    this.notifications = notifications;
  }

  public SettlementOutcome settle(PurchaseSettlement settlement, Instant now) {
    SettlementOutcome outcome = purchases.settle(settlement, now);
    if (outcome instanceof SettlementOutcome.Settled settled) {
      howItEnded(settled, now).ifPresent(notifications::publish);
    }
    return outcome;
  }

  private static Optional<Notification> howItEnded(SettlementOutcome.Settled settled, Instant now) {
    CreditPurchase purchase = settled.purchase();
    String id = NotificationIds.purchaseSettled(purchase.orgId(), purchase.purchaseId());
    PurchaseOutcome outcome = settled.outcome();
    if (outcome instanceof PurchaseOutcome.Purchased p) {
      return Optional.of(
          new Notification.PurchaseCompleted(
              id, purchase.orgId(), now, purchase.purchaseId(), p.amount(), p.newBalance()));
    }
    if (outcome instanceof PurchaseOutcome.AlreadyPurchased p) {
      return Optional.of(
          new Notification.PurchaseCompleted(
              id, purchase.orgId(), now, purchase.purchaseId(), p.amount(), p.balance()));
    }
    if (outcome instanceof PurchaseOutcome.Declined d) {
      return Optional.of(
          new Notification.PurchaseDeclined(
              id,
              purchase.orgId(),
              now,
              purchase.purchaseId(),
              purchase.amount(),
              failure(d.kind()),
              d.code()));
    }
    return Optional.empty();
  }

  private static PurchaseFailure failure(PurchaseOutcome.DeclineKind kind) {
    return switch (kind) {
      case HARD -> PurchaseFailure.HARD_DECLINE;
      case SOFT -> PurchaseFailure.SOFT_DECLINE;
      case PROCESSING -> PurchaseFailure.PROCESSING_ERROR;
    };
  }
}
