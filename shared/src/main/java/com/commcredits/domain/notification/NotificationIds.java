package com.commcredits.domain.notification;

import java.time.YearMonth;

/**
 * Every notification id, built here from what caused the notification, so one cause always gives
 * the same id (and so one email) wherever it is raised, and two causes never share one.
 */
public final class NotificationIds {

  private NotificationIds() {}

  public static String rechargeSucceeded(String attemptId) {
    return "recharge-succeeded-" + attemptId;
  }

  /** The final failure of an attempt: recharging is paused or given up. */
  public static String rechargeFailed(String attemptId) {
    return "recharge-failed-" + attemptId;
  }

  /** The first soft decline of an attempt, which will be retried. */
  public static String rechargeRetrying(String attemptId) {
    return "recharge-failed-" + attemptId + "-retrying";
  }

  /** The org's {@code crossing}-th fall to zero. */
  public static String balanceReachedZero(String orgId, long crossing) {
    return "zero-" + orgId + "-" + crossing;
  }

  /** The org's {@code warning}-th fall below the trigger without auto-recharge. */
  public static String lowBalance(String orgId, long warning) {
    return "low-" + orgId + "-" + warning;
  }

  /**
   * How a purchase left pending ended: one email per purchase, however many settlements find it
   * ended.
   */
  public static String purchaseSettled(String orgId, String purchaseId) {
    return "purchase-settled-" + orgId + "-" + purchaseId;
  }

  public static String cardExpiring(String orgId, YearMonth expires) {
    return "card-expiring-" + orgId + "-" + expires;
  }
}
