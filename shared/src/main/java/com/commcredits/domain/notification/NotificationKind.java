package com.commcredits.domain.notification;

/** The kinds of {@link Notification}, by the name they carry in messages and records. */
public enum NotificationKind {
  RECHARGE_SUCCEEDED,
  RECHARGE_FAILED,
  BALANCE_REACHED_ZERO,
  LOW_BALANCE,
  CARD_EXPIRING,
  PURCHASE_COMPLETED,
  PURCHASE_DECLINED;

  public static NotificationKind of(Notification notification) {
    if (notification instanceof Notification.RechargeSucceeded) {
      return RECHARGE_SUCCEEDED;
    }
    if (notification instanceof Notification.RechargeFailed) {
      return RECHARGE_FAILED;
    }
    if (notification instanceof Notification.BalanceReachedZero) {
      return BALANCE_REACHED_ZERO;
    }
    if (notification instanceof Notification.LowBalance) {
      return LOW_BALANCE;
    }
    if (notification instanceof Notification.CardExpiring) {
      return CARD_EXPIRING;
    }
    if (notification instanceof Notification.PurchaseCompleted) {
      return PURCHASE_COMPLETED;
    }
    if (notification instanceof Notification.PurchaseDeclined) {
      return PURCHASE_DECLINED;
    }
    throw new IllegalArgumentException("unknown notification " + notification.getClass());
  }
}
