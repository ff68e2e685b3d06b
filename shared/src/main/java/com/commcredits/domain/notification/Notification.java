package com.commcredits.domain.notification;

import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Something an org's admins are told by email. The {@code notificationId} is derived from what
 * caused it (e.g. the recharge attempt), so a notification raised twice is sent once.
 */
public sealed interface Notification {

  String notificationId();

  String orgId();

  Instant at();

  /** An auto-recharge charged the card and credited the balance. */
  record RechargeSucceeded(
      String notificationId, String orgId, Instant at, Money amount, Money newBalance, String card)
      implements Notification {
    public RechargeSucceeded {
      requireIds(notificationId, orgId, at);
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(newBalance, "newBalance");
      Objects.requireNonNull(card, "card");
    }
  }

  /**
   * An auto-recharge did not go through.
   *
   * @param code the provider's decline or error code, e.g. {@code expired_card}
   * @param autoRechargePaused whether recharging now waits for the admin (update the card, lift the
   *     guard) rather than retrying by itself
   * @param nextRetryAt when it will be tried again, or {@code null} when it will not
   */
  record RechargeFailed(
      String notificationId,
      String orgId,
      Instant at,
      Money amount,
      RechargeFailure failure,
      String code,
      boolean autoRechargePaused,
      Instant nextRetryAt)
      implements Notification {
    public RechargeFailed {
      requireIds(notificationId, orgId, at);
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(failure, "failure");
      code = code == null ? "" : code;
    }
  }

  /** The balance reached zero: these credit-funded services stopped until funds arrive. */
  record BalanceReachedZero(
      String notificationId,
      String orgId,
      Instant at,
      Money balance,
      List<SuspendedService> suspendedServices)
      implements Notification {
    public BalanceReachedZero {
      requireIds(notificationId, orgId, at);
      Objects.requireNonNull(balance, "balance");
      suspendedServices = List.copyOf(suspendedServices);
    }
  }

  /** The balance fell below the trigger of an org that does not recharge automatically. */
  record LowBalance(String notificationId, String orgId, Instant at, Money balance, Money trigger)
      implements Notification {
    public LowBalance {
      requireIds(notificationId, orgId, at);
      Objects.requireNonNull(balance, "balance");
      Objects.requireNonNull(trigger, "trigger");
    }
  }

  /** The card on file expires soon; recharges will fail after that month. */
  record CardExpiring(
      String notificationId, String orgId, Instant at, String card, YearMonth expires)
      implements Notification {
    public CardExpiring {
      requireIds(notificationId, orgId, at);
      Objects.requireNonNull(card, "card");
      Objects.requireNonNull(expires, "expires");
    }
  }

  /**
   * A credit purchase whose charge got no clear answer (the Admin API said 202 PENDING) went
   * through since: the card was charged once and the balance credited.
   */
  record PurchaseCompleted(
      String notificationId,
      String orgId,
      Instant at,
      String purchaseId,
      Money amount,
      Money balance)
      implements Notification {
    public PurchaseCompleted {
      requireIds(notificationId, orgId, at);
      Objects.requireNonNull(purchaseId, "purchaseId");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(balance, "balance");
    }
  }

  /**
   * A credit purchase whose charge got no clear answer was declined since: nothing was charged.
   *
   * @param code the provider's decline code, e.g. {@code expired_card} (may be empty)
   */
  record PurchaseDeclined(
      String notificationId,
      String orgId,
      Instant at,
      String purchaseId,
      Money amount,
      PurchaseFailure failure,
      String code)
      implements Notification {
    public PurchaseDeclined {
      requireIds(notificationId, orgId, at);
      Objects.requireNonNull(purchaseId, "purchaseId");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(failure, "failure");
      code = code == null ? "" : code;
    }
  }

  /** Why a recharge failed, by what the admin should know and do. */
  enum RechargeFailure {
    /** Expired, declined, lost or stolen card: update the payment method. */
    HARD_DECLINE,
    /** Insufficient funds; it will be retried. */
    SOFT_DECLINE_RETRYING,
    /** Insufficient funds on every retry; recharging is paused. */
    SOFT_DECLINE_GAVE_UP,
    /** The provider kept failing to process it; recharging is paused. */
    PROCESSING_ERROR_GAVE_UP,
    /** More recharges in an hour than the burst guard allows: paused to avoid a recharge loop. */
    BURST_GUARD,
    /** This month's recharges reached the org's monthly cap. */
    MONTHLY_CAP
  }

  /** Why a purchase was declined, by what the admin should do (notifications know no funding). */
  enum PurchaseFailure {
    /** Expired, lost, stolen or declined card: put another card on file. */
    HARD_DECLINE,
    /** Insufficient funds and the like: try later, or another card. */
    SOFT_DECLINE,
    /** The provider could not process the card: try again later. */
    PROCESSING_ERROR
  }

  /** Services that need credit. */
  enum SuspendedService {
    TOLL_FREE_NUMBERS,
    DIAL_OUT
  }

  private static void requireIds(String notificationId, String orgId, Instant at) {
    Objects.requireNonNull(notificationId, "notificationId");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(at, "at");
  }
}
