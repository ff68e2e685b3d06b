package com.commcredits.domain.funding;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.testing.TestAccounts;
import org.junit.jupiter.api.Test;

class SettlePendingPurchasesTest {

  private final FundingFixture f = new FundingFixture();
  private final SettlePendingPurchases settling =
      new SettlePendingPurchases(f.purchasing, f.notifications);
  private final String purchaseId = PurchaseCommand.purchaseIdFor("4f1c7a52-key-one");

  private PurchaseOutcome buy(String amount) {
    return f.purchasing.purchase(
        new PurchaseCommand("acme", purchaseId, Money.of(amount, "USD"), f.now));
  }

  private PurchaseSettlement queued() {
    return f.recharges.settlements().get(0);
  }

  @Test
  void pendingPurchaseThatWentThrough_isSettled_andItsAdminsAreToldOnce() {
    // given: the provider charged the card but the reply was lost
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.gateway.thenAnswer(new ChargeResult.OutcomeUnknown("timeout"));
    buy("25");

    // when: the settlement is handled, then delivered once more
    settling.settle(queued(), queued().notBefore());
    settling.settle(queued(), queued().notBefore());

    // then
    assertThat(f.gateway.cardCharges()).hasSize(1);
    assertThat(f.balance("acme")).isEqualTo(Money.of("25", "USD"));
    assertThat(f.notifications.sent())
        .singleElement()
        .isInstanceOfSatisfying(
            Notification.PurchaseCompleted.class,
            n -> {
              assertThat(n.notificationId()).isEqualTo("purchase-settled-acme-" + purchaseId);
              assertThat(n.purchaseId()).isEqualTo(purchaseId);
              assertThat(n.amount()).isEqualTo(Money.of("25", "USD"));
              assertThat(n.balance()).isEqualTo(Money.of("25", "USD"));
            });
  }

  @Test
  void pendingPurchaseTheProviderThenDeclines_isClosed_andItsAdminsAreToldWhy() {
    // given: nothing reached the card; when asked again the card is declined
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.gateway.unreachable(true);
    buy("25");
    f.gateway
        .unreachable(false)
        .thenAnswer(new ChargeResult.HardDecline("expired_card", "expired"));

    // when
    var outcome = settling.settle(queued(), queued().notBefore());

    // then
    assertThat(outcome).isInstanceOf(PurchaseCredit.SettlementOutcome.Settled.class);
    assertThat(f.gateway.cardCharges()).isEmpty();
    assertThat(f.balance("acme")).isEqualTo(Money.of("0", "USD"));
    assertThat(f.notifications.sent())
        .singleElement()
        .isInstanceOfSatisfying(
            Notification.PurchaseDeclined.class,
            n -> {
              assertThat(n.failure()).isEqualTo(Notification.PurchaseFailure.HARD_DECLINE);
              assertThat(n.code()).isEqualTo("expired_card");
              assertThat(n.amount()).isEqualTo(Money.of("25", "USD"));
            });
  }

  @Test
  void settlementStillUnanswered_tellsTheAdminsNothingYet() {
    // given
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.gateway.unreachable(true);
    buy("25");

    // when
    var outcome = settling.settle(queued(), queued().notBefore());

    // then
    assertThat(outcome).isInstanceOf(PurchaseCredit.SettlementOutcome.RetryScheduled.class);
    assertThat(f.notifications.published()).isEmpty();
  }

  @Test
  void purchaseTheAdminSettledBySendingAgain_isConfirmedByTheSameSingleEmail() {
    // given: the admin sent the same request again before the settlement came
    f.accounts.open(TestAccounts.anAutoRechargingAccount("acme", "pm_card_visa"));
    f.gateway.thenAnswer(new ChargeResult.OutcomeUnknown("timeout"));
    buy("25");
    buy("25");

    // when
    settling.settle(queued(), queued().notBefore());

    // then
    assertThat(f.gateway.cardCharges()).hasSize(1);
    assertThat(f.notifications.sent())
        .singleElement()
        .isInstanceOf(Notification.PurchaseCompleted.class);
  }
}
