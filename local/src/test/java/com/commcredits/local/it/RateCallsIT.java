package com.commcredits.local.it;

import static com.commcredits.testing.TestCallRecords.aRecentCallRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.account.Language;
import com.commcredits.domain.charging.RejectedCallRecord;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.report.UsageReportCsv;
import com.commcredits.local.LocalAdmin;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.testing.LambdaEvents;
import com.commcredits.testing.TestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** The rate-calls function through the SDK against the emulators, as deployed by the template. */
@ExtendWith(LocalDeploymentExtension.class)
class RateCallsIT {

  private final LocalDeployment deployment;
  private final LocalAdmin admin;
  private String org;

  RateCallsIT(LocalDeployment deployment) {
    this.deployment = deployment;
    this.admin = new LocalAdmin(deployment);
  }

  @BeforeEach
  void openAnOrg() {
    org = "org-" + UUID.randomUUID().toString().substring(0, 8);
    admin
        .administration()
        .openAccount(
            org,
            "Test " + org,
            Currency.getInstance("USD"),
            Language.EN,
            List.of("admin@" + org + ".example"),
            50,
            Instant.now());
    admin.administration().addFunds(org, "initial", Money.of("100", "USD"), Instant.now());
  }

  @Test
  void recordSentThreeTimes_isChargedExactlyOnce() {
    String body = aRecentCallRecord().org(org).usageId(org + "-u1").lasting(125).json();
    deployment.startEventSources("RateCallsFunction");

    for (int i = 0; i < 3; i++) {
      send(body);
    }
    deployment.awaitQuiescence(Duration.ofSeconds(30));

    assertThat(admin.balance(org)).isEqualTo(Money.of("99.934", "USD"));
    assertThat(admin.ledger().entries(org)).hasSize(2);
  }

  @Test
  void sameUsageIdWithDifferentContent_isRejectedAndKept_notChargedTwice() {
    var handler = deployment.newHandler("RateCallsFunction");
    handler.handleRequest(
        LambdaEvents.withBodies(
            aRecentCallRecord().org(org).usageId(org + "-u1").lasting(60).json()),
        new TestContext());

    var response =
        handler.handleRequest(
            LambdaEvents.withBodies(
                aRecentCallRecord().org(org).usageId(org + "-u1").lasting(900).json()),
            new TestContext());

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(admin.balance(org)).isEqualTo(Money.of("99.978", "USD"));
    assertThat(admin.rejected().list(org))
        .singleElement()
        .extracting(RejectedCallRecord::reason)
        .asString()
        .contains("different call record");
  }

  @Test
  void mixedBatch_rejectsOnlyTheBadRecord_withItsReason() {
    var handler = deployment.newHandler("RateCallsFunction");

    var response =
        handler.handleRequest(
            LambdaEvents.withBodies(
                aRecentCallRecord().org(org).usageId(org + "-a").json(),
                aRecentCallRecord()
                    .org(org)
                    .usageId(org + "-b")
                    .json()
                    .replace("+12125550123", "555-0123"),
                aRecentCallRecord().org(org).usageId(org + "-c").json()),
            new TestContext());

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(admin.ledger().entries(org)).hasSize(3);
    assertThat(admin.rejected().list(org))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.usageId()).isEqualTo(org + "-b");
              assertThat(r.reason()).contains("calleeNumber must be an E.164 number");
              assertThat(r.body()).contains("555-0123");
            });
  }

  @Test
  void concurrentDebitsFromTwoHandlerInstances_loseNoUpdate() throws Exception {
    TwoFunctionInstances.chargeAtOnce(deployment, org, 40, 60, 2);

    assertThat(admin.balance(org)).isEqualTo(Money.of("99.12", "USD"));
    assertThat(admin.balance(org)).isEqualTo(admin.ledgerSum(org));
  }

  @Test
  void balance_alwaysEqualsTheSumOfTheLedger() {
    var handler = deployment.newHandler("RateCallsFunction");

    handler.handleRequest(
        LambdaEvents.withBodies(
            aRecentCallRecord().org(org).usageId(org + "-1").lasting(3600).json(),
            aRecentCallRecord().org(org).usageId(org + "-2").to("+442079460123").lasting(61).json(),
            aRecentCallRecord().org(org).usageId(org + "-1").lasting(3600).json()),
        new TestContext());

    assertThat(admin.balance(org)).isEqualTo(Money.of("98.61", "USD"));
    assertThat(admin.balance(org)).isEqualTo(admin.ledgerSum(org));
  }

  @Test
  void usageReport_listsEveryChargedCall_withItsChargeAndCapability() {
    var handler = deployment.newHandler("RateCallsFunction");
    handler.handleRequest(
        LambdaEvents.withBodies(
            aRecentCallRecord().org(org).usageId(org + "-r1").lasting(125).json(),
            aRecentCallRecord()
                .org(org)
                .usageId(org + "-r2")
                .to("+442079460123")
                .lasting(61)
                .json()),
        new TestContext());

    StringBuilder csv = new StringBuilder();
    UsageReportCsv.write(
        admin.usage().startedBetween(org, Instant.EPOCH, Instant.now().plusSeconds(86_400)), csv);

    assertThat(csv.toString().split("\r\n"))
        .hasSize(3)
        .satisfies(lines -> assertThat(lines[0]).startsWith("UsageId,Call ID,Conference ID"))
        .satisfies(
            lines ->
                assertThat(lines[2])
                    .startsWith(org + "-r2,")
                    .contains(",International,GB,+442079460123,")
                    .endsWith(",0.07,USD,CommunicationsCredits"));
  }

  @Test
  void unknownOrg_isRejected_andKeptUnderThatOrg() {
    var handler = deployment.newHandler("RateCallsFunction");

    handler.handleRequest(
        LambdaEvents.withBodies(aRecentCallRecord().org("no-such-org").usageId(org + "-x").json()),
        new TestContext());

    assertThat(admin.rejected().list("no-such-org"))
        .extracting(RejectedCallRecord::usageId)
        .contains(org + "-x");
  }

  private void send(String body) {
    deployment
        .sqs()
        .sendMessage(
            SendMessageRequest.builder()
                .queueUrl(deployment.queueUrl("CallRecordsQueue"))
                .messageBody(body)
                .build());
  }
}
