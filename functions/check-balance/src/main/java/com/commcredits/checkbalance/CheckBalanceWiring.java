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
import com.commcredits.adapters.lambda.SnapStartPriming;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.metrics.EmbeddedMetricFormat;
import com.commcredits.adapters.sqs.SqsNotificationPublisher;
import com.commcredits.adapters.sqs.SqsPriming;
import com.commcredits.adapters.sqs.SqsRechargeRequestPublisher;
import com.commcredits.domain.funding.CheckBalance;
import com.commcredits.domain.ledger.ExpireFunds;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds the check-balance function from its environment. */
final class CheckBalanceWiring {

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
    String rechargeRequests = environment.require("RECHARGE_REQUESTS_QUEUE_URL");
    String notifications = environment.require("NOTIFICATIONS_QUEUE_URL");
    SnapStartPriming.register(
        () -> {
          new BalanceChangedJson(mapper)
              .read(
                  "{\"orgId\":\""
                      + SnapStartPriming.PRIMING_ORG
                      + "\",\"cause\":\"CALL_CHARGE\",\"at\":\"2026-01-01T00:00:00Z\"}");
          funding.snapshot(SnapStartPriming.PRIMING_ORG);
          SqsPriming.refusedSend(sqs, rechargeRequests);
          SqsPriming.refusedSend(sqs, notifications);
          DynamoDbAccounts.primeItemMapping(SnapStartPriming.primingAccount());
        },
        log);
    return new BalanceChangeBatch(
        new BalanceChangedJson(mapper),
        new CheckBalance(
            funding,
            new SqsRechargeRequestPublisher(
                sqs,
                environment.require("RECHARGE_REQUESTS_QUEUE_URL"),
                new RechargeRequestJson(mapper),
                clock),
            new SqsNotificationPublisher(
                sqs, environment.require("NOTIFICATIONS_QUEUE_URL"), new NotificationJson(mapper)),
            RechargePolicies.from(environment)),
        new ExpireFunds(new DynamoDbLedger(dynamoDb, environment.ledgerTable())),
        clock,
        log,
        EmbeddedMetricFormat.forFunction("check-balance"));
  }
}
