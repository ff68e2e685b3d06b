package com.commcredits.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.adapters.aws.Priming;
import com.commcredits.adapters.lambda.SnapStartPriming;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.admin.AccountAdministration;
import com.commcredits.domain.money.Money;
import com.commcredits.local.LocalAdmin;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.SentEmail;
import com.commcredits.local.junit.LocalDeploymentExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Every function's SnapStart priming (what {@code beforeCheckpoint} runs) on the emulators: it runs
 * each handler's real path — decoding, reads, a transaction DynamoDB cancels, sends the queue and
 * SES refuse — and changes no data: the tables, the queues and the SES store are as they were, and
 * no priming failed.
 */
@ExtendWith(LocalDeploymentExtension.class)
class SnapStartPrimingIT {

  private static final List<String> FUNCTIONS =
      List.of(
          "RateCallsFunction",
          "CheckBalanceFunction",
          "AutoRechargeFunction",
          "SendEmailFunction",
          "AuthorizeCallFunction",
          "SweepAccountsFunction",
          "AdminApiFunction");

  private static final List<String> QUEUES =
      List.of(
          "CallRecordsQueue",
          "CallRecordsDeadLetterQueue",
          "BalanceChangesQueue",
          "BalanceChangesDeadLetterQueue",
          "RechargeRequestsQueue",
          "RechargeRequestsDeadLetterQueue",
          "NotificationsQueue",
          "NotificationsDeadLetterQueue",
          "SweepFailuresQueue");

  private static final List<String> TABLES = List.of("LedgerTable", "RejectedCallRecordsTable");

  private static LocalDeployment deployment;
  private static List<String> runningBefore;

  @BeforeAll
  static void quiet(LocalDeployment shared) {
    deployment = shared;
    // No other test's pollers may change the data while priming is watched.
    runningBefore = deployment.runningEventSources();
    deployment.stopEventSources();
  }

  @AfterAll
  static void resume() {
    // The deployment is shared by the suite: later classes find the pollers as earlier ones left
    // them.
    deployment.startEventSources(runningBefore.toArray(String[]::new));
  }

  @Test
  void primingOfEveryFunction_runsTheRealPaths_andChangesNothing() {
    // given an org with an account, funds and an entry, so the tables are not empty
    String org = AdminApiOnTheStack.newOrgId();
    AccountAdministration administration = new LocalAdmin(deployment).administration();
    Instant now = Instant.now();
    administration.openAccount(
        org,
        "Priming neighbour",
        Currency.getInstance("USD"),
        Language.EN,
        List.of("admin@" + org + ".example"),
        10,
        now);
    administration.addFunds(org, "deposit-1", Money.of("25", "USD"), now);
    Map<String, List<Map<String, AttributeValue>>> tablesBefore = tables();
    Map<String, Integer> queuesBefore = queueDepths();
    List<SentEmail> emailsBefore = deployment.sentEmails();
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int failed;
    SdkTraffic.reset();
    try {
      // the functions' logs go to the stream they find at construction
      System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
      FUNCTIONS.forEach(deployment::newFunction);
      // when
      failed = SnapStartPriming.primeAll();
    } finally {
      System.setOut(stdout);
    }

    // then every path ran against the emulators
    String output = logs.toString(StandardCharsets.UTF_8);
    assertThat(failed).as(output).isZero();
    assertThat(output).doesNotContain("snapstart.priming_failed");
    assertThat(SdkTraffic.count("TransactWriteItems")).as("cancelled transactions").isPositive();
    assertThat(SdkTraffic.count("SendMessage")).as("refused sends").isPositive();
    assertThat(SdkTraffic.count("SendEmail")).as("rejected emails").isPositive();
    assertThat(SdkTraffic.count("GetItem") + SdkTraffic.count("Query")).isPositive();
    // and nothing changed
    assertThat(tables()).isEqualTo(tablesBefore);
    assertThat(queueDepths()).isEqualTo(queuesBefore);
    assertThat(deployment.sentEmails()).isEqualTo(emailsBefore);
    assertThat(output).doesNotContain(SnapStartPriming.PRIMING_ORG);
  }

  @Test
  void aTransactionOfOneHoldingConditionCheck_isCommitted_andWritesNothing() {
    Map<String, List<Map<String, AttributeValue>>> before = tables();

    boolean committed =
        Priming.passingTransaction(deployment.dynamoDb(), deployment.tableName("LedgerTable"));

    assertThat(committed).isTrue();
    assertThat(tables()).isEqualTo(before);
  }

  private static Map<String, List<Map<String, AttributeValue>>> tables() {
    Map<String, List<Map<String, AttributeValue>>> tables = new LinkedHashMap<>();
    for (String table : TABLES) {
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      Map<String, AttributeValue> start = null;
      do {
        ScanResponse page =
            deployment
                .dynamoDb()
                .scan(
                    ScanRequest.builder()
                        .tableName(deployment.tableName(table))
                        .consistentRead(true)
                        .exclusiveStartKey(start)
                        .build());
        items.addAll(page.items());
        start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      } while (start != null);
      items.sort(Comparator.comparing(Object::toString));
      tables.put(table, items);
    }
    return tables;
  }

  private static Map<String, Integer> queueDepths() {
    Map<String, Integer> depths = new LinkedHashMap<>();
    QUEUES.forEach(queue -> depths.put(queue, deployment.approximateDepth(queue)));
    return depths;
  }
}
