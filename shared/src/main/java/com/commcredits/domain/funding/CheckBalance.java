package com.commcredits.domain.funding;

import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.notification.NotificationIds;
import com.commcredits.domain.notification.NotificationPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Step 2: compares an org's current balance with its trigger and zero. Below the trigger with
 * auto-recharge active, it opens one recharge (never a second while one is in flight); at or below
 * zero it suspends credit-funded services and tells the admins once per crossing; above zero again
 * it resumes them. Orgs without auto-recharge are warned once per fall below the trigger.
 *
 * <p>Notifications are published before the state change that decides them, under an id derived
 * from the state they were decided from: if the change then loses a race or the function dies, a
 * retry publishes the same id again, and the email step sends each id once.
 */
public final class CheckBalance {

  /** What a check did. */
  public enum Action {
    SUSPENDED,
    RESUMED,
    RECHARGE_REQUESTED,
    RECHARGE_REQUESTED_AGAIN,
    LOW_BALANCE_WARNED,
    LOW_BALANCE_REARMED,
    CARD_EXPIRY_WARNED
  }

  /** How long before a card's expiry its admins are warned. */
  static final Duration CARD_EXPIRY_NOTICE = Duration.ofDays(30);

  /** The result of one check. */
  public sealed interface Outcome {
    record Checked(Money balance, Set<Action> actions) implements Outcome {}

    record UnknownOrg(String orgId) implements Outcome {}
  }

  private final FundingStore store;
  private final RechargeRequestPublisher recharges;
  private final NotificationPublisher notifications;
  private final RechargePolicy policy;

  public CheckBalance(
      FundingStore store,
      RechargeRequestPublisher recharges,
      NotificationPublisher notifications,
      RechargePolicy policy) {
    this.store = store;
    this.recharges = recharges;
    this.notifications = notifications;
    this.policy = policy;
  }

  public Outcome check(String orgId, Instant now) {
    Optional<BalanceSnapshot> snapshot = store.snapshot(orgId);
    if (snapshot.isEmpty()) {
      return new Outcome.UnknownOrg(orgId);
    }
    OrgAccount account = snapshot.get().account();
    FundingState funding = snapshot.get().funding();
    Set<Action> actions = EnumSet.noneOf(Action.class);
    checkZero(account, funding, now, actions);
    checkTrigger(account, funding, now, actions);
    checkCardExpiry(account, funding, now, actions);
    return new Outcome.Checked(account.balance(), actions);
  }

  private void checkZero(
      OrgAccount account, FundingState funding, Instant now, Set<Action> actions) {
    boolean funded = account.balance().isPositive();
    if (!funded && account.serviceState() == ServiceState.ACTIVE) {
      notifications.publish(
          new Notification.BalanceReachedZero(
              NotificationIds.balanceReachedZero(account.orgId(), funding.zeroCrossings() + 1),
              account.orgId(),
              now,
              account.balance(),
              List.of(
                  Notification.SuspendedService.TOLL_FREE_NUMBERS,
                  Notification.SuspendedService.DIAL_OUT)));
      if (store.changeServiceState(
          account.orgId(), ServiceState.ACTIVE, ServiceState.SUSPENDED, now)) {
        actions.add(Action.SUSPENDED);
      }
    } else if (funded && account.serviceState() == ServiceState.SUSPENDED) {
      if (store.changeServiceState(
          account.orgId(), ServiceState.SUSPENDED, ServiceState.ACTIVE, now)) {
        actions.add(Action.RESUMED);
      }
    }
  }

  private void checkTrigger(
      OrgAccount account, FundingState funding, Instant now, Set<Action> actions) {
    AutoRecharge autoRecharge = account.autoRecharge();
    boolean belowTrigger = account.balance().isLessThan(autoRecharge.trigger());
    if (!belowTrigger) {
      if (funding.lowBalanceWarned()
          && store.changeLowBalanceWarned(account.orgId(), true, false)) {
        actions.add(Action.LOW_BALANCE_REARMED);
      }
      return;
    }
    if (autoRecharge.isActive()) {
      requestRecharge(account, funding, now, actions);
    } else if (!autoRecharge.enabled()
        && !funding.lowBalanceWarned()
        && account.balance().isPositive()) {
      notifications.publish(
          new Notification.LowBalance(
              NotificationIds.lowBalance(account.orgId(), funding.lowBalanceWarnings() + 1),
              account.orgId(),
              now,
              account.balance(),
              autoRecharge.trigger()));
      if (store.changeLowBalanceWarned(account.orgId(), false, true)) {
        actions.add(Action.LOW_BALANCE_WARNED);
      }
    }
  }

  private void checkCardExpiry(
      OrgAccount account, FundingState funding, Instant now, Set<Action> actions) {
    PaymentMethod card = account.autoRecharge().paymentMethod();
    if (card == null
        || !account.autoRecharge().enabled()
        || card.expires().equals(funding.cardExpiryWarnedFor())) {
      return;
    }
    Instant expiresAt =
        card.expires().plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (now.plus(CARD_EXPIRY_NOTICE).isBefore(expiresAt)) {
      return;
    }
    notifications.publish(
        new Notification.CardExpiring(
            NotificationIds.cardExpiring(account.orgId(), card.expires()),
            account.orgId(),
            now,
            card.displayName(),
            card.expires()));
    if (store.markCardExpiryWarned(account.orgId(), card.expires())) {
      actions.add(Action.CARD_EXPIRY_WARNED);
    }
  }

  private void requestRecharge(
      OrgAccount account, FundingState funding, Instant now, Set<Action> actions) {
    if (!funding.hasRechargeInFlight()) {
      RechargeAttempt attempt =
          RechargeAttempt.requested(
              account.orgId(),
              funding.nextAttemptId(account.orgId()),
              account.autoRecharge().amount(),
              now);
      if (store.openRecharge(attempt, funding.rechargeSequence())) {
        recharges.publish(new RechargeRequest(account.orgId(), attempt.attemptId(), now));
        actions.add(Action.RECHARGE_REQUESTED);
      }
      return;
    }
    // A request that nobody picked up may have been lost between opening and sending.
    store
        .attempt(account.orgId(), funding.rechargeInFlight())
        .filter(a -> a.status() == RechargeAttempt.Status.REQUESTED)
        .filter(a -> a.requestedAt().plus(policy.staleRequestAfter()).isBefore(now))
        .ifPresent(
            stale -> {
              recharges.publish(new RechargeRequest(account.orgId(), stale.attemptId(), now));
              actions.add(Action.RECHARGE_REQUESTED_AGAIN);
            });
  }
}
