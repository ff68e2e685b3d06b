package com.commcredits.domain.funding;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.funding.CheckBalance.Action;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.Notification;
import com.commcredits.testing.TestAccounts;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CheckBalanceTest {

  private final FundingFixture f = new FundingFixture();

  @Test
  void belowTrigger_withAutoRechargeOn_opensExactlyOneRecharge_howeverOftenChecked() {
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.fund("acme", "10");

    f.checkBalance.check("acme", f.now);
    f.checkBalance.check("acme", f.now);
    f.checkBalance.check("acme", f.now);

    assertThat(f.recharges.published()).hasSize(1);
    assertThat(f.store.attempts("acme")).hasSize(1);
  }

  @Test
  void atZero_suspendsCreditServices_andTellsTheAdminsOncePerCrossing() {
    f.accounts.open(TestAccounts.anAccount("acme"));

    var first = f.checkBalance.check("acme", f.now);
    f.checkBalance.check("acme", f.now);

    assertThat(((CheckBalance.Outcome.Checked) first).actions()).contains(Action.SUSPENDED);
    assertThat(f.accounts.find("acme").orElseThrow().serviceState())
        .isEqualTo(ServiceState.SUSPENDED);
    assertThat(f.notifications.sent())
        .filteredOn(n -> n instanceof Notification.BalanceReachedZero)
        .singleElement()
        .satisfies(n -> assertThat(n.notificationId()).isEqualTo("zero-acme-1"));
  }

  @Test
  void fundsAboveZero_resumeServices_andTheNextCrossingIsAnnouncedAgain() {
    f.accounts.open(TestAccounts.anAccount("acme"));
    f.checkBalance.check("acme", f.now);

    f.fund("acme", "50");
    var resumed = f.checkBalance.check("acme", f.now);
    f.spend("acme", "60");
    f.checkBalance.check("acme", f.now);

    assertThat(((CheckBalance.Outcome.Checked) resumed).actions()).contains(Action.RESUMED);
    assertThat(f.notifications.sent())
        .filteredOn(n -> n instanceof Notification.BalanceReachedZero)
        .extracting(Notification::notificationId)
        .containsExactly("zero-acme-1", "zero-acme-2");
  }

  @Test
  void withoutAutoRecharge_belowTrigger_warnsOncePerFall() {
    f.accounts.open(TestAccounts.anAccount("acme"));
    f.fund("acme", "500");
    f.spend("acme", "350");

    f.checkBalance.check("acme", f.now);
    f.checkBalance.check("acme", f.now);
    f.fund("acme", "100");
    f.checkBalance.check("acme", f.now);
    f.spend("acme", "100");
    f.checkBalance.check("acme", f.now);

    assertThat(f.notifications.sent())
        .filteredOn(n -> n instanceof Notification.LowBalance)
        .extracting(Notification::notificationId)
        .containsExactly("low-acme-1", "low-acme-2");
    assertThat(f.recharges.published()).isEmpty();
  }

  @Test
  void requestNobodyPickedUp_isRequestedAgain_withTheSameAttempt() {
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.fund("acme", "10");
    f.checkBalance.check("acme", f.now);

    f.advance(Duration.ofMinutes(5));
    f.checkBalance.check("acme", f.now);

    assertThat(f.recharges.published())
        .extracting(RechargeRequest::attemptId)
        .containsExactly("recharge-acme-1", "recharge-acme-1");
  }

  @Test
  void cardExpiringWithinThirtyDays_isAnnouncedOnce() {
    var account = TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa");
    f.accounts.open(
        TestAccounts.withAutoRecharge(
            account,
            new AutoRecharge(
                true,
                Money.of("100", "USD"),
                Money.of("20", "USD"),
                new PaymentMethod("pm_card_visa", "Visa", "4242", YearMonth.of(2026, 11)),
                null)));
    f.fund("acme", "500");

    f.checkBalance.check("acme", f.now);
    f.checkBalance.check("acme", f.now.plus(Duration.ofDays(3)));

    assertThat(f.notifications.published())
        .filteredOn(n -> n instanceof Notification.CardExpiring)
        .singleElement()
        .satisfies(n -> assertThat(n.notificationId()).isEqualTo("card-expiring-acme-2026-11"));
  }

  @Test
  void cardExpiringLater_isNotAnnouncedYet() {
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.fund("acme", "500");

    f.checkBalance.check("acme", f.now);

    assertThat(f.notifications.published()).isEmpty();
  }
}
