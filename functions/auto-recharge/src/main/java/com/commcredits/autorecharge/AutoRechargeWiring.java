package com.commcredits.autorecharge;

import com.commcredits.adapters.aws.AwsClients;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.aws.PaymentGateways;
import com.commcredits.adapters.aws.Priming;
import com.commcredits.adapters.aws.RechargePolicies;
import com.commcredits.adapters.dynamodb.DynamoDbAccounts;
import com.commcredits.adapters.dynamodb.DynamoDbFundingStore;
import com.commcredits.adapters.json.BalanceChangedJson;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.json.NotificationJson;
import com.commcredits.adapters.json.RechargeRequestJson;
import com.commcredits.adapters.lambda.SnapStartPriming;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.metrics.EmbeddedMetricFormat;
import com.commcredits.adapters.sqs.SqsBalanceChangedPublisher;
import com.commcredits.adapters.sqs.SqsNotificationPublisher;
import com.commcredits.adapters.sqs.SqsPriming;
import com.commcredits.adapters.sqs.SqsRechargeRequestPublisher;
import com.commcredits.domain.funding.PurchaseCredit;
import com.commcredits.domain.funding.RechargeAutomatically;
import com.commcredits.domain.funding.SettlePendingPurchases;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds the auto-recharge function from its environment. */
final class AutoRechargeWiring {

  private AutoRechargeWiring() {}

  static RechargeRequestBatch rechargeRequestBatch(LambdaEnvironment environment) {
    AwsClients aws = new AwsClients(environment);
    DynamoDbClient dynamoDb = aws.client(DynamoDbClient.builder(), "DYNAMODB");
    SqsClient sqs = aws.client(SqsClient.builder(), "SQS");
    var mapper = Json.mapper();
    Clock clock = Clock.systemUTC();
    String ledgerTable = environment.ledgerTable();
    var recharges =
        new SqsRechargeRequestPublisher(
            sqs,
            environment.require("RECHARGE_REQUESTS_QUEUE_URL"),
            new RechargeRequestJson(mapper),
            clock);
    StructuredLog log =
        StructuredLog.forComponent("auto-recharge", environment.optional("LOG_LEVEL").orElse(null));
    DynamoDbFundingStore funding = new DynamoDbFundingStore(dynamoDb, ledgerTable);
    String rechargeRequests = environment.require("RECHARGE_REQUESTS_QUEUE_URL");
    SnapStartPriming.register(
        () -> {
          funding.snapshot(SnapStartPriming.PRIMING_ORG);
          Priming.failedTransaction(dynamoDb, ledgerTable);
          SqsPriming.refusedSend(sqs, rechargeRequests);
          DynamoDbAccounts.primeItemMapping(SnapStartPriming.primingAccount());
        },
        log);
    var gateway =
        PaymentGateways.from(
            environment, dynamoDb, ledgerTable, () -> stripeSecretKey(environment));
    var balanceChanges =
        new SqsBalanceChangedPublisher(
            sqs, environment.require("BALANCE_CHANGES_QUEUE_URL"), new BalanceChangedJson(mapper));
    var notifications =
        new SqsNotificationPublisher(
            sqs, environment.require("NOTIFICATIONS_QUEUE_URL"), new NotificationJson(mapper));
    return new RechargeRequestBatch(
        new RechargeRequestJson(mapper),
        new RechargeAutomatically(
            funding,
            gateway,
            recharges,
            balanceChanges,
            notifications,
            RechargePolicies.from(environment)),
        new SettlePendingPurchases(
            new PurchaseCredit(funding, gateway, balanceChanges, recharges), notifications),
        clock,
        log,
        EmbeddedMetricFormat.forFunction("auto-recharge"));
  }

  /** The key itself where an environment provides one (local runs), else the deployed secret. */
  private static String stripeSecretKey(LambdaEnvironment environment) {
    return environment
        .optional("STRIPE_SECRET_KEY")
        .orElseGet(
            () -> {
              try (SecretsManagerClient secrets =
                  new AwsClients(environment)
                      .client(SecretsManagerClient.builder(), "SECRETS_MANAGER")) {
                return secrets
                    .getSecretValue(r -> r.secretId(environment.require("STRIPE_SECRET_ARN")))
                    .secretString()
                    .strip();
              }
            });
  }
}
