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
import com.commcredits.adapters.lambda.PrimingContext;
import com.commcredits.adapters.lambda.PrimingFundingStore;
import com.commcredits.adapters.lambda.PrimingPaymentGateway;
import com.commcredits.adapters.lambda.SnapStartPriming;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.metrics.EmbeddedMetricFormat;
import com.commcredits.adapters.sqs.SqsBalanceChangedPublisher;
import com.commcredits.adapters.sqs.SqsNotificationPublisher;
import com.commcredits.adapters.sqs.SqsPriming;
import com.commcredits.adapters.sqs.SqsRechargeRequestPublisher;
import com.commcredits.domain.balance.BalanceChangedPublisher;
import com.commcredits.domain.funding.PurchaseCredit;
import com.commcredits.domain.funding.RechargeAutomatically;
import com.commcredits.domain.funding.RechargePolicy;
import com.commcredits.domain.funding.SettlePendingPurchases;
import com.commcredits.domain.payment.PaymentGateway;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds the auto-recharge function from its environment. */
final class AutoRechargeWiring {

  private static final String SAMPLE_RECHARGE_REQUEST =
      "{\"orgId\":\""
          + SnapStartPriming.PRIMING_ORG
          + "\",\"attemptId\":\"recharge-snapstart-priming-1\","
          + "\"notBefore\":\"2026-01-01T00:00:00Z\"}";

  private static final String SAMPLE_PURCHASE_SETTLEMENT =
      "{\"orgId\":\""
          + SnapStartPriming.PRIMING_ORG
          + "\",\"purchaseId\":\"p-snapstart-priming\","
          + "\"notBefore\":\"2026-01-01T00:00:00Z\",\"tries\":1}";

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
    var gateway =
        PaymentGateways.from(
            environment, dynamoDb, ledgerTable, () -> stripeSecretKey(environment));
    String balanceChangesQueue = environment.require("BALANCE_CHANGES_QUEUE_URL");
    String notificationsQueue = environment.require("NOTIFICATIONS_QUEUE_URL");
    BalanceChangedJson balanceChangedJson = new BalanceChangedJson(mapper);
    var balanceChanges =
        new SqsBalanceChangedPublisher(sqs, balanceChangesQueue, balanceChangedJson);
    var notifications =
        new SqsNotificationPublisher(sqs, notificationsQueue, new NotificationJson(mapper));
    RechargePolicy policy = RechargePolicies.from(environment);
    // The real path on samples (issue 10): the handler decodes a recharge request and a purchase
    // settlement of the priming org, whose attempt and purchase are the real reads (they find
    // nothing, so no card is asked about); the funding store, the publishers and the gateway are
    // stand-ins that change nothing, send only what the queues refuse and charge no card.
    PrimingFundingStore primingFunding =
        new PrimingFundingStore(funding, SnapStartPriming.primingAccount());
    PaymentGateway noCharges = new PrimingPaymentGateway();
    BalanceChangedPublisher noBalanceChanges =
        change ->
            SqsPriming.refusedSend(sqs, balanceChangesQueue, balanceChangedJson.write(change));
    var primingRecharges =
        SqsPriming.refusedRechargeRequests(sqs, rechargeRequests, new RechargeRequestJson(mapper));
    var primingNotifications =
        SqsPriming.refusedNotifications(sqs, notificationsQueue, new NotificationJson(mapper));
    RechargeRequestBatch primingBatch =
        new RechargeRequestBatch(
            new RechargeRequestJson(mapper),
            new RechargeAutomatically(
                primingFunding,
                noCharges,
                primingRecharges,
                noBalanceChanges,
                primingNotifications,
                policy),
            new SettlePendingPurchases(
                new PurchaseCredit(primingFunding, noCharges, noBalanceChanges, primingRecharges),
                primingNotifications),
            clock,
            SnapStartPriming.quietLog("auto-recharge"));
    SnapStartPriming.register(
        () -> {
          AutoRechargeHandler priming = new AutoRechargeHandler(primingBatch);
          SnapStartPriming.requireNoFailures(
              priming.handleRequest(
                  SnapStartPriming.sqsEvent(SAMPLE_RECHARGE_REQUEST),
                  new PrimingContext("auto-recharge")));
          SnapStartPriming.requireNoFailures(
              priming.handleRequest(
                  SnapStartPriming.sqsEvent(SAMPLE_PURCHASE_SETTLEMENT),
                  new PrimingContext("auto-recharge")));
          Priming.failedTransaction(dynamoDb, ledgerTable);
          SqsPriming.refusedSend(sqs, rechargeRequests);
          DynamoDbAccounts.primeItemMapping(SnapStartPriming.primingAccount());
        },
        log);
    return new RechargeRequestBatch(
        new RechargeRequestJson(mapper),
        new RechargeAutomatically(
            funding, gateway, recharges, balanceChanges, notifications, policy),
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
