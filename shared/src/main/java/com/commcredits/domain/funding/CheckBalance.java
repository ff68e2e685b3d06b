package com.commcredits.domain.funding;

import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.PauseReason;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.balance.BalanceChangeCause;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.notification.NotificationIds;
import com.commcredits.domain.notification.NotificationPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
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
    CARD_EXPIRY_WARNED,
    /** Auto-recharge was turned off or paused: the waiting recharge was cancelled at once. */
    RECHARGE_CANCELLED,
    /** A new card or the setting saved again: the scheduled retry was brought forward to now. */
    RECHARGE_RETRIED_NOW,
    /** A recharge in flight is long past due (its message lost or dead-lettered): alarm. */
    RECHARGE_STUCK,
    /** The month turned, so the monthly cap's pause was lifted. */
    MONTHLY_CAP_LIFTED,
    /** The daily sweep asked for an open purchase (its card's answer unknown) to be settled. */
    PURCHASE_SETTLEMENT_REQUESTED,
    /** A purchase has been open for a day or more: alarm. */
    PURCHASE_STUCK
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
    return check(orgId, Set.of(), now);
  }

  /**
   * @param causes what the changes being checked were, e.g. an admin's new card, which brings a
   *     scheduled retry forward
   */
  public Outcome check(String orgId, Set<BalanceChangeCause> causes, Instant now) {
    Optional<BalanceSnapshot> snapshot = store.snapshot(orgId);
    if (snapshot.isEmpty()) {
      return new Outcome.UnknownOrg(orgId);
    }
    OrgAccount account = snapshot.get().account();
    FundingState funding = snapshot.get().funding();
    Set<Action> actions = EnumSet.noneOf(Action.class);
    account = liftMonthlyCapWhenTheMonthTurns(account, funding, now, actions);
    funding = driveRechargeInFlight(account, funding, causes, now, actions);
    checkZero(account, funding, now, actions);
    checkTrigger(account, funding, now, actions);
    checkCardExpiry(account, funding, now, actions);
    if (causes.contains(BalanceChangeCause.DAILY_SWEEP)) {
      settleOpenPurchases(account.orgId(), now, actions);
    }
    return new Outcome.Checked(account.balance(), actions);
  }

  /**
   * The backstop for purchases left open by an unclear card answer whose settlement messages were
   * lost or dead-lettered: asks for each to be settled under its own key, and reports one open for
   * a day.
   */
  private void settleOpenPurchases(String orgId, Instant now, Set<Action> actions) {
    for (CreditPurchase open : store.openPurchases(orgId)) {
      if (open.requestedAt().plus(PurchaseSettlement.SWEEP_AFTER).isBefore(now)) {
        recharges.publish(PurchaseSettlement.sweep(orgId, open.purchaseId(), now));
        actions.add(Action.PURCHASE_SETTLEMENT_REQUESTED);
      }
      if (open.requestedAt().plus(PurchaseSettlement.STUCK_AFTER).isBefore(now)) {
        actions.add(Action.PURCHASE_STUCK);
      }
    }
  }

  /**
   * Guards issue 9 defect 6: a pause for the monthly cap lasts only while the cap leaves no room
   * this month (UTC); in the next month it is lifted, as its email says.
   */
  private OrgAccount liftMonthlyCapWhenTheMonthTurns(
      OrgAccount account, FundingState funding, Instant now, Set<Action> actions) {
    AutoRecharge autoRecharge = account.autoRecharge();
    PauseReason pause = autoRecharge.pausedReason();
    YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
    if (pause == null
        || !pause.liftsWhenMonthTurns()
        || !funding.monthlyCapAllows(autoRecharge.amount(), month)
        || !store.liftPause(account.orgId(), pause)) {
      return account;
    }
    actions.add(Action.MONTHLY_CAP_LIFTED);
    return account.withAutoRecharge(autoRecharge.withPause(null));
  }

  /**
   * Keeps the recharge in flight moving, so auto-recharge never stops silently: cancels it at once
   * when auto-recharge is off or paused (unless a charge may be under way: then the recharge step
   * is asked to reconcile it now) (guards issue 9 defect 5); brings a scheduled retry forward when
   * an admin puts a card on file or saves the setting; requests any attempt again that is past due
   * by the policy's margin, whatever its status, and reports one long past due (defect 3).
   */
  private FundingState driveRechargeInFlight(
      OrgAccount account,
      FundingState funding,
      Set<BalanceChangeCause> causes,
      Instant now,
      Set<Action> actions) {
    if (!funding.hasRechargeInFlight()) {
      return funding;
    }
    Optional<RechargeAttempt> found = store.attempt(account.orgId(), funding.rechargeInFlight());
    if (found.isEmpty() || found.get().status().isFinal()) {
      return funding;
    }
    RechargeAttempt attempt = found.get();
    boolean active = account.autoRecharge().isActive();
    boolean charging = attempt.status() == RechargeAttempt.Status.CHARGING;
    boolean adminActed =
        causes.contains(BalanceChangeCause.PAYMENT_METHOD_UPDATED)
            || causes.contains(BalanceChangeCause.AUTO_RECHARGE_SET);
    if (!active && !charging) {
      if (store.closeRecharge(
          attempt.with(RechargeAttempt.Status.CANCELLED, null, attempt.lastCode()),
          attempt.status(),
          null)) {
        actions.add(Action.RECHARGE_CANCELLED);
        return funding.withRechargeClosed();
      }
      return funding;
    }
    if (active
        && adminActed
        && attempt.status() == RechargeAttempt.Status.RETRY_SCHEDULED
        && attempt.dueAt().isAfter(now)) {
      if (store.updateAttempt(
          attempt.with(RechargeAttempt.Status.RETRY_SCHEDULED, now, attempt.lastCode()),
          RechargeAttempt.Status.RETRY_SCHEDULED,
          attempt.tries())) {
        recharges.publish(new RechargeRequest(account.orgId(), attempt.attemptId(), now));
        actions.add(Action.RECHARGE_RETRIED_NOW);
      }
      return funding;
    }
    boolean overdue = attempt.dueAt().plus(policy.staleRequestAfter()).isBefore(now);
    if (overdue || (charging && !active && adminActed)) {
      recharges.publish(new RechargeRequest(account.orgId(), attempt.attemptId(), now));
      actions.add(Action.RECHARGE_REQUESTED_AGAIN);
    }
    if (attempt.dueAt().plus(policy.stuckAlarmAfter()).isBefore(now)) {
      actions.add(Action.RECHARGE_STUCK);
    }
    return funding;
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
    }
    // An attempt in flight is kept moving by driveRechargeInFlight.
  }
}
