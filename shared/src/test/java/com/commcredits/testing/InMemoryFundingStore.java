package com.commcredits.testing;

import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.PauseReason;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.funding.BalanceSnapshot;
import com.commcredits.domain.funding.CreditPurchase;
import com.commcredits.domain.funding.FundingState;
import com.commcredits.domain.funding.FundingStore;
import com.commcredits.domain.funding.RechargeAttempt;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.CreditOutcome;
import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Funding state and recharge attempts in memory, with the DynamoDB store's conditions. */
public final class InMemoryFundingStore implements FundingStore {

  private final InMemoryAccounts accounts;
  private final InMemoryLedger ledger;
  private final Map<String, FundingState> states = new HashMap<>();
  private final Map<String, RechargeAttempt> attempts = new HashMap<>();
  private final Map<String, CreditPurchase> purchases = new HashMap<>();

  public InMemoryFundingStore(InMemoryAccounts accounts, InMemoryLedger ledger) {
    this.accounts = accounts;
    this.ledger = ledger;
  }

  @Override
  public synchronized Optional<BalanceSnapshot> snapshot(String orgId) {
    return accounts.find(orgId).map(account -> new BalanceSnapshot(account, state(orgId)));
  }

  @Override
  public synchronized boolean changeServiceState(
      String orgId, ServiceState from, ServiceState to, Instant at) {
    var account = accounts.find(orgId);
    if (account.isEmpty() || account.get().serviceState() != from) {
      return false;
    }
    accounts.update(orgId, a -> TestAccounts.withServiceState(a, to));
    if (to == ServiceState.SUSPENDED) {
      put(orgId, state(orgId).withZeroCrossing());
    }
    return true;
  }

  @Override
  public synchronized boolean changeLowBalanceWarned(String orgId, boolean from, boolean to) {
    FundingState s = state(orgId);
    if (s.lowBalanceWarned() != from) {
      return false;
    }
    put(orgId, s.withLowBalanceWarned(to));
    return true;
  }

  @Override
  public synchronized boolean markCardExpiryWarned(String orgId, YearMonth expires) {
    FundingState s = state(orgId);
    if (expires.equals(s.cardExpiryWarnedFor())) {
      return false;
    }
    put(orgId, s.withCardExpiryWarned(expires));
    return true;
  }

  @Override
  public synchronized boolean openRecharge(RechargeAttempt attempt, long expectedSequence) {
    FundingState s = state(attempt.orgId());
    if (s.hasRechargeInFlight() || s.rechargeSequence() != expectedSequence) {
      return false;
    }
    attempts.put(key(attempt.orgId(), attempt.attemptId()), attempt);
    put(attempt.orgId(), s.withRechargeOpened(attempt.attemptId(), expectedSequence + 1));
    return true;
  }

  @Override
  public synchronized Optional<RechargeAttempt> attempt(String orgId, String attemptId) {
    return Optional.ofNullable(attempts.get(key(orgId, attemptId)));
  }

  @Override
  public synchronized boolean updateAttempt(
      RechargeAttempt updated, RechargeAttempt.Status expected, int expectedTries) {
    RechargeAttempt current = attempts.get(key(updated.orgId(), updated.attemptId()));
    if (current == null || current.status() != expected || current.tries() != expectedTries) {
      return false;
    }
    attempts.put(key(updated.orgId(), updated.attemptId()), updated);
    return true;
  }

  @Override
  public synchronized boolean completeRecharge(
      RechargeAttempt succeeded, Credit credit, FundingState after) {
    RechargeAttempt current = attempts.get(key(succeeded.orgId(), succeeded.attemptId()));
    FundingState s = state(succeeded.orgId());
    if (current == null
        || current.status() != RechargeAttempt.Status.CHARGING
        || !succeeded.attemptId().equals(s.rechargeInFlight())) {
      return false;
    }
    if (!(ledger.credit(credit) instanceof CreditOutcome.Credited)) {
      return false;
    }
    attempts.put(key(succeeded.orgId(), succeeded.attemptId()), succeeded);
    put(succeeded.orgId(), after);
    return true;
  }

  @Override
  public synchronized boolean closeRecharge(
      RechargeAttempt closed, RechargeAttempt.Status expected, PauseReason pauseReason) {
    RechargeAttempt current = attempts.get(key(closed.orgId(), closed.attemptId()));
    FundingState s = state(closed.orgId());
    if (current == null
        || current.status() != expected
        || !closed.attemptId().equals(s.rechargeInFlight())) {
      return false;
    }
    attempts.put(key(closed.orgId(), closed.attemptId()), closed);
    put(closed.orgId(), s.withRechargeClosed());
    if (pauseReason != null) {
      accounts.update(
          closed.orgId(),
          a -> {
            AutoRecharge r = a.autoRecharge();
            return TestAccounts.withAutoRecharge(
                a,
                new AutoRecharge(
                    r.enabled(), r.amount(), r.trigger(), r.paymentMethod(), pauseReason));
          });
    }
    return true;
  }

  public synchronized List<RechargeAttempt> attempts(String orgId) {
    return attempts.values().stream().filter(a -> a.orgId().equals(orgId)).toList();
  }

  private FundingState state(String orgId) {
    Money zero = accounts.find(orgId).map(a -> Money.zero(a.currency())).orElseThrow();
    FundingState s = states.getOrDefault(orgId, FundingState.initial(zero));
    Money cap = accounts.monthlyCap(orgId);
    if (!Objects.equals(cap, s.monthlyCap())) {
      s = s.withMonthlyCap(cap);
    }
    return s;
  }

  private void put(String orgId, FundingState state) {
    states.put(orgId, state);
  }

  private static String key(String orgId, String attemptId) {
    return orgId + "/" + attemptId;
  }

  @Override
  public synchronized Optional<CreditPurchase> purchase(String orgId, String purchaseId) {
    return Optional.ofNullable(purchases.get(key(orgId, purchaseId)));
  }

  @Override
  public synchronized java.util.List<CreditPurchase> openPurchases(String orgId) {
    return purchases.values().stream()
        .filter(p -> p.orgId().equals(orgId) && p.status() == CreditPurchase.Status.CHARGING)
        .toList();
  }

  @Override
  public synchronized boolean openPurchase(CreditPurchase charging) {
    return purchases.putIfAbsent(key(charging.orgId(), charging.purchaseId()), charging) == null;
  }

  @Override
  public synchronized boolean completePurchase(CreditPurchase succeeded, Credit credit) {
    if (!isCharging(succeeded)) {
      return false;
    }
    if (!(ledger.credit(credit) instanceof CreditOutcome.Credited)) {
      return false;
    }
    purchases.put(key(succeeded.orgId(), succeeded.purchaseId()), succeeded);
    return true;
  }

  @Override
  public synchronized boolean closePurchase(CreditPurchase declined) {
    if (!isCharging(declined)) {
      return false;
    }
    purchases.put(key(declined.orgId(), declined.purchaseId()), declined);
    return true;
  }

  private boolean isCharging(CreditPurchase purchase) {
    CreditPurchase current = purchases.get(key(purchase.orgId(), purchase.purchaseId()));
    return current != null && current.status() == CreditPurchase.Status.CHARGING;
  }

  @Override
  public synchronized boolean pauseAutoRecharge(String orgId, PauseReason reason) {
    var account = accounts.find(orgId);
    if (account.isEmpty() || account.get().autoRecharge().pausedReason() != null) {
      return false;
    }
    accounts.update(
        orgId, a -> TestAccounts.withAutoRecharge(a, a.autoRecharge().withPause(reason)));
    return true;
  }

  @Override
  public synchronized boolean liftPause(String orgId, PauseReason reason) {
    var account = accounts.find(orgId);
    if (account.isEmpty() || account.get().autoRecharge().pausedReason() != reason) {
      return false;
    }
    accounts.update(orgId, a -> TestAccounts.withAutoRecharge(a, a.autoRecharge().withPause(null)));
    return true;
  }
}
