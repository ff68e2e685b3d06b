package com.commcredits.domain.funding;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.account.PauseReason;
import com.commcredits.domain.balance.BalanceChangeCause;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.testing.TestAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The recharge path's holes of issue 9, each closed; in memory (the ITs run them on the stack). */
class RechargeUnderFaultsTest {

  private final FundingFixture f = new FundingFixture();

  private void anOrgBelowItsTrigger(String cardToken) {
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", cardToken));
    f.fund("acme", "10");
    f.checkBalance.check("acme", f.now);
  }

  private RechargeAttempt attempt(int n) {
    return f.store.attempt("acme", "recharge-acme-" + n).orElseThrow();
  }

  private void adminSaves(BalanceChangeCause cause) {
    f.checkBalance.check("acme", Set.of(cause), f.now);
  }

  @Test
  void turningAutoRechargeOff_cancelsTheScheduledRetryAtOnce_andReenablingRechargesNow() {
    // guards issue 9 defect 5
    // given: a soft decline scheduled a retry an hour out
    f.gateway.thenAnswer(new ChargeResult.SoftDecline("insufficient_funds", "no funds"));
    anOrgBelowItsTrigger("pm_card_chargeDeclinedInsufficientFunds");
    f.deliverDueRechargeRequests();
    assertThat(attempt(1).status()).isEqualTo(RechargeAttempt.Status.RETRY_SCHEDULED);

    // when: off (the check runs on the admin's change), a good card, on again
    f.admin.setAutoRecharge(
        "acme", false, Money.of("100", "USD"), Money.of("20", "USD"), null, f.now);
    adminSaves(BalanceChangeCause.AUTO_RECHARGE_SET);
    f.admin.updatePaymentMethod("acme", TestAccounts.aVisa("pm_card_visa"), f.now);
    f.admin.setAutoRecharge(
        "acme", true, Money.of("100", "USD"), Money.of("20", "USD"), null, f.now);
    adminSaves(BalanceChangeCause.AUTO_RECHARGE_SET);
    f.deliverDueRechargeRequests();

    // then: the old retry was cancelled at once and a new recharge went through, minutes later
    assertThat(attempt(1).status()).isEqualTo(RechargeAttempt.Status.CANCELLED);
    assertThat(attempt(2).status()).isEqualTo(RechargeAttempt.Status.SUCCEEDED);
    assertThat(f.balance("acme")).isEqualTo(Money.of("110", "USD"));
  }

  @Test
  void aNewCard_bringsTheScheduledRetryForward_once() {
    // guards issue 9 defect 5
    f.gateway.thenAnswer(new ChargeResult.SoftDecline("insufficient_funds", "no funds"));
    anOrgBelowItsTrigger("pm_card_chargeDeclinedInsufficientFunds");
    f.deliverDueRechargeRequests();

    f.admin.updatePaymentMethod("acme", TestAccounts.aVisa("pm_card_visa"), f.now);
    adminSaves(BalanceChangeCause.PAYMENT_METHOD_UPDATED);
    f.deliverDueRechargeRequests();
    f.advance(Duration.ofHours(2));
    f.deliverDueRechargeRequests();

    assertThat(attempt(1).status()).isEqualTo(RechargeAttempt.Status.SUCCEEDED);
    assertThat(f.gateway.cardCharges()).hasSize(1);
    assertThat(f.balance("acme")).isEqualTo(Money.of("110", "USD"));
  }

  @Test
  void anAttemptLeftInAnyStatusWithoutAMessage_isRequestedAgain_andReportedWhenLongOverdue() {
    // guards issue 9 defect 3: a retry whose message went to the DLQ
    f.gateway.thenAnswer(new ChargeResult.SoftDecline("insufficient_funds", "no funds"));
    anOrgBelowItsTrigger("pm_card_visa");
    f.deliverDueRechargeRequests();
    f.recharges.loseAll();

    // when: the retry's time passes with no message, and a later check runs
    f.advance(Duration.ofHours(2));
    CheckBalance.Outcome outcome = f.checkBalance.check("acme", f.now);
    f.deliverDueRechargeRequests();

    // then
    assertThat(((CheckBalance.Outcome.Checked) outcome).actions())
        .contains(CheckBalance.Action.RECHARGE_REQUESTED_AGAIN, CheckBalance.Action.RECHARGE_STUCK);
    assertThat(attempt(1).status()).isEqualTo(RechargeAttempt.Status.SUCCEEDED);
  }

  @Test
  void aChargeLeftCharging_isReconciledByTheCheck_notLeftInFlight() {
    // guards issue 9 defect 3: the function died after recording the try
    anOrgBelowItsTrigger("pm_card_visa");
    RechargeAttempt requested = attempt(1);
    f.store.updateAttempt(requested.nextTry(), requested.status(), requested.tries());
    f.recharges.loseAll();

    f.advance(Duration.ofMinutes(5));
    f.checkBalance.check("acme", f.now);
    f.deliverDueRechargeRequests();

    assertThat(attempt(1).status()).isEqualTo(RechargeAttempt.Status.SUCCEEDED);
    assertThat(f.gateway.cardCharges()).hasSize(1);
  }

  @Test
  void unknownOutcomes_areCounted_thenRechargingPauses_butTheTryStaysOpenUnderItsKey() {
    // guards issue 9 defect 9
    // given: the provider never answers clearly
    anOrgBelowItsTrigger("pm_card_visa");
    for (int i = 0; i < 20; i++) {
      f.gateway.thenAnswer(new ChargeResult.OutcomeUnknown("timeout"));
    }
    FlakyFind find = new FlakyFind();
    RechargeAutomatically recharging =
        new RechargeAutomatically(
            f.store, find, f.recharges, f.balanceChanges, f.notifications, FundingFixture.POLICY);

    // when
    RechargeAutomatically.Outcome last = null;
    for (int i = 0; i < RechargePolicy.STANDARD_UNKNOWN_OUTCOME_LIMIT; i++) {
      last = recharging.handle(new RechargeRequest("acme", "recharge-acme-1", f.now), f.now);
      f.advance(Duration.ofSeconds(30));
    }

    // then
    assertThat(last).isInstanceOf(RechargeAutomatically.Outcome.Unreconciled.class);
    assertThat(((RechargeAutomatically.Outcome.Unreconciled) last).paused()).isTrue();
    assertThat(f.accounts.find("acme").orElseThrow().autoRecharge().pausedReason())
        .isEqualTo(PauseReason.UNKNOWN_OUTCOMES);
    assertThat(attempt(1).status()).isEqualTo(RechargeAttempt.Status.CHARGING);
    assertThat(attempt(1).tries()).isEqualTo(1);
    assertThat(f.store.snapshot("acme").orElseThrow().funding().rechargeInFlight())
        .isEqualTo("recharge-acme-1");
  }

  @Test
  void monthlyCapPause_liftsWhenTheMonthTurns() {
    // guards issue 9 defect 6
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.admin.setAutoRecharge(
        "acme", true, Money.of("100", "USD"), Money.of("20", "USD"), Money.of("150", "USD"), f.now);
    for (int i = 0; i < 2; i++) {
      f.spend("acme", "200");
      f.checkBalance.check("acme", f.now);
      f.deliverDueRechargeRequests();
      f.advance(Duration.ofHours(2));
    }
    assertThat(f.accounts.find("acme").orElseThrow().autoRecharge().pausedReason())
        .isEqualTo(PauseReason.MONTHLY_CAP);

    // when: December begins and the daily sweep's check runs
    f.now = Instant.parse("2026-12-01T00:05:00Z");
    CheckBalance.Outcome outcome = f.checkBalance.check("acme", f.now);
    f.deliverDueRechargeRequests();

    // then
    assertThat(((CheckBalance.Outcome.Checked) outcome).actions())
        .contains(CheckBalance.Action.MONTHLY_CAP_LIFTED, CheckBalance.Action.RECHARGE_REQUESTED);
    assertThat(f.gateway.cardCharges()).hasSize(2);
  }

  @Test
  void aLostRaceToClose_sendsNoPausedEmail() {
    // guards issue 9 defect 11: fail() used to email before its conditional close
    f.gateway.thenAnswer(new ChargeResult.HardDecline("expired_card", "expired"));
    anOrgBelowItsTrigger("pm_card_chargeDeclinedExpiredCard");
    RechargeAttempt requested = attempt(1);
    RechargeAttempt charging = requested.nextTry();
    f.store.updateAttempt(charging, requested.status(), requested.tries());
    // another instance closed it meanwhile
    f.store.closeRecharge(
        charging.with(RechargeAttempt.Status.CANCELLED, null, null),
        RechargeAttempt.Status.CHARGING,
        null);

    f.recharging.handle(new RechargeRequest("acme", "recharge-acme-1", f.now), f.now);

    assertThat(f.notifications.sent()).noneMatch(n -> n instanceof Notification.RechargeFailed);
  }

  /** A provider whose charges and lookups never give a clear answer. */
  private static final class FlakyFind implements com.commcredits.domain.payment.PaymentGateway {
    @Override
    public ChargeResult charge(com.commcredits.domain.payment.CardCharge charge) {
      return new ChargeResult.OutcomeUnknown("timeout");
    }

    @Override
    public ChargeResult find(com.commcredits.domain.payment.CardCharge charge) {
      return new ChargeResult.OutcomeUnknown("lookup timed out");
    }
  }
}
