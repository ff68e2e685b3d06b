package com.commcredits.local.it;

import static com.commcredits.testing.TestCallRecords.aCallRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.adapters.dynamodb.DynamoDbSimulatedCharges;
import com.commcredits.adapters.payment.SimulatedCharge;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.money.Money;
import com.commcredits.local.LocalAdmin;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.SentEmail;
import com.commcredits.local.junit.LocalDeploymentExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Balance checks, auto-recharge and emails end to end: call records on the queue, the four
 * functions polling as Lambda would, DynamoDB Local, ElasticMQ and the SES emulator.
 */
@ExtendWith(LocalDeploymentExtension.class)
class FundingPipelineIT {

  private static final Duration SETTLE = Duration.ofSeconds(60);

  private final LocalDeployment deployment;
  private final LocalAdmin admin;
  private final DynamoDbSimulatedCharges cardCharges;
  private String org;
  private int calls;

  FundingPipelineIT(LocalDeployment deployment) {
    this.deployment = deployment;
    this.admin = new LocalAdmin(deployment);
    this.cardCharges =
        new DynamoDbSimulatedCharges(deployment.dynamoDb(), deployment.tableName("LedgerTable"));
  }

  @BeforeEach
  void start() {
    org = "org-" + UUID.randomUUID().toString().substring(0, 8);
    deployment.startEventSources();
  }

  @AfterEach
  void settle() {
    Crash.disarm();
    deployment.awaitQuiescence(SETTLE);
  }

  @Test
  void orgBelowItsTrigger_isRechargedOnce_andItsAdminIsEmailed() {
    anOrg("USD", Language.EN, "pm_card_visa", "30");

    spend(Duration.ofMinutes(44));
    deployment.awaitQuiescence(SETTLE);

    assertThat(admin.balance(org)).isEqualTo(Money.of("69.00", "USD"));
    assertThat(succeededCharges()).hasSize(1);
    assertThat(emails())
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.to()).containsExactly("admin@" + org + ".example");
              assertThat(mail.subject()).contains("auto-recharge", "USD 50.00", "succeeded");
              assertThat(mail.textBody()).contains("USD 69.00", "Visa •••• 4242");
            });
  }

  @Test
  void expiredCard_failsOnce_emailsInGerman_andTheOrgIsSuspendedAtZero_untilANewCardAndFunds() {
    anOrg("EUR", Language.DE, "pm_card_chargeDeclinedExpiredCard", "30");

    spend(Duration.ofMinutes(30));
    spend(Duration.ofMinutes(120));
    deployment.awaitQuiescence(SETTLE);

    assertThat(admin.accounts().find(org).orElseThrow().serviceState())
        .isEqualTo(ServiceState.SUSPENDED);
    assertThat(cardCharges.all(org)).hasSize(1);
    assertThat(emails())
        .extracting(SentEmail::subject)
        .anySatisfy(s -> assertThat(s).contains("Karte aktualisieren"))
        .anySatisfy(s -> assertThat(s).contains("aufgebraucht"));

    admin.administration().updatePaymentMethod(org, card("pm_card_visa"), Instant.now());
    admin.administration().addFunds(org, "top-up", Money.of("40", "EUR"), Instant.now());
    deployment.awaitQuiescence(SETTLE);

    assertThat(admin.accounts().find(org).orElseThrow().serviceState())
        .isEqualTo(ServiceState.ACTIVE);
    assertThat(admin.balance(org)).isEqualTo(admin.ledgerSum(org));
  }

  @Test
  void crashAfterTheChargeBeforeTheCredit_thenRedelivery_chargesOnceAndCreditsOnce() {
    Crash.before(FundingPipelineIT::creditsARecharge);
    anOrg("USD", Language.EN, "pm_card_visa", "30");

    spend(Duration.ofMinutes(44));
    deployment.awaitQuiescence(SETTLE);

    assertThat(Crash.sprung()).isTrue();
    assertThat(succeededCharges()).hasSize(1);
    assertThat(rechargeCredits()).isEqualTo(1);
    assertThat(admin.balance(org)).isEqualTo(Money.of("69.00", "USD"));
  }

  @Test
  void crashAfterTheCreditBeforeTheMessageIsDeleted_thenRedelivery_changesNothing() {
    Crash.after(FundingPipelineIT::creditsARecharge);
    anOrg("USD", Language.EN, "pm_card_visa", "30");

    spend(Duration.ofMinutes(44));
    deployment.awaitQuiescence(SETTLE);

    assertThat(Crash.sprung()).isTrue();
    assertThat(succeededCharges()).hasSize(1);
    assertThat(rechargeCredits()).isEqualTo(1);
    assertThat(emails()).hasSize(1);
  }

  @Test
  void streamOfDebitsAgainstAFailingCard_makesOneChargeAttemptAndOneFailureEmail() {
    anOrg("USD", Language.EN, "pm_card_chargeDeclined", "30");

    for (int i = 0; i < 60; i++) {
      spend(Duration.ofMinutes(1));
    }
    deployment.awaitQuiescence(SETTLE);

    assertThat(cardCharges.all(org)).hasSize(1);
    assertThat(emails())
        .extracting(SentEmail::subject)
        .filteredOn(s -> s.contains("failed") || s.contains("update your card"))
        .hasSize(1);
  }

  private void anOrg(String currency, Language language, String cardToken, String deposit) {
    var administration = admin.administration();
    Instant now = Instant.now();
    administration.openAccount(
        org,
        "Org " + org,
        Currency.getInstance(currency),
        language,
        List.of("admin@" + org + ".example"),
        50,
        now);
    administration.setAutoRecharge(
        org, false, Money.of("50", currency), Money.of("20", currency), null, now);
    administration.addFunds(org, "initial", Money.of(deposit, currency), now);
    administration.updatePaymentMethod(org, card(cardToken), now);
    administration.setAutoRecharge(
        org, true, Money.of("50", currency), Money.of("20", currency), null, now);
    deployment.awaitQuiescence(SETTLE);
  }

  /**
   * A dial-out to Japan, priced by the sample cards' fallback rate (0.25 USD, 0.23 EUR a minute).
   */
  private void spend(Duration length) {
    String body =
        aCallRecord()
            .org(org)
            .usageId(org + "-call-" + (++calls))
            .to("+81312345678")
            .lasting(length.toSeconds())
            .json();
    deployment
        .sqs()
        .sendMessage(
            SendMessageRequest.builder()
                .queueUrl(deployment.queueUrl("CallRecordsQueue"))
                .messageBody(body)
                .build());
  }

  private List<SimulatedCharge> succeededCharges() {
    return cardCharges.all(org).stream()
        .filter(c -> c.kind() == SimulatedCharge.Kind.SUCCEEDED)
        .toList();
  }

  private long rechargeCredits() {
    return admin.ledger().entries(org).stream().filter(e -> e.kind() == EntryKind.RECHARGE).count();
  }

  private List<SentEmail> emails() {
    return deployment.sentEmails().stream()
        .filter(mail -> mail.to().contains("admin@" + org + ".example"))
        .toList();
  }

  private static PaymentMethod card(String token) {
    return new PaymentMethod(token, "Visa", "4242", YearMonth.now().plusYears(2));
  }

  private static boolean creditsARecharge(software.amazon.awssdk.core.SdkRequest request) {
    return request instanceof TransactWriteItemsRequest transaction
        && transaction.transactItems().stream()
            .anyMatch(
                item ->
                    item.put() != null
                        && item.put().item().containsKey("kind")
                        && "RECHARGE".equals(item.put().item().get("kind").s()));
  }
}
