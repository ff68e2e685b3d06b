package com.commcredits.local.it;

import static com.commcredits.local.it.OrgOnTheStack.SETTLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.money.Money;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.SentEmail;
import com.commcredits.local.junit.LocalDeploymentExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Balance checks, auto-recharge and emails end to end: call records on the queue, the four
 * functions polling as Lambda would, DynamoDB Local, ElasticMQ and the SES emulator.
 */
@ExtendWith(LocalDeploymentExtension.class)
class FundingPipelineIT {

  private final LocalDeployment deployment;

  FundingPipelineIT(LocalDeployment deployment) {
    this.deployment = deployment;
  }

  @BeforeEach
  void start() {
    deployment.startEventSources();
  }

  @AfterEach
  void settle() {
    Crash.disarm();
    deployment.awaitQuiescence(SETTLE);
  }

  @Test
  void orgBelowItsTrigger_isRechargedOnce_andItsAdminIsEmailed() {
    var org = OrgOnTheStack.open(deployment, "USD", Language.EN, "pm_card_visa", "30");

    org.call(Duration.ofMinutes(44));
    deployment.awaitQuiescence(SETTLE);

    assertThat(org.balance()).isEqualTo(Money.of("69.00", "USD"));
    assertThat(org.succeededCardCharges()).hasSize(1);
    assertThat(org.emails())
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.to()).containsExactly(org.adminEmail());
              assertThat(mail.subject()).contains("auto-recharge", "USD 50.00", "succeeded");
              assertThat(mail.textBody()).contains("USD 69.00", "Visa •••• 4242");
            });
  }

  @Test
  void expiredCard_failsOnce_emailsInGerman_andTheOrgIsSuspendedAtZero_untilANewCardAndFunds() {
    var org =
        OrgOnTheStack.open(
            deployment, "EUR", Language.DE, "pm_card_chargeDeclinedExpiredCard", "30");

    org.call(Duration.ofMinutes(44));
    org.call(Duration.ofMinutes(120));
    deployment.awaitQuiescence(SETTLE);

    assertThat(org.account().serviceState()).isEqualTo(ServiceState.SUSPENDED);
    assertThat(org.cardCharges()).hasSize(1);
    assertThat(org.emails())
        .extracting(SentEmail::subject)
        .anySatisfy(s -> assertThat(s).contains("Karte aktualisieren"))
        .anySatisfy(s -> assertThat(s).contains("aufgebraucht"));

    org.admin
        .administration()
        .updatePaymentMethod(org.orgId, OrgOnTheStack.card("pm_card_visa"), Instant.now());
    org.admin.administration().addFunds(org.orgId, "top-up", org.money("40"), Instant.now());
    deployment.awaitQuiescence(SETTLE);

    assertThat(org.account().serviceState()).isEqualTo(ServiceState.ACTIVE);
    assertThat(org.balance()).isEqualTo(org.admin.ledgerSum(org.orgId));
  }

  @Test
  void crashAfterTheChargeBeforeTheCredit_thenRedelivery_chargesOnceAndCreditsOnce() {
    var org = OrgOnTheStack.open(deployment, "USD", Language.EN, "pm_card_visa", "30");
    Crash.before(FundingPipelineIT::creditsARecharge);

    org.call(Duration.ofMinutes(44));
    deployment.awaitQuiescence(SETTLE);

    assertThat(Crash.sprung()).isTrue();
    assertThat(org.succeededCardCharges()).hasSize(1);
    assertThat(org.rechargeCredits()).isEqualTo(1);
    assertThat(org.balance()).isEqualTo(Money.of("69.00", "USD"));
  }

  @Test
  void crashAfterTheCreditBeforeTheMessageIsDeleted_thenRedelivery_changesNothing() {
    var org = OrgOnTheStack.open(deployment, "USD", Language.EN, "pm_card_visa", "30");
    Crash.after(FundingPipelineIT::creditsARecharge);

    org.call(Duration.ofMinutes(44));
    deployment.awaitQuiescence(SETTLE);

    assertThat(Crash.sprung()).isTrue();
    assertThat(org.succeededCardCharges()).hasSize(1);
    assertThat(org.rechargeCredits()).isEqualTo(1);
    assertThat(org.emails()).hasSize(1);
  }

  @Test
  void lostReplyFromTheProvider_isReconciled_chargedAndCreditedOnce() {
    var org = OrgOnTheStack.open(deployment, "USD", Language.EN, "pm_card_timeout", "30");

    org.call(Duration.ofMinutes(44));
    deployment.awaitQuiescence(SETTLE);

    assertThat(org.succeededCardCharges()).hasSize(1);
    assertThat(org.rechargeCredits()).isEqualTo(1);
  }

  @Test
  void streamOfDebitsAgainstAFailingCard_makesOneChargeAttemptAndOneFailureEmail() {
    var org = OrgOnTheStack.open(deployment, "USD", Language.EN, "pm_card_chargeDeclined", "30");

    for (int i = 0; i < 60; i++) {
      org.call(Duration.ofMinutes(1));
    }
    deployment.awaitQuiescence(SETTLE);

    assertThat(org.cardCharges()).hasSize(1);
    assertThat(org.emails())
        .extracting(SentEmail::subject)
        .filteredOn(s -> s.contains("update your card"))
        .hasSize(1);
  }

  private static boolean creditsARecharge(SdkRequest request) {
    return request instanceof TransactWriteItemsRequest transaction
        && transaction.transactItems().stream()
            .anyMatch(
                item ->
                    item.put() != null
                        && item.put().item().containsKey("kind")
                        && "RECHARGE".equals(item.put().item().get("kind").s()));
  }
}
