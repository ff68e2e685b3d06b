package com.commcredits.adapters.lambda;

import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.PauseReason;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.funding.BalanceSnapshot;
import com.commcredits.domain.funding.CreditPurchase;
import com.commcredits.domain.funding.FundingState;
import com.commcredits.domain.funding.FundingStore;
import com.commcredits.domain.funding.RechargeAttempt;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The funding store for a priming run of a handler: the real snapshot read (it finds nothing for
 * the priming org), then a stand-in snapshot, so that priming goes on into the checks a real event
 * runs. The changes a balance check makes go to the real store, for the priming org only: each is
 * conditional on the account item (or an attempt) that the priming org has none of, so DynamoDB
 * refuses it and nothing is written. Crediting and purchases are refused outright.
 */
public final class PrimingFundingStore implements FundingStore {

  private final FundingStore real;
  private final BalanceSnapshot standIn;

  public PrimingFundingStore(FundingStore real, OrgAccount standIn) {
    primingOrgOnly(standIn.orgId());
    this.real = real;
    this.standIn =
        new BalanceSnapshot(standIn, FundingState.initial(Money.zero(standIn.currency())));
  }

  private static String primingOrgOnly(String orgId) {
    if (!SnapStartPriming.PRIMING_ORG.equals(orgId)) {
      throw new IllegalArgumentException("priming changes nothing but the priming org");
    }
    return orgId;
  }

  @Override
  public Optional<BalanceSnapshot> snapshot(String orgId) {
    real.snapshot(orgId);
    return orgId.equals(SnapStartPriming.PRIMING_ORG) ? Optional.of(standIn) : Optional.empty();
  }

  @Override
  public boolean changeServiceState(String orgId, ServiceState from, ServiceState to, Instant at) {
    return real.changeServiceState(primingOrgOnly(orgId), from, to, at);
  }

  @Override
  public boolean changeLowBalanceWarned(String orgId, boolean from, boolean to) {
    return real.changeLowBalanceWarned(primingOrgOnly(orgId), from, to);
  }

  @Override
  public boolean markCardExpiryWarned(String orgId, YearMonth expires) {
    return real.markCardExpiryWarned(primingOrgOnly(orgId), expires);
  }

  @Override
  public boolean openRecharge(RechargeAttempt attempt, long expectedSequence) {
    primingOrgOnly(attempt.orgId());
    return real.openRecharge(attempt, expectedSequence);
  }

  @Override
  public Optional<RechargeAttempt> attempt(String orgId, String attemptId) {
    return real.attempt(orgId, attemptId);
  }

  @Override
  public boolean updateAttempt(
      RechargeAttempt updated, RechargeAttempt.Status expected, int expectedTries) {
    primingOrgOnly(updated.orgId());
    return real.updateAttempt(updated, expected, expectedTries);
  }

  @Override
  public boolean completeRecharge(RechargeAttempt succeeded, Credit credit, FundingState after) {
    throw new UnsupportedOperationException("priming credits nothing");
  }

  @Override
  public boolean closeRecharge(
      RechargeAttempt closed, RechargeAttempt.Status expected, PauseReason pauseReason) {
    primingOrgOnly(closed.orgId());
    return real.closeRecharge(closed, expected, pauseReason);
  }

  @Override
  public boolean pauseAutoRecharge(String orgId, PauseReason reason) {
    return real.pauseAutoRecharge(primingOrgOnly(orgId), reason);
  }

  @Override
  public boolean liftPause(String orgId, PauseReason reason) {
    return real.liftPause(primingOrgOnly(orgId), reason);
  }

  @Override
  public Optional<CreditPurchase> purchase(String orgId, String purchaseId) {
    return real.purchase(orgId, purchaseId);
  }

  @Override
  public List<CreditPurchase> openPurchases(String orgId) {
    return real.openPurchases(orgId);
  }

  @Override
  public boolean openPurchase(CreditPurchase charging) {
    throw new UnsupportedOperationException("priming opens no purchase");
  }

  @Override
  public boolean completePurchase(CreditPurchase succeeded, Credit credit) {
    throw new UnsupportedOperationException("priming credits nothing");
  }

  @Override
  public boolean closePurchase(CreditPurchase declined) {
    throw new UnsupportedOperationException("priming closes no purchase");
  }
}
