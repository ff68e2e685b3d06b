package com.commcredits.checkbalance;

import com.commcredits.adapters.aws.AwsClients;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.aws.RechargePolicies;
import com.commcredits.adapters.dynamodb.DynamoDbAccounts;
import com.commcredits.adapters.dynamodb.DynamoDbFundingStore;
import com.commcredits.adapters.dynamodb.DynamoDbLedger;
import com.commcredits.adapters.json.BalanceChangedJson;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.json.NotificationJson;
import com.commcredits.adapters.json.RechargeRequestJson;
import com.commcredits.adapters.lambda.PrimingContext;
import com.commcredits.adapters.lambda.PrimingFundingStore;
import com.commcredits.adapters.lambda.SnapStartPriming;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.metrics.EmbeddedMetricFormat;
import com.commcredits.adapters.sqs.SqsNotificationPublisher;
import com.commcredits.adapters.sqs.SqsPriming;
import com.commcredits.adapters.sqs.SqsRechargeRequestPublisher;
import com.commcredits.domain.funding.CheckBalance;
import com.commcredits.domain.funding.RechargePolicy;
import com.commcredits.domain.ledger.ExpireFunds;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds the check-balance function from its environment. */
final class CheckBalanceWiring {

  private static final String SAMPLE_BALANCE_CHANGE =
      "{\"orgId\":\""
          + SnapStartPriming.PRIMING_ORG
          + "\",\"cause\":\"CALL_CHARGE\",\"at\":\"2026-01-01T00:00:00Z\"}";

  private CheckBalanceWiring() {}

  static BalanceChangeBatch balanceChangeBatch(LambdaEnvironment environment) {
    AwsClients aws = new AwsClients(environment);
    DynamoDbClient dynamoDb = aws.client(DynamoDbClient.builder(), "DYNAMODB");
    SqsClient sqs = aws.client(SqsClient.builder(), "SQS");
    var mapper = Json.mapper();
    Clock clock = Clock.systemUTC();
    StructuredLog log =
        StructuredLog.forComponent("check-balance", environment.optional("LOG_LEVEL").orElse(null));
    DynamoDbFundingStore funding = new DynamoDbFundingStore(dynamoDb, environment.ledgerTable());
    DynamoDbLedger ledger = new DynamoDbLedger(dynamoDb, environment.ledgerTable());
    String rechargeRequests = environment.require("RECHARGE_REQUESTS_QUEUE_URL");
    String notifications = environment.require("NOTIFICATIONS_QUEUE_URL");
    RechargePolicy policy = RechargePolicies.from(environment);
    // The real path on a sample (issue 10): the handler decodes a balance change of the priming
    // org, the real snapshot read finds nothing, a stand-in account at zero goes through the
    // checks, its zero-balance notification is written and sent so that the queue refuses it, and
    // the suspension is a conditional update that DynamoDB refuses (no account item).
    BalanceChangeBatch primingBatch =
        new BalanceChangeBatch(
            new BalanceChangedJson(mapper),
            new CheckBalance(
                new PrimingFundingStore(funding, SnapStartPriming.primingAccount()),
                SqsPriming.refusedRechargeRequests(
                    sqs, rechargeRequests, new RechargeRequestJson(mapper)),
                SqsPriming.refusedNotifications(sqs, notifications, new NotificationJson(mapper)),
                policy),
            new ExpireFunds(ledger),
            clock,
            SnapStartPriming.quietLog("check-balance"));
    SnapStartPriming.register(
        () -> {
          SnapStartPriming.requireNoFailures(
              new CheckBalanceHandler(primingBatch)
                  .handleRequest(
                      SnapStartPriming.sqsEvent(SAMPLE_BALANCE_CHANGE),
                      new PrimingContext("check-balance")));
          SqsPriming.refusedSend(sqs, rechargeRequests);
          DynamoDbAccounts.primeItemMapping(SnapStartPriming.primingAccount());
        },
        log);
    return new BalanceChangeBatch(
        new BalanceChangedJson(mapper),
        new CheckBalance(
            funding,
            new SqsRechargeRequestPublisher(
                sqs, rechargeRequests, new RechargeRequestJson(mapper), clock),
            new SqsNotificationPublisher(sqs, notifications, new NotificationJson(mapper)),
            policy),
        new ExpireFunds(ledger),
        clock,
        log,
        EmbeddedMetricFormat.forFunction("check-balance"));
  }
}
