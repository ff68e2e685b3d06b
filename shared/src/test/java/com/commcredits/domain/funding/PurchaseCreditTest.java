package com.commcredits.domain.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.domain.funding.PurchaseOutcome.DeclineKind;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.testing.TestAccounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurchaseCreditTest {

  private final FundingFixture f = new FundingFixture();
  private final String purchaseId = PurchaseCommand.purchaseIdFor("4f1c7a52-key-one");

  private PurchaseCommand buy(String amount) {
    return new PurchaseCommand("acme", purchaseId, Money.of(amount, "USD"), f.now);
  }

  @Test
  void purchase_chargesOnceAndCredits_andTheSameKeyAgainIsAlreadyPurchased() {
    // given
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));

    // when
    PurchaseOutcome first = f.purchasing.purchase(buy("250.00"));
    PurchaseOutcome again = f.purchasing.purchase(buy("250.00"));

    // then
    assertThat(first)
        .isEqualTo(
            new PurchaseOutcome.Purchased(
                purchaseId, Money.of("250", "USD"), Money.of("250", "USD")));
    assertThat(again)
        .isEqualTo(
            new PurchaseOutcome.AlreadyPurchased(
                purchaseId, Money.of("250", "USD"), Money.of("250", "USD")));
    assertThat(f.gateway.cardCharges()).hasSize(1);
    assertThat(f.ledger.entries("acme")).filteredOn(e -> e.kind() == EntryKind.PURCHASE).hasSize(1);
  }

  @Test
  void purchase_isPendingOnNoAnswer_andTheSameKeyReconcilesItWithoutASecondCharge() {
    // given: the provider charges the card but the reply is lost
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.gateway.thenAnswer(new ChargeResult.OutcomeUnknown("timeout"));

    // when
    PurchaseOutcome first = f.purchasing.purchase(buy("100"));
    PurchaseOutcome retried = f.purchasing.purchase(buy("100"));

    // then
    assertThat(first).isEqualTo(new PurchaseOutcome.Pending(purchaseId));
    assertThat(retried).isInstanceOf(PurchaseOutcome.Purchased.class);
    assertThat(f.gateway.cardCharges()).hasSize(1);
    assertThat(f.balance("acme")).isEqualTo(Money.of("100", "USD"));
  }

  @Test
  void purchaseLeftPendingByNoAnswer_isSettledByItsQueuedSettlement_withoutTheAdminSendingAgain() {
    // given: the provider charges the card but the reply is lost
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.gateway.thenAnswer(new ChargeResult.OutcomeUnknown("timeout"));
    PurchaseOutcome first = f.purchasing.purchase(buy("100"));

    // when
    PurchaseSettlement queued = f.recharges.settlements().get(0);
    var settled = f.purchasing.settle(queued, queued.notBefore());

    // then
    assertThat(first).isEqualTo(new PurchaseOutcome.Pending(purchaseId));
    assertThat(queued)
        .isEqualTo(new PurchaseSettlement("acme", purchaseId, f.now.plusSeconds(60), 1));
    assertThat(settled)
        .isInstanceOfSatisfying(
            PurchaseCredit.SettlementOutcome.Settled.class,
            s -> assertThat(s.outcome()).isInstanceOf(PurchaseOutcome.Purchased.class));
    assertThat(f.gateway.cardCharges()).hasSize(1);
    assertThat(f.balance("acme")).isEqualTo(Money.of("100", "USD"));
    assertThat(f.store.purchase("acme", purchaseId).orElseThrow().status())
        .isEqualTo(CreditPurchase.Status.SUCCEEDED);
    assertThat(f.balanceChanges.published()).isNotEmpty();
  }

  @Test
  void settlement_asksAgainWithBackOff_thenReportsUnanswered_alwaysUnderThePurchasesOwnKey() {
    // given: the provider is unreachable throughout
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.gateway.unreachable(true);
    f.purchasing.purchase(buy("100"));

    // when: every settlement is handled when due
    List<PurchaseCredit.SettlementOutcome> outcomes = new ArrayList<>();
    PurchaseSettlement next = f.recharges.settlements().get(0);
    for (int i = 0; i < 5; i++) {
      outcomes.add(f.purchasing.settle(next, next.notBefore()));
      next = f.recharges.settlements().get(f.recharges.settlements().size() - 1);
    }

    // then
    assertThat(outcomes.subList(0, 4))
        .extracting(o -> ((PurchaseCredit.SettlementOutcome.RetryScheduled) o).tries())
        .containsExactly(2, 3, 4, 5);
    assertThat(outcomes.get(4)).isEqualTo(new PurchaseCredit.SettlementOutcome.Unanswered(5));
    assertThat(f.recharges.settlements()).hasSize(5);
    assertThat(f.recharges.settlements().get(4).notBefore())
        .isEqualTo(f.recharges.settlements().get(3).notBefore().plus(Duration.ofHours(6)));
    assertThat(f.gateway.requestedKeys())
        .hasSizeGreaterThan(1)
        .containsOnly("purchase-acme-" + purchaseId);
    assertThat(f.gateway.cardCharges()).isEmpty();
    assertThat(f.balance("acme")).isEqualTo(Money.of("0", "USD"));
    assertThat(f.store.purchase("acme", purchaseId).orElseThrow().status())
        .isEqualTo(CreditPurchase.Status.CHARGING);
  }

  @Test
  void settlement_ofAPurchaseTheAdminSettledBySendingAgain_changesNothingAndSaysHowItEnded() {
    // given
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.gateway.thenAnswer(new ChargeResult.OutcomeUnknown("timeout"));
    f.purchasing.purchase(buy("100"));
    f.purchasing.purchase(buy("100"));
    PurchaseSettlement queued = f.recharges.settlements().get(0);

    // when
    var outcome = f.purchasing.settle(queued, queued.notBefore());

    // then
    assertThat(outcome)
        .isInstanceOfSatisfying(
            PurchaseCredit.SettlementOutcome.Settled.class,
            s -> assertThat(s.outcome()).isInstanceOf(PurchaseOutcome.AlreadyPurchased.class));
    assertThat(f.gateway.cardCharges()).hasSize(1);
    assertThat(f.balance("acme")).isEqualTo(Money.of("100", "USD"));
    assertThat(f.recharges.settlements()).hasSize(1);
  }

  @Test
  void settlement_arrivingEarly_isQueuedAgainForItsTime_andAsksNothing() {
    // given
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.gateway.thenAnswer(new ChargeResult.OutcomeUnknown("timeout"));
    f.purchasing.purchase(buy("100"));
    PurchaseSettlement queued = f.recharges.settlements().get(0);
    int requests = f.gateway.requests();

    // when
    var outcome = f.purchasing.settle(queued, f.now);

    // then
    assertThat(outcome)
        .isEqualTo(new PurchaseCredit.SettlementOutcome.NotYetDue(queued.notBefore()));
    assertThat(f.recharges.settlements()).containsExactly(queued, queued);
    assertThat(f.gateway.requests()).isEqualTo(requests);
  }

  @Test
  void dailySweep_settlesAPurchaseWhoseMessagesWereLost_andReportsOneOpenForADay() {
    // given: no answer for a day, every settlement message lost
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.gateway.unreachable(true);
    f.purchasing.purchase(buy("100"));
    f.recharges.loseAll();
    f.gateway.unreachable(false);
    java.time.Instant fiveMinutesOn = f.now.plus(Duration.ofMinutes(5));
    java.time.Instant aDayOn = f.now.plus(Duration.ofHours(25));
    java.util.Set<com.commcredits.domain.balance.BalanceChangeCause> sweep =
        java.util.Set.of(com.commcredits.domain.balance.BalanceChangeCause.DAILY_SWEEP);

    // when
    var tooSoon = (CheckBalance.Outcome.Checked) f.checkBalance.check("acme", sweep, fiveMinutesOn);
    var swept = (CheckBalance.Outcome.Checked) f.checkBalance.check("acme", sweep, aDayOn);
    var settled = f.purchasing.settle(f.recharges.settlements().get(0), aDayOn);

    // then
    assertThat(tooSoon.actions()).doesNotContain(CheckBalance.Action.PURCHASE_SETTLEMENT_REQUESTED);
    assertThat(swept.actions())
        .contains(
            CheckBalance.Action.PURCHASE_SETTLEMENT_REQUESTED, CheckBalance.Action.PURCHASE_STUCK);
    assertThat(settled).isInstanceOf(PurchaseCredit.SettlementOutcome.Settled.class);
    assertThat(f.gateway.cardCharges()).hasSize(1);
    assertThat(f.balance("acme")).isEqualTo(Money.of("100", "USD"));
    assertThat(f.store.openPurchases("acme")).isEmpty();
  }

  @Test
  void purchase_isDeclinedByKind_andNothingIsCredited() {
    // given
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.gateway.thenAnswer(new ChargeResult.HardDecline("expired_card", "expired"));

    // when
    PurchaseOutcome outcome = f.purchasing.purchase(buy("100"));
    PurchaseOutcome again = f.purchasing.purchase(buy("100"));

    // then
    assertThat(outcome).isInstanceOf(PurchaseOutcome.Declined.class);
    assertThat(((PurchaseOutcome.Declined) outcome).kind()).isEqualTo(DeclineKind.HARD);
    assertThat(again).isEqualTo(outcome);
    assertThat(f.balance("acme")).isEqualTo(Money.zero(Money.of("1", "USD").currency()));
  }

  @Test
  void purchase_isRejectedBeforeCharging_forUnknownOrgNoCardWrongCurrencyOrReusedKey() {
    // given
    f.accounts.open(TestAccounts.anAccount("nocard"));
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.purchasing.purchase(buy("100"));

    // when / then
    assertThat(
            f.purchasing.purchase(
                new PurchaseCommand("ghost", purchaseId, Money.of("1", "USD"), f.now)))
        .isInstanceOf(PurchaseOutcome.Rejected.class);
    assertThat(
            f.purchasing.purchase(
                new PurchaseCommand("nocard", purchaseId, Money.of("1", "USD"), f.now)))
        .isInstanceOf(PurchaseOutcome.Rejected.class);
    assertThat(
            f.purchasing.purchase(
                new PurchaseCommand(
                    "acme",
                    PurchaseCommand.purchaseIdFor("other-key-1"),
                    Money.of("1", "EUR"),
                    f.now)))
        .isInstanceOf(PurchaseOutcome.Rejected.class);
    assertThat(f.purchasing.purchase(buy("5"))).isInstanceOf(PurchaseOutcome.Rejected.class);
    assertThat(f.gateway.cardCharges()).hasSize(1);
  }

  @Test
  void command_refusesNonPositiveMoreThanTwoDecimalsOrTooLarge() {
    assertThatThrownBy(() -> buy("0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> buy("1.005")).hasMessageContaining("decimals");
    assertThatThrownBy(() -> buy("10000.01")).hasMessageContaining("at most");
    assertThatThrownBy(() -> PurchaseCommand.purchaseIdFor("short"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
