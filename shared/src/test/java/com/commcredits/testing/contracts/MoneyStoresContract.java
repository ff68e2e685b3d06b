package com.commcredits.testing.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.PauseReason;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.funding.CreditPurchase;
import com.commcredits.domain.funding.FundingState;
import com.commcredits.domain.funding.FundingStore;
import com.commcredits.domain.funding.PurchaseCommand;
import com.commcredits.domain.funding.PurchaseOutcome;
import com.commcredits.domain.funding.RechargeAttempt;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.CreditOutcome;
import com.commcredits.domain.ledger.DebitOutcome;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.ledger.Ledger;
import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.licences.PoolUsage;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.CallCharge;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.domain.rating.RatingOutcome;
import com.commcredits.testing.TestAccounts;
import com.commcredits.testing.TestCallRecords;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same cases against every implementation of the money path's stores ({@link Accounts}, {@link
 * Ledger}, {@link FundingStore}): the in-memory fakes the domain tests use and the DynamoDB
 * adapters on DynamoDB Local, so a fake cannot drift from what the real store does.
 */
public abstract class MoneyStoresContract {

  /** The three stores, sharing one account per org as the real table does. */
  public record Stores(Accounts accounts, Ledger ledger, FundingStore funding) {}

  protected static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

  protected abstract Stores stores();

  private Stores s;
  private String org;

  @BeforeEach
  void anOrg() {
    s = stores();
    org = "org-" + UUID.randomUUID().toString().substring(0, 8);
    s.accounts().open(TestAccounts.anAutoRechargingAccount(org, "pm_card_visa"));
  }

  private Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private Credit deposit(String id, String amount) {
    return new Credit(org, EntryKind.DEPOSIT, id, usd(amount), NOW, "deposit");
  }

  private CallCharge rated(String orgId, String usageId, long seconds) {
    var call = TestCallRecords.aCallRecord().org(orgId).usageId(usageId).lasting(seconds).build();
    var rating =
        new RateCardRater(RateCardFiles.packaged())
            .rate(
                call,
                s.accounts().find(orgId).orElseThrow(),
                PoolUsage.none(orgId, RateCardRater.monthOf(call)));
    return ((RatingOutcome.Rated) rating).charge();
  }

  private DebitOutcome debit(CallCharge charge) {
    return s.ledger().debitAll(List.of(charge), Optional.empty(), NOW).outcomes().get(0);
  }

  @Test
  void aCallRecordIsChargedOncePerOrgAndUsageId_andADifferentRecordUnderItsIdIsAConflict() {
    s.ledger().credit(deposit("d1", "100"));
    String other = "org-" + UUID.randomUUID().toString().substring(0, 8);
    s.accounts().open(TestAccounts.anAutoRechargingAccount(other, "pm_card_visa"));

    assertThat(debit(rated(org, "u-1", 600))).isInstanceOf(DebitOutcome.Debited.class);
    assertThat(debit(rated(org, "u-1", 600))).isInstanceOf(DebitOutcome.AlreadyDebited.class);
    assertThat(debit(rated(org, "u-1", 60))).isInstanceOf(DebitOutcome.UsageIdConflict.class);
    // the same usage id in another org is that org's record
    assertThat(debit(rated(other, "u-1", 60))).isInstanceOf(DebitOutcome.Debited.class);

    for (String orgId : List.of(org, other)) {
      Money sum =
          s.ledger().entries(orgId).stream().map(LedgerEntry::amount).reduce(usd("0"), Money::plus);
      assertThat(s.accounts().find(orgId).orElseThrow().balance()).isEqualTo(sum);
    }
    assertThat(s.ledger().entries(org)).hasSize(2);
    assertThat(s.ledger().entries(other)).hasSize(1);
  }

  @Test
  void anAccountOpensOnce() {
    assertThat(s.accounts().open(TestAccounts.anAccount(org))).isFalse();
    assertThat(s.accounts().find(org)).isPresent();
  }

  @Test
  void aCreditCountsOnce_andTheBalanceIsTheSumOfTheEntries() {
    assertThat(s.ledger().credit(deposit("d1", "10"))).isInstanceOf(CreditOutcome.Credited.class);
    assertThat(s.ledger().credit(deposit("d1", "10")))
        .isInstanceOf(CreditOutcome.AlreadyCredited.class);
    s.ledger().credit(deposit("d2", "2.5"));

    Money sum =
        s.ledger().entries(org).stream().map(LedgerEntry::amount).reduce(usd("0"), Money::plus);
    assertThat(s.accounts().find(org).orElseThrow().balance())
        .isEqualTo(usd("12.5"))
        .isEqualTo(sum);
  }

  @Test
  void aCreditToAnUnknownOrg_isRefused() {
    assertThat(
            s.ledger()
                .credit(new Credit("no-such-org", EntryKind.DEPOSIT, "d1", usd("1"), NOW, "")))
        .isInstanceOf(CreditOutcome.UnknownAccount.class);
  }

  @Test
  void pauseReasons_roundTripTyped_andPauseLiftsOnlyForItsReason() {
    assertThat(s.funding().pauseAutoRecharge(org, PauseReason.MONTHLY_CAP)).isTrue();
    assertThat(s.funding().pauseAutoRecharge(org, PauseReason.BURST_GUARD)).isFalse();
    assertThat(s.accounts().find(org).orElseThrow().autoRecharge().pausedReason())
        .isEqualTo(PauseReason.MONTHLY_CAP);

    assertThat(s.funding().liftPause(org, PauseReason.BURST_GUARD)).isFalse();
    assertThat(s.funding().liftPause(org, PauseReason.MONTHLY_CAP)).isTrue();
    assertThat(s.accounts().find(org).orElseThrow().autoRecharge().pausedReason()).isNull();
  }

  @Test
  void autoRechargeSetting_isStoredAsGiven() {
    AutoRecharge off =
        new AutoRecharge(
            false,
            usd("75"),
            usd("15"),
            TestAccounts.aVisa("pm_card_visa"),
            PauseReason.HARD_DECLINE);

    assertThat(s.accounts().updateAutoRecharge(org, off)).isTrue();
    assertThat(s.accounts().find(org).orElseThrow().autoRecharge()).isEqualTo(off);
    assertThat(s.accounts().updateAutoRecharge("no-such-org", off)).isFalse();
  }

  @Test
  void oneRechargeInFlight_andItsCloseClearsIt() {
    RechargeAttempt first = RechargeAttempt.requested(org, org + "-r1", usd("100"), NOW);
    RechargeAttempt second = RechargeAttempt.requested(org, org + "-r2", usd("100"), NOW);

    assertThat(s.funding().openRecharge(first, 0)).isTrue();
    assertThat(s.funding().openRecharge(second, 1)).isFalse();
    assertThat(s.funding().snapshot(org).orElseThrow().funding().rechargeInFlight())
        .isEqualTo(first.attemptId());

    assertThat(
            s.funding()
                .closeRecharge(
                    first.with(RechargeAttempt.Status.CANCELLED, null, null),
                    RechargeAttempt.Status.REQUESTED,
                    null))
        .isTrue();
    assertThat(s.funding().snapshot(org).orElseThrow().funding().hasRechargeInFlight()).isFalse();
    assertThat(s.funding().openRecharge(second, 1)).isTrue();
  }

  @Test
  void aRechargeCompletesOnce_creditingOnce() {
    RechargeAttempt attempt = RechargeAttempt.requested(org, org + "-r1", usd("100"), NOW);
    s.funding().openRecharge(attempt, 0);
    RechargeAttempt charging = attempt.nextTry();
    assertThat(s.funding().updateAttempt(charging, RechargeAttempt.Status.REQUESTED, 0)).isTrue();
    assertThat(s.funding().updateAttempt(charging, RechargeAttempt.Status.REQUESTED, 0)).isFalse();
    FundingState after =
        s.funding().snapshot(org).orElseThrow().funding().afterRecharge(usd("100"), NOW);
    Credit credit =
        new Credit(org, EntryKind.RECHARGE, attempt.attemptId(), usd("100"), NOW, "recharge");

    assertThat(s.funding().completeRecharge(charging.succeeded("pi_1"), credit, after)).isTrue();
    assertThat(s.funding().completeRecharge(charging.succeeded("pi_1"), credit, after)).isFalse();
    assertThat(s.accounts().find(org).orElseThrow().balance()).isEqualTo(usd("100"));
    assertThat(s.funding().attempt(org, attempt.attemptId()).orElseThrow().status())
        .isEqualTo(RechargeAttempt.Status.SUCCEEDED);
  }

  @Test
  void serviceState_changesOnlyFromTheStateItWasDecidedFrom() {
    assertThat(
            s.funding().changeServiceState(org, ServiceState.ACTIVE, ServiceState.SUSPENDED, NOW))
        .isTrue();
    assertThat(
            s.funding().changeServiceState(org, ServiceState.ACTIVE, ServiceState.SUSPENDED, NOW))
        .isFalse();
    assertThat(s.funding().snapshot(org).orElseThrow().funding().zeroCrossings()).isEqualTo(1);
  }

  @Test
  void aPurchaseIsRecordedOnce_andCompletesOrClosesOnce() {
    String id = PurchaseCommand.purchaseIdFor("contract-" + org);
    CreditPurchase charging = CreditPurchase.charging(new PurchaseCommand(org, id, usd("25"), NOW));
    Credit credit = new Credit(org, EntryKind.PURCHASE, id, usd("25"), NOW, "purchase");

    assertThat(s.funding().openPurchase(charging)).isTrue();
    assertThat(s.funding().openPurchase(charging)).isFalse();
    assertThat(s.funding().completePurchase(charging.succeeded("pi_1"), credit)).isTrue();
    assertThat(s.funding().completePurchase(charging.succeeded("pi_1"), credit)).isFalse();
    assertThat(
            s.funding()
                .closePurchase(charging.declined(PurchaseOutcome.DeclineKind.HARD, "expired_card")))
        .isFalse();
    assertThat(s.funding().purchase(org, id).orElseThrow().status())
        .isEqualTo(CreditPurchase.Status.SUCCEEDED);
    assertThat(s.accounts().find(org).orElseThrow().balance()).isEqualTo(usd("25"));
  }
}
