package com.commcredits.domain.funding;

import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.PauseReason;
import com.commcredits.domain.balance.BalanceChangeCause;
import com.commcredits.domain.balance.BalanceChanged;
import com.commcredits.domain.balance.BalanceChangedPublisher;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.notification.Notification.RechargeFailure;
import com.commcredits.domain.notification.NotificationIds;
import com.commcredits.domain.notification.NotificationPublisher;
import com.commcredits.domain.payment.CardCharge;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.domain.payment.PaymentGateway;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Step 3: works a recharge attempt forward, in phases that each survive a crash: the try is
 * recorded (status CHARGING, its own idempotency key) before the card is charged, and the ledger
 * credit and the attempt's close are one transaction. An attempt found CHARGING is therefore
 * reconciled with the provider under the same key before anything else is tried, so the card is
 * never charged twice for one try and the ledger never credited twice.
 */
public final class RechargeAutomatically {

  /** What one request did. */
  public sealed interface Outcome {
    record Recharged(String attemptId) implements Outcome {}

    record RetryScheduled(String attemptId, Instant at, String code) implements Outcome {}

    record Failed(String attemptId, RechargeFailure failure, String code) implements Outcome {}

    record Cancelled(String attemptId, String reason) implements Outcome {}

    record NotYetDue(String attemptId, Instant at) implements Outcome {}

    /**
     * The provider gave no clear answer {@code times} in a row; at the limit recharging is paused
     * ({@code paused}) and operators are alerted, while the try stays open under its key.
     */
    record Unreconciled(String attemptId, int times, boolean paused, Instant recheckAt)
        implements Outcome {}

    /** A duplicate or late request for an attempt that is closed or superseded. */
    record NothingToDo(String attemptId, String why) implements Outcome {}
  }

  private final FundingStore store;
  private final PaymentGateway gateway;
  private final RechargeRequestPublisher recharges;
  private final BalanceChangedPublisher balanceChanges;
  private final NotificationPublisher notifications;
  private final RechargePolicy policy;

  public RechargeAutomatically(
      FundingStore store,
      PaymentGateway gateway,
      RechargeRequestPublisher recharges,
      BalanceChangedPublisher balanceChanges,
      NotificationPublisher notifications,
      RechargePolicy policy) {
    this.store = store;
    this.gateway = gateway;
    this.recharges = recharges;
    this.balanceChanges = balanceChanges;
    this.notifications = notifications;
    this.policy = policy;
  }

  public Outcome handle(RechargeRequest request, Instant now) {
    if (request.notBefore().isAfter(now)) {
      // Queues delay a message by minutes at most; a back-off of hours is a chain of such hops.
      recharges.publish(request);
      return new Outcome.NotYetDue(request.attemptId(), request.notBefore());
    }
    Optional<RechargeAttempt> found = store.attempt(request.orgId(), request.attemptId());
    Optional<BalanceSnapshot> snapshot = store.snapshot(request.orgId());
    if (found.isEmpty() || snapshot.isEmpty()) {
      return new Outcome.NothingToDo(request.attemptId(), "no such attempt");
    }
    RechargeAttempt attempt = found.get();
    OrgAccount account = snapshot.get().account();
    FundingState funding = snapshot.get().funding();
    if (attempt.status() == RechargeAttempt.Status.SUCCEEDED) {
      announceSuccess(attempt, now);
      return new Outcome.NothingToDo(attempt.attemptId(), "succeeded before");
    }
    if (attempt.status().isFinal() || !attempt.attemptId().equals(funding.rechargeInFlight())) {
      return new Outcome.NothingToDo(attempt.attemptId(), "closed or superseded");
    }
    if (attempt.status() == RechargeAttempt.Status.CHARGING) {
      if (account.autoRecharge().paymentMethod() == null) {
        return settle(
            attempt,
            new ChargeResult.OutcomeUnknown("no card on file to ask about"),
            account,
            funding,
            now);
      }
      // A consistent lookup under the try's own key (guards issue 9 defect 4): only a provider
      // that truly never saw the try may let it be cancelled below.
      ChargeResult earlier = gateway.find(cardCharge(attempt, account));
      if (!(earlier instanceof ChargeResult.NotFound)) {
        return settle(attempt, earlier, account, funding, now);
      }
      if (account.autoRecharge().isActive()) {
        return settle(attempt, gateway.charge(cardCharge(attempt, account)), account, funding, now);
      }
      // The provider never saw this try and recharging was turned off since: nothing to settle.
    }
    AutoRecharge autoRecharge = account.autoRecharge();
    if (!autoRecharge.isActive()) {
      String why = autoRecharge.enabled() ? "auto-recharge is paused" : "auto-recharge is off";
      store.closeRecharge(
          attempt.with(RechargeAttempt.Status.CANCELLED, null, null), attempt.status(), null);
      return new Outcome.Cancelled(attempt.attemptId(), why);
    }
    if (attempt.nextTryAt().isAfter(now)) {
      recharges.publish(
          new RechargeRequest(attempt.orgId(), attempt.attemptId(), attempt.nextTryAt()));
      return new Outcome.NotYetDue(attempt.attemptId(), attempt.nextTryAt());
    }
    if (attempt.status() == RechargeAttempt.Status.REQUESTED) {
      Optional<RechargeFailure> guard = guardAgainstLoops(attempt, funding, now);
      if (guard.isPresent()) {
        return fail(attempt, guard.get(), "", now);
      }
    }
    RechargeAttempt charging = attempt.nextTry();
    // Everything that could refuse the credit is built before the card is charged (defect 8).
    CardCharge charge = cardCharge(charging, account);
    creditFor(charging, account, "pending", now);
    if (!store.updateAttempt(charging, attempt.status(), attempt.tries())) {
      return new Outcome.NothingToDo(attempt.attemptId(), "another instance is charging it");
    }
    return settle(charging, gateway.charge(charge), account, funding, now);
  }

  private Optional<RechargeFailure> guardAgainstLoops(
      RechargeAttempt attempt, FundingState funding, Instant now) {
    if (funding.rechargesWithin(policy.burstWindow(), now) >= policy.burstLimit()) {
      return Optional.of(RechargeFailure.BURST_GUARD);
    }
    YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
    if (!funding.monthlyCapAllows(attempt.amount(), month)) {
      return Optional.of(RechargeFailure.MONTHLY_CAP);
    }
    return Optional.empty();
  }

  private Outcome settle(
      RechargeAttempt charging,
      ChargeResult result,
      OrgAccount account,
      FundingState funding,
      Instant now) {
    if (result instanceof ChargeResult.Succeeded succeeded) {
      RechargeAttempt done = charging.succeeded(succeeded.paymentId());
      Credit credit = creditFor(charging, account, succeeded.paymentId(), now);
      if (!store.completeRecharge(done, credit, funding.afterRecharge(charging.amount(), now))) {
        // Guards issue 9 defect 11: another instance completed it (and announces it).
        return new Outcome.NothingToDo(charging.attemptId(), "completed by another instance");
      }
      announceSuccess(done, now);
      return new Outcome.Recharged(charging.attemptId());
    }
    if (result instanceof ChargeResult.HardDecline decline) {
      return fail(charging, RechargeFailure.HARD_DECLINE, decline.code(), now);
    }
    if (result instanceof ChargeResult.SoftDecline decline) {
      return retryOrGiveUp(
          charging,
          decline.code(),
          policy.softDeclineBackoff(),
          RechargeFailure.SOFT_DECLINE_GAVE_UP,
          now);
    }
    if (result instanceof ChargeResult.ProcessingError error) {
      return retryOrGiveUp(
          charging,
          error.code(),
          policy.processingErrorBackoff(),
          RechargeFailure.PROCESSING_ERROR_GAVE_UP,
          now);
    }
    return unreconciled(charging, now);
  }

  /**
   * No clear answer: the try stays CHARGING and the next request reconciles it under the same key.
   * Counted (guards issue 9 defect 9): after the policy's limit, auto-recharge pauses, operators
   * are alerted, and the try is asked about hourly instead of every 30 s, never dropped.
   */
  private Outcome unreconciled(RechargeAttempt charging, Instant now) {
    boolean paused = charging.unknownOutcomes() + 1 >= policy.unknownOutcomeLimit();
    Instant later =
        now.plus(
            paused
                ? policy.unknownOutcomeRecheck()
                : firstOr(policy.processingErrorBackoff(), Duration.ofSeconds(30)));
    RechargeAttempt counted = charging.withUnknownOutcome(later);
    store.updateAttempt(counted, RechargeAttempt.Status.CHARGING, charging.tries());
    if (paused) {
      store.pauseAutoRecharge(charging.orgId(), PauseReason.UNKNOWN_OUTCOMES);
    }
    recharges.publish(new RechargeRequest(charging.orgId(), charging.attemptId(), later));
    return new Outcome.Unreconciled(charging.attemptId(), counted.unknownOutcomes(), paused, later);
  }

  private Outcome retryOrGiveUp(
      RechargeAttempt charging,
      String code,
      List<Duration> backoff,
      RechargeFailure gaveUp,
      Instant now) {
    if (charging.tries() > backoff.size()) {
      return fail(charging, gaveUp, code, now);
    }
    Instant next = now.plus(backoff.get(charging.tries() - 1));
    if (charging.tries() == 1 && gaveUp == RechargeFailure.SOFT_DECLINE_GAVE_UP) {
      notifications.publish(
          new Notification.RechargeFailed(
              NotificationIds.rechargeRetrying(charging.attemptId()),
              charging.orgId(),
              now,
              charging.amount(),
              RechargeFailure.SOFT_DECLINE_RETRYING,
              code,
              false,
              next));
    }
    if (store.updateAttempt(
        charging.with(RechargeAttempt.Status.RETRY_SCHEDULED, next, code),
        RechargeAttempt.Status.CHARGING,
        charging.tries())) {
      recharges.publish(new RechargeRequest(charging.orgId(), charging.attemptId(), next));
    }
    return new Outcome.RetryScheduled(charging.attemptId(), next, code);
  }

  /**
   * Closes the attempt first and tells the admins only if this instance closed it, so a lost race
   * never sends a wrong "paused" email (guards issue 9 defect 11).
   */
  private Outcome fail(RechargeAttempt attempt, RechargeFailure failure, String code, Instant now) {
    if (!store.closeRecharge(
        attempt.with(RechargeAttempt.Status.FAILED, null, code),
        attempt.status(),
        pauseFor(failure))) {
      return new Outcome.NothingToDo(attempt.attemptId(), "closed by another instance");
    }
    notifications.publish(
        new Notification.RechargeFailed(
            NotificationIds.rechargeFailed(attempt.attemptId()),
            attempt.orgId(),
            now,
            attempt.amount(),
            failure,
            code,
            true,
            null));
    return new Outcome.Failed(attempt.attemptId(), failure, code);
  }

  private void announceSuccess(RechargeAttempt done, Instant now) {
    OrgAccount account = store.snapshot(done.orgId()).orElseThrow().account();
    notifications.publish(
        new Notification.RechargeSucceeded(
            NotificationIds.rechargeSucceeded(done.attemptId()),
            done.orgId(),
            now,
            done.amount(),
            account.balance(),
            cardName(account)));
    balanceChanges.publish(new BalanceChanged(done.orgId(), BalanceChangeCause.RECHARGE, now));
  }

  private static PauseReason pauseFor(RechargeFailure failure) {
    return switch (failure) {
      case HARD_DECLINE -> PauseReason.HARD_DECLINE;
      case SOFT_DECLINE_RETRYING, SOFT_DECLINE_GAVE_UP -> PauseReason.SOFT_DECLINE_GAVE_UP;
      case PROCESSING_ERROR_GAVE_UP -> PauseReason.PROCESSING_ERROR_GAVE_UP;
      case BURST_GUARD -> PauseReason.BURST_GUARD;
      case MONTHLY_CAP -> PauseReason.MONTHLY_CAP;
    };
  }

  private static Credit creditFor(
      RechargeAttempt charging, OrgAccount account, String paymentId, Instant now) {
    return new Credit(
        charging.orgId(),
        EntryKind.RECHARGE,
        charging.attemptId(),
        charging.amount(),
        now,
        "auto-recharge " + cardName(account) + " payment " + paymentId);
  }

  private static CardCharge cardCharge(RechargeAttempt charging, OrgAccount account) {
    var card = account.autoRecharge().paymentMethod();
    if (card == null) {
      throw new IllegalStateException("org " + account.orgId() + " has no payment method on file");
    }
    return new CardCharge(
        charging.orgId(),
        charging.idempotencyKey(),
        charging.amount(),
        card.token(),
        "Communications credits auto-recharge for " + account.displayName());
  }

  private static String cardName(OrgAccount account) {
    var card = account.autoRecharge().paymentMethod();
    return card == null ? "card" : card.displayName();
  }

  private static Duration firstOr(List<Duration> durations, Duration fallback) {
    return durations.isEmpty() ? fallback : durations.get(0);
  }
}
