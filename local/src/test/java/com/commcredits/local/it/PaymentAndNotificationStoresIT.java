package com.commcredits.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.adapters.dynamodb.DynamoDbSentNotifications;
import com.commcredits.adapters.dynamodb.DynamoDbSimulatedCharges;
import com.commcredits.adapters.payment.SimulatedPaymentGateway;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.SentNotification;
import com.commcredits.domain.payment.CardCharge;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.junit.LocalDeploymentExtension;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The simulated gateway's charges and the sent-notification records in the template's ledger table
 * on DynamoDB Local: the conditional writes that make one charge per key and one email per
 * notification.
 */
@ExtendWith(LocalDeploymentExtension.class)
class PaymentAndNotificationStoresIT {

  private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");

  private final LocalDeployment deployment;
  private String org;

  PaymentAndNotificationStoresIT(LocalDeployment deployment) {
    this.deployment = deployment;
  }

  @BeforeEach
  void newOrg() {
    org = "org-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void twoInvocationsChargingUnderOneKey_chargeTheCardOnce() {
    // given two gateways, as two Lambda invocations would build them
    SimulatedPaymentGateway first = gateway();
    SimulatedPaymentGateway second = gateway();

    // when
    ChargeResult one = first.charge(charge("recharge:" + org + ":1", "pm_card_visa"));
    ChargeResult two = second.charge(charge("recharge:" + org + ":1", "pm_card_visa"));

    // then
    assertThat(one).isInstanceOf(ChargeResult.Succeeded.class).isEqualTo(two);
    assertThat(second.chargesFor(org)).hasSize(1);
  }

  @Test
  void lostReply_isFoundLater_asCharged() {
    // given
    ChargeResult lost = gateway().charge(charge("recharge:" + org + ":2", "pm_card_timeout"));

    // when
    ChargeResult found = gateway().find(charge("recharge:" + org + ":2", "pm_card_timeout"));

    // then
    assertThat(lost).isInstanceOf(ChargeResult.OutcomeUnknown.class);
    assertThat(found).isInstanceOf(ChargeResult.Succeeded.class);
    assertThat(gateway().find(charge("recharge:" + org + ":3", "pm_card_visa")))
        .isInstanceOf(ChargeResult.NotFound.class);
  }

  @Test
  void declinedCharge_isKept_butIsNoCardCharge() {
    // when
    ChargeResult declined =
        gateway().charge(charge("recharge:" + org + ":4", "pm_card_chargeDeclinedExpiredCard"));

    // then
    assertThat(declined)
        .isEqualTo(new ChargeResult.HardDecline("expired_card", "Your card has expired."));
    assertThat(
            gateway().find(charge("recharge:" + org + ":4", "pm_card_chargeDeclinedExpiredCard")))
        .isEqualTo(declined);
    assertThat(gateway().chargesFor(org)).isEmpty();
  }

  @Test
  void claim_isGrantedOnce_untilItsLeaseRunsOut() {
    // given
    DynamoDbSentNotifications sent = sentNotifications();
    assertThat(sent.claim(org, "n1", "LOW_BALANCE", NOW, NOW.plusSeconds(60))).isEmpty();

    // when
    var whileLeased =
        sent.claim(org, "n1", "LOW_BALANCE", NOW.plusSeconds(30), NOW.plusSeconds(90));
    var afterLease =
        sent.claim(org, "n1", "LOW_BALANCE", NOW.plusSeconds(61), NOW.plusSeconds(121));

    // then
    assertThat(whileLeased)
        .hasValueSatisfying(
            r -> {
              assertThat(r.status()).isEqualTo(SentNotification.Status.SENDING);
              assertThat(r.leaseUntil()).isEqualTo(NOW.plusSeconds(60));
            });
    assertThat(afterLease).isEmpty();
  }

  @Test
  void finalOutcome_endsClaims_andIsNeverOverwritten() {
    // given
    DynamoDbSentNotifications sent = sentNotifications();
    sent.claim(org, "n2", "LOW_BALANCE", NOW, NOW.plusSeconds(60));
    sent.record(SentNotification.sent(org, "n2", "LOW_BALANCE", "ses-1", NOW));

    // when
    sent.record(SentNotification.rejected(org, "n2", "MALFORMED", "late duplicate", NOW));
    var claimAfterSent = sent.claim(org, "n2", "LOW_BALANCE", NOW.plusSeconds(999), NOW);

    // then
    assertThat(claimAfterSent)
        .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(SentNotification.Status.SENT));
    assertThat(sent.find(org, "n2").orElseThrow().detail()).isEqualTo("ses-1");
  }

  private SimulatedPaymentGateway gateway() {
    return new SimulatedPaymentGateway(
        new DynamoDbSimulatedCharges(deployment.dynamoDb(), deployment.tableName("LedgerTable")),
        Clock.systemUTC());
  }

  private DynamoDbSentNotifications sentNotifications() {
    return new DynamoDbSentNotifications(
        deployment.dynamoDb(), deployment.tableName("LedgerTable"));
  }

  private CardCharge charge(String key, String token) {
    return new CardCharge(org, key, Money.of("100", "USD"), token, "Comm Credits recharge");
  }
}
