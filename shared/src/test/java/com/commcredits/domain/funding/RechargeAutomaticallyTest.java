package com.commcredits.domain.funding;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.account.PauseReason;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.balance.BalanceChangeCause;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.notification.Notification.RechargeFailure;
import com.commcredits.domain.payment.CardCharge;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.testing.TestAccounts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RechargeAutomaticallyTest {

  private final FundingFixture f = new FundingFixture();

  private void anOrgBelowItsTrigger(String cardToken) {
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", cardToken));
    f.fund("acme", "10");
    f.checkBalance.check("acme", f.now);
  }

  @Test
  void success_chargesOnce_creditsTheLedger_andTellsTheAdmins() {
    anOrgBelowItsTrigger("pm_card_visa");

    f.deliverDueRechargeRequests();

    assertThat(f.gateway.cardCharges())
        .singleElement()
        .extracting(CardCharge::idempotencyKey)
        .isEqualTo("recharge-acme-1-try-1");
    assertThat(f.balance("acme")).isEqualTo(Money.of("110", "USD"));
    assertThat(f.ledger.entries("acme")).filteredOn(e -> e.kind() == EntryKind.RECHARGE).hasSize(1);
    assertThat(f.notifications.sent())
        .filteredOn(n -> n instanceof Notification.RechargeSucceeded)
        .singleElement()
        .satisfies(
            n -> {
              var ok = (Notification.RechargeSucceeded) n;
              assertThat(ok.newBalance()).isEqualTo(Money.of("110", "USD"));
              assertThat(ok.card()).isEqualTo("Visa •••• 4242");
            });
    assertThat(f.balanceChanges.published())
        .extracting(e -> e.cause())
        .contains(BalanceChangeCause.RECHARGE);
  }

  @Test
  void duplicateRequest_afterSuccess_neverChargesAgain() {
    anOrgBelowItsTrigger("pm_card_visa");
    f.deliverDueRechargeRequests();

    f.recharging.handle(new RechargeRequest("acme", "recharge-acme-1", f.now), f.now);

    assertThat(f.gateway.cardCharges()).hasSize(1);
    assertThat(f.balance("acme")).isEqualTo(Money.of("110", "USD"));
    assertThat(f.notifications.sent())
        .filteredOn(n -> n instanceof Notification.RechargeSucceeded)
        .hasSize(1);
  }

  @Test
  void crashAfterTheChargeBeforeTheCredit_isReconciled_withoutASecondCharge() {
    anOrgBelowItsTrigger("pm_card_visa");
    RechargeAttempt requested = f.store.attempt("acme", "recharge-acme-1").orElseThrow();
    RechargeAttempt charging = requested.nextTry();
    f.store.updateAttempt(charging, RechargeAttempt.Status.REQUESTED, 0);
    f.gateway.charge(
        new CardCharge("acme", charging.idempotencyKey(), charging.amount(), "pm_card_visa", ""));

    f.deliverDueRechargeRequests();

    assertThat(f.gateway.cardCharges()).hasSize(1);
    assertThat(f.balance("acme")).isEqualTo(Money.of("110", "USD"));
  }

  @Test
  void lostReply_isReconciledUnderTheSameKey_chargedAndCreditedOnce() {
    f.gateway.thenAnswer(new ChargeResult.OutcomeUnknown("read timed out"));
    anOrgBelowItsTrigger("pm_card_visa");

    f.deliverDueRechargeRequests();
    f.advance(Duration.ofSeconds(31));
    f.deliverDueRechargeRequests();

    assertThat(f.gateway.cardCharges()).hasSize(1);
    assertThat(f.balance("acme")).isEqualTo(Money.of("110", "USD"));
  }

  @Test
  void hardDecline_isNotRetried_pausesAutoRecharge_andAsksForANewCard() {
    f.gateway.thenAnswer(new ChargeResult.HardDecline("expired_card", "Your card has expired."));
    anOrgBelowItsTrigger("pm_card_chargeDeclinedExpiredCard");

    f.deliverDueRechargeRequests();
    f.checkBalance.check("acme", f.now);
    f.deliverDueRechargeRequests();

    assertThat(f.gateway.requests()).isEqualTo(1);
    assertThat(f.accounts.find("acme").orElseThrow().autoRecharge().pausedReason())
        .isEqualTo(PauseReason.HARD_DECLINE);
    assertThat(f.notifications.sent())
        .filteredOn(n -> n instanceof Notification.RechargeFailed)
        .singleElement()
        .satisfies(
            n -> {
              var failed = (Notification.RechargeFailed) n;
              assertThat(failed.failure()).isEqualTo(RechargeFailure.HARD_DECLINE);
              assertThat(failed.code()).isEqualTo("expired_card");
              assertThat(failed.autoRechargePaused()).isTrue();
            });
  }

  @Test
  void newCard_liftsTheDeclinePause_andTheNextCheckRecharges() {
    f.gateway.thenAnswer(new ChargeResult.HardDecline("expired_card", "expired"));
    anOrgBelowItsTrigger("pm_card_chargeDeclinedExpiredCard");
    f.deliverDueRechargeRequests();

    f.admin.updatePaymentMethod("acme", TestAccounts.aVisa("pm_card_visa"), f.now);
    f.checkBalance.check("acme", f.now);
    f.deliverDueRechargeRequests();

    assertThat(f.balance("acme")).isEqualTo(Money.of("110", "USD"));
  }

  @Test
  void softDecline_retriesOnTheBackOff_thenPauses_withTwoEmails() {
    ChargeResult insufficient = new ChargeResult.SoftDecline("insufficient_funds", "no funds");
    f.gateway.thenAnswer(insufficient, insufficient, insufficient);
    anOrgBelowItsTrigger("pm_card_chargeDeclinedInsufficientFunds");

    f.deliverDueRechargeRequests();
    f.advance(Duration.ofMinutes(59));
    f.deliverDueRechargeRequests();
    assertThat(f.gateway.requests()).isEqualTo(1);
    f.advance(Duration.ofMinutes(1));
    f.deliverDueRechargeRequests();
    f.advance(Duration.ofHours(6));
    f.deliverDueRechargeRequests();

    assertThat(f.gateway.requests()).isEqualTo(3);
    assertThat(f.accounts.find("acme").orElseThrow().autoRecharge().pausedReason())
        .isEqualTo(PauseReason.SOFT_DECLINE_GAVE_UP);
    assertThat(f.notifications.sent())
        .filteredOn(n -> n instanceof Notification.RechargeFailed)
        .extracting(n -> ((Notification.RechargeFailed) n).failure())
        .containsExactly(
            RechargeFailure.SOFT_DECLINE_RETRYING, RechargeFailure.SOFT_DECLINE_GAVE_UP);
  }

  @Test
  void turningAutoRechargeOff_cancelsThePendingRetry() {
    f.gateway.thenAnswer(new ChargeResult.SoftDecline("insufficient_funds", "no funds"));
    anOrgBelowItsTrigger("pm_card_chargeDeclinedInsufficientFunds");
    f.deliverDueRechargeRequests();

    f.admin.setAutoRecharge(
        "acme", false, Money.of("100", "USD"), Money.of("20", "USD"), null, f.now);
    f.advance(Duration.ofHours(2));
    f.deliverDueRechargeRequests();

    assertThat(f.gateway.requests()).isEqualTo(1);
    assertThat(f.store.attempt("acme", "recharge-acme-1").orElseThrow().status())
        .isEqualTo(RechargeAttempt.Status.CANCELLED);
  }

  @Test
  void burstGuard_pausesInsteadOfAFourthRechargeWithinAnHour() {
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    for (int i = 0; i < 4; i++) {
      f.spend("acme", "200");
      f.checkBalance.check("acme", f.now);
      f.deliverDueRechargeRequests();
      f.advance(Duration.ofMinutes(5));
    }

    assertThat(f.gateway.cardCharges()).hasSize(3);
    assertThat(f.accounts.find("acme").orElseThrow().autoRecharge().pausedReason())
        .isEqualTo(PauseReason.BURST_GUARD);
    assertThat(f.notifications.sent())
        .filteredOn(n -> n instanceof Notification.RechargeFailed)
        .extracting(n -> ((Notification.RechargeFailed) n).failure())
        .containsExactly(RechargeFailure.BURST_GUARD);
  }

  @Test
  void monthlyCap_stopsRechargesThatWouldExceedIt() {
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.admin.setAutoRecharge(
        "acme", true, Money.of("100", "USD"), Money.of("20", "USD"), Money.of("150", "USD"), f.now);

    for (int i = 0; i < 2; i++) {
      f.spend("acme", "200");
      f.checkBalance.check("acme", f.now);
      f.deliverDueRechargeRequests();
      f.advance(Duration.ofHours(2));
    }

    assertThat(f.gateway.cardCharges()).hasSize(1);
    assertThat(f.accounts.find("acme").orElseThrow().autoRecharge().pausedReason())
        .isEqualTo(PauseReason.MONTHLY_CAP);
  }

  @Test
  void failingCard_underAStreamOfDebits_givesBoundedAttemptsAndEmails_notOnePerCall() {
    f.gateway.thenAnswer(new ChargeResult.HardDecline("card_declined", "declined"));
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_chargeDeclined"));
    f.fund("acme", "30");

    for (int call = 0; call < 200; call++) {
      f.spend("acme", "0.50");
      f.checkBalance.check("acme", f.now);
      f.deliverDueRechargeRequests();
      f.advance(Duration.ofSeconds(20));
    }

    assertThat(f.gateway.requests()).isEqualTo(1);
    assertThat(f.notifications.sent())
        .filteredOn(n -> n instanceof Notification.RechargeFailed)
        .hasSize(1);
    assertThat(f.notifications.sent())
        .filteredOn(n -> n instanceof Notification.BalanceReachedZero)
        .hasSize(1);
    assertThat(f.accounts.find("acme").orElseThrow().serviceState())
        .isEqualTo(ServiceState.SUSPENDED);
  }
}
