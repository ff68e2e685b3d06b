package com.commcredits.local.it;

import static com.commcredits.testing.TestCallRecords.aRecentCallRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.account.Language;
import com.commcredits.domain.money.Money;
import com.commcredits.local.LocalAdmin;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.testing.LambdaEvents;
import com.commcredits.testing.TestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Figures of the debit path per call record, counted by {@link SdkTraffic} through the real handler
 * (batches of 1,000, the template's BatchSize) for 30 orgs and for one hot org, and the pipeline's
 * rate against DynamoDB Local's raw rate of one-record debit transactions. Prints them; asserts
 * only the targets that do not depend on the machine's load.
 */
@ExtendWith(LocalDeploymentExtension.class)
class DebitPathFiguresIT {

  private static final int BATCH = 1000;
  private static final int BATCHES = 4;

  /** On-demand prices (us-east-1): per million write / read request units, SQS requests. */
  private static final double WRU_PRICE = 0.625;

  private static final double RRU_PRICE = 0.125;
  private static final double SQS_PRICE = 0.40;

  private final LocalDeployment deployment;
  private final LocalAdmin admin;

  DebitPathFiguresIT(LocalDeployment deployment) {
    this.deployment = deployment;
    this.admin = new LocalAdmin(deployment);
  }

  @Test
  void debitPath_costsAndRates_forThirtyOrgsAndOneHotOrg() {
    double raw = rawDebitTransactionsPerSecond();
    Figures thirty = run(30);
    Figures one = run(1);
    System.out.printf(
        "[cost] raw one-record debit transactions on DynamoDB Local: %.0f/s%n"
            + "[cost] %-8s %8s %10s %10s %10s %12s %12s%n",
        raw, "orgs", "CDR/s", "÷ raw", "WRU/CDR", "RRU/CDR", "SQS msg/CDR", "$ DDB+SQS/1M");
    for (Figures f : List.of(thirty, one)) {
      System.out.printf(
          "[cost] %-8d %8.0f %10.2f %10.2f %12.2f %10.3f %12.2f%n",
          f.orgs,
          f.recordsPerSecond,
          f.recordsPerSecond / raw,
          f.wruPerRecord,
          f.rruPerRecord,
          f.balanceMessagesPerRecord,
          f.wruPerRecord * WRU_PRICE
              + f.rruPerRecord * RRU_PRICE
              + f.balanceMessagesPerRecord * SQS_PRICE);
    }
    assertThat(thirty.balanceMessagesPerRecord).isZero();
    // an entry (2 units, its own claim) and a share of one balance update per org per batch
    assertThat(thirty.wruPerRecord).isLessThan(2.2);
    assertThat(one.wruPerRecord).isLessThan(2.1);
  }

  private record Figures(
      int orgs,
      double recordsPerSecond,
      double wruPerRecord,
      double rruPerRecord,
      double balanceMessagesPerRecord) {}

  private Figures run(int orgCount) {
    List<String> orgs = new ArrayList<>();
    for (int i = 0; i < orgCount; i++) {
      String org = "fig-" + UUID.randomUUID().toString().substring(0, 8);
      Instant now = Instant.now();
      admin
          .administration()
          .openAccount(
              org,
              "Figures " + org,
              Currency.getInstance("USD"),
              Language.EN,
              List.of("admin@" + org + ".example"),
              50,
              now);
      admin
          .administration()
          .setAutoRecharge(org, false, Money.of("50", "USD"), Money.of("20", "USD"), null, now);
      admin.administration().addFunds(org, "initial", Money.of("100000", "USD"), now);
      orgs.add(org);
    }
    var handler = deployment.newHandler("RateCallsFunction");
    Random random = new Random(42);
    List<String[]> batches = new ArrayList<>();
    for (int b = 0; b < BATCHES; b++) {
      String[] bodies = new String[BATCH];
      for (int i = 0; i < BATCH; i++) {
        String org = orgs.get(random.nextInt(orgs.size()));
        bodies[i] =
            aRecentCallRecord().org(org).usageId(org + "-" + b + "-" + i).lasting(125).json();
      }
      batches.add(bodies);
    }
    // One warm-up batch, as a warm Lambda instance would have run.
    handler.handleRequest(LambdaEvents.withBodies(batches.get(0)), new TestContext());
    SdkTraffic.reset();
    long start = System.nanoTime();
    for (int b = 1; b < BATCHES; b++) {
      var response =
          handler.handleRequest(LambdaEvents.withBodies(batches.get(b)), new TestContext());
      assertThat(response.getBatchItemFailures()).isEmpty();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double records = (BATCHES - 1) * BATCH;
    String queue = deployment.queueUrl("BalanceChangesQueue");
    long messages = SdkTraffic.messagesTo(queue.substring(queue.lastIndexOf('/') + 1));
    // Reads: strongly consistent GetItem of an account item under 4 KB is one unit.
    long reads = SdkTraffic.count("GetItem") + SdkTraffic.count("Query");
    return new Figures(
        orgCount,
        records / seconds,
        SdkTraffic.writeUnits() / records,
        reads / records,
        messages / records);
  }

  /**
   * Today's shape of a debit, alone: put an entry if absent, add to the balance. Under keys no
   * account scan sees (the daily sweep lists every {@code ACCOUNT} item of the shared table).
   */
  private double rawDebitTransactionsPerSecond() {
    String table = deployment.tableName("LedgerTable");
    String pk = "RAW#" + UUID.randomUUID();
    int n = 300;
    for (int warm = 0; warm < 2; warm++) {
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        deployment
            .dynamoDb()
            .transactWriteItems(
                TransactWriteItemsRequest.builder()
                    .transactItems(
                        TransactWriteItem.builder()
                            .put(
                                Put.builder()
                                    .tableName(table)
                                    .item(
                                        Map.of(
                                            "pk", AttributeValue.fromS(pk),
                                            "sk", AttributeValue.fromS("E#" + warm + "#" + i),
                                            "amountMicros", AttributeValue.fromN("-1")))
                                    .conditionExpression("attribute_not_exists(pk)")
                                    .build())
                            .build(),
                        TransactWriteItem.builder()
                            .update(
                                Update.builder()
                                    .tableName(table)
                                    .key(
                                        Map.of(
                                            "pk", AttributeValue.fromS(pk),
                                            "sk", AttributeValue.fromS("RAW-BALANCE")))
                                    .updateExpression("ADD balanceMicros :a")
                                    .expressionAttributeValues(
                                        Map.of(":a", AttributeValue.fromN("-1")))
                                    .build())
                            .build())
                    .build());
      }
      if (warm == 1) {
        return n / ((System.nanoTime() - start) / 1e9);
      }
    }
    throw new AssertionError("unreachable");
  }
}
