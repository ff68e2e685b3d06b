package com.commcredits.testing;

import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.notification.Notification.RechargeFailure;
import com.commcredits.domain.notification.Notification.SuspendedService;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** One notification of each kind, for an org, in USD. */
public final class TestNotifications {

  public static final Instant AT = Instant.parse("2026-11-23T09:30:00Z");

  private TestNotifications() {}

  public static Notification.RechargeSucceeded rechargeSucceeded(String orgId) {
    return new Notification.RechargeSucceeded(
        "recharge-succeeded-" + orgId + "-000001",
        orgId,
        AT,
        Money.of("100.00", "USD"),
        Money.of("118.25", "USD"),
        "Visa •••• 4242");
  }

  public static Notification.RechargeFailed rechargeFailed(
      String orgId, RechargeFailure failure, String code) {
    boolean retrying = failure == RechargeFailure.SOFT_DECLINE_RETRYING;
    return new Notification.RechargeFailed(
        "recharge-failed-" + orgId + "-" + failure.name().toLowerCase(java.util.Locale.ROOT),
        orgId,
        AT,
        Money.of("100.00", "USD"),
        failure,
        code,
        !retrying,
        retrying ? Instant.parse("2026-11-24T09:30:00Z") : null);
  }

  public static Notification.BalanceReachedZero balanceReachedZero(String orgId) {
    return new Notification.BalanceReachedZero(
        "zero-" + orgId + "-1",
        orgId,
        AT,
        Money.of("-0.0125", "USD"),
        List.of(SuspendedService.TOLL_FREE_NUMBERS, SuspendedService.DIAL_OUT));
  }

  public static Notification.LowBalance lowBalance(String orgId) {
    return new Notification.LowBalance(
        "low-" + orgId + "-1", orgId, AT, Money.of("150.50", "USD"), Money.of("200", "USD"));
  }

  public static Notification.CardExpiring cardExpiring(String orgId) {
    return new Notification.CardExpiring(
        "card-expiring-" + orgId + "-2026-12", orgId, AT, "Visa •••• 4242", YearMonth.of(2026, 12));
  }

  public static Notification.PurchaseCompleted purchaseCompleted(String orgId) {
    return new Notification.PurchaseCompleted(
        "purchase-settled-" + orgId + "-p-4f1c7a52",
        orgId,
        AT,
        "p-4f1c7a52",
        Money.of("25.00", "USD"),
        Money.of("143.25", "USD"));
  }

  public static Notification.PurchaseDeclined purchaseDeclined(
      String orgId, Notification.PurchaseFailure failure, String code) {
    return new Notification.PurchaseDeclined(
        "purchase-settled-" + orgId + "-p-" + failure.name().toLowerCase(java.util.Locale.ROOT),
        orgId,
        AT,
        "p-4f1c7a52",
        Money.of("25.00", "USD"),
        failure,
        code);
  }

  /** Every kind, and every recharge and purchase failure. */
  public static List<Notification> everyKind(String orgId) {
    List<Notification> all = new java.util.ArrayList<>();
    all.add(rechargeSucceeded(orgId));
    for (RechargeFailure failure : RechargeFailure.values()) {
      all.add(rechargeFailed(orgId, failure, codeFor(failure)));
    }
    all.add(balanceReachedZero(orgId));
    all.add(lowBalance(orgId));
    all.add(cardExpiring(orgId));
    all.add(purchaseCompleted(orgId));
    for (Notification.PurchaseFailure failure : Notification.PurchaseFailure.values()) {
      all.add(purchaseDeclined(orgId, failure, failure.name().toLowerCase(java.util.Locale.ROOT)));
    }
    return all;
  }

  private static String codeFor(RechargeFailure failure) {
    return switch (failure) {
      case HARD_DECLINE -> "expired_card";
      case SOFT_DECLINE_RETRYING, SOFT_DECLINE_GAVE_UP -> "insufficient_funds";
      case PROCESSING_ERROR_GAVE_UP -> "processing_error";
      case BURST_GUARD, MONTHLY_CAP -> "";
    };
  }
}
