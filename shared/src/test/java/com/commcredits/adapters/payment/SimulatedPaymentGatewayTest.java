package com.commcredits.adapters.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.domain.money.Money;
import com.commcredits.domain.payment.CardCharge;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.testing.InMemorySimulatedCharges;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatedPaymentGatewayTest {

  private final InMemorySimulatedCharges store = new InMemorySimulatedCharges();
  private final SimulatedPaymentGateway gateway =
      new SimulatedPaymentGateway(
          store, Clock.fixed(Instant.parse("2026-11-23T09:30:00Z"), ZoneOffset.UTC));

  @ParameterizedTest
  @CsvSource({
    "pm_card_visa,                            Succeeded,       ''",
    "pm_card_mastercard,                      Succeeded,       ''",
    "pm_card_somethingElse,                   HardDecline,     unknown_test_card",
    "cus_Real1:pm_1RealCardToken,             HardDecline,     unknown_test_card",
    "cus_Abc123:pm_card_visa,                 Succeeded,       ''",
    "pm_card_chargeDeclinedExpiredCard,       HardDecline,     expired_card",
    "pm_card_chargeDeclined,                  HardDecline,     card_declined",
    "pm_card_chargeDeclinedLostCard,          HardDecline,     lost_card",
    "cus_Abc123:pm_card_chargeDeclined,       HardDecline,     card_declined",
    "pm_card_chargeDeclinedInsufficientFunds, SoftDecline,     insufficient_funds",
    "pm_card_chargeDeclinedProcessingError,   ProcessingError, processing_error",
    "pm_card_timeout,                         OutcomeUnknown,  ''",
  })
  // Unknown tokens: guards issue 9 defect 2 (they used to be "charged", crediting for free).
  void outcome_isChosenByTheTestCardToken(String token, String kind, String code) {
    // when
    ChargeResult result = gateway.charge(charge("acme", "recharge:acme:1", token, "100.00"));

    // then
    assertThat(result.getClass().getSimpleName()).isEqualTo(kind);
    if (result instanceof ChargeResult.HardDecline hard) {
      assertThat(hard.code()).isEqualTo(code);
    } else if (result instanceof ChargeResult.SoftDecline soft) {
      assertThat(soft.code()).isEqualTo(code);
    } else if (result instanceof ChargeResult.ProcessingError error) {
      assertThat(error.code()).isEqualTo(code);
    }
  }

  @Test
  void sameIdempotencyKey_returnsTheFirstResult_andChargesTheCardOnce() {
    // given
    ChargeResult first = gateway.charge(charge("acme", "recharge:acme:1", "pm_card_visa", "100"));

    // when
    ChargeResult second = gateway.charge(charge("acme", "recharge:acme:1", "pm_card_visa", "100"));

    // then
    assertThat(first).isInstanceOf(ChargeResult.Succeeded.class);
    assertThat(second).isEqualTo(first);
    assertThat(gateway.chargesFor("acme")).hasSize(1);
  }

  @Test
  void lostReply_chargedTheCard_andFindAndAReplayTellSo() {
    // given
    ChargeResult lost = gateway.charge(charge("acme", "recharge:acme:2", "pm_card_timeout", "50"));

    // when
    ChargeResult found = gateway.find(charge("acme", "recharge:acme:2", "pm_card_timeout", "50"));
    ChargeResult replay =
        gateway.charge(charge("acme", "recharge:acme:2", "pm_card_timeout", "50"));

    // then
    assertThat(lost).isInstanceOf(ChargeResult.OutcomeUnknown.class);
    assertThat(found).isInstanceOf(ChargeResult.Succeeded.class);
    assertThat(((ChargeResult.Succeeded) found).amount()).isEqualTo(Money.of("50", "USD"));
    assertThat(replay).isEqualTo(found);
    assertThat(gateway.chargesFor("acme")).hasSize(1);
  }

  @Test
  void find_withAnUnknownKey_isNotFound() {
    assertThat(gateway.find(charge("acme", "recharge:acme:404", "pm_card_visa", "1")))
        .isEqualTo(new ChargeResult.NotFound("recharge:acme:404"));
  }

  @Test
  void declines_areKept_butAreNoCardCharges() {
    // when
    gateway.charge(charge("acme", "k1", "pm_card_chargeDeclinedInsufficientFunds", "10"));
    gateway.charge(charge("acme", "k2", "pm_card_visa", "10"));

    // then
    assertThat(store.all("acme")).hasSize(2);
    assertThat(gateway.chargesFor("acme"))
        .extracting(SimulatedCharge::idempotencyKey)
        .containsExactly("k2");
    assertThat(gateway.find(charge("acme", "k1", "pm_card_chargeDeclinedInsufficientFunds", "10")))
        .isInstanceOf(ChargeResult.SoftDecline.class);
  }

  @Test
  void sameKeyWithAnotherAmount_isRefused_asStripeRefusesIt() {
    // given
    gateway.charge(charge("acme", "k1", "pm_card_visa", "10"));

    // when / then
    assertThatThrownBy(() -> gateway.charge(charge("acme", "k1", "pm_card_visa", "11")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another amount");
    assertThat(gateway.chargesFor("acme")).hasSize(1);
  }

  @Test
  void keysAreKeptPerOrg() {
    // when
    gateway.charge(charge("acme", "k1", "pm_card_visa", "10"));
    gateway.charge(charge("globex", "k1", "pm_card_visa", "10"));

    // then
    assertThat(gateway.chargesFor("acme")).hasSize(1);
    assertThat(gateway.chargesFor("globex")).hasSize(1);
  }

  private static CardCharge charge(String org, String key, String token, String amount) {
    return new CardCharge(org, key, Money.of(amount, "USD"), token, "Comm Credits recharge");
  }
}
