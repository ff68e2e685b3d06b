package com.commcredits.domain.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.domain.funding.PurchaseOutcome.DeclineKind;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.testing.TestAccounts;
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
