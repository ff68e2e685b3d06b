package com.commcredits.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.commcredits.adapters.aws.AwsClients;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.aws.PaymentGateways;
import com.commcredits.adapters.dynamodb.DynamoDbAccounts;
import com.commcredits.adapters.dynamodb.DynamoDbCallRestrictions;
import com.commcredits.adapters.dynamodb.DynamoDbFundingStore;
import com.commcredits.adapters.dynamodb.DynamoDbLedger;
import com.commcredits.adapters.dynamodb.DynamoDbOrgDirectory;
import com.commcredits.adapters.dynamodb.DynamoDbRejectedCallRecords;
import com.commcredits.adapters.dynamodb.DynamoDbRequestReplays;
import com.commcredits.adapters.dynamodb.DynamoDbSentNotifications;
import com.commcredits.adapters.dynamodb.DynamoDbUsageRecords;
import com.commcredits.adapters.json.BalanceChangedJson;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.json.RechargeRequestJson;
import com.commcredits.adapters.lambda.PrimingAccounts;
import com.commcredits.adapters.lambda.PrimingContext;
import com.commcredits.adapters.lambda.SnapStartPriming;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.adapters.sqs.SqsBalanceChangedPublisher;
import com.commcredits.adapters.sqs.SqsRechargeRequestPublisher;
import com.commcredits.domain.admin.AccountAdministration;
import com.commcredits.domain.admin.OperatorCredit;
import com.commcredits.domain.funding.PurchaseCredit;
import com.commcredits.domain.rating.RateCard;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds the Admin API from its environment. */
final class AdminApiWiring {

  private AdminApiWiring() {}

  static AdminApi adminApi(LambdaEnvironment environment) {
    AwsClients aws = new AwsClients(environment);
    DynamoDbClient dynamoDb = aws.client(DynamoDbClient.builder(), "DYNAMODB");
    SqsClient sqs = aws.client(SqsClient.builder(), "SQS");
    var mapper = Json.mapper();
    String ledgerTable = environment.ledgerTable();
    StructuredLog log =
        StructuredLog.forComponent("admin-api", environment.optional("LOG_LEVEL").orElse(null));
    DynamoDbAccounts accounts = new DynamoDbAccounts(dynamoDb, ledgerTable);
    DynamoDbLedger ledger = new DynamoDbLedger(dynamoDb, ledgerTable);
    DynamoDbFundingStore funding = new DynamoDbFundingStore(dynamoDb, ledgerTable);
    var balanceChanges =
        new SqsBalanceChangedPublisher(
            sqs, environment.require("BALANCE_CHANGES_QUEUE_URL"), new BalanceChangedJson(mapper));
    Set<java.util.Currency> priced =
        RateCardFiles.forEnvironment(environment).cards().stream()
            .map(RateCard::currency)
            .collect(Collectors.toSet());
    // one Secrets Manager read for both Stripe clients
    Supplier<String> stripeKey = memoized(() -> stripeSecretKey(environment));
    AdminRoutes.Services services =
        new AdminRoutes.Services(
            accounts,
            new AccountAdministration(accounts, ledger, balanceChanges),
            new OperatorCredit(ledger, balanceChanges),
            ledger,
            funding,
            new DynamoDbUsageRecords(dynamoDb, ledgerTable),
            new DynamoDbRejectedCallRecords(
                dynamoDb, environment.require("REJECTED_RECORDS_TABLE")),
            new DynamoDbSentNotifications(dynamoDb, ledgerTable),
            new DynamoDbCallRestrictions(dynamoDb, ledgerTable),
            new DynamoDbOrgDirectory(dynamoDb, ledgerTable),
            new PurchaseCredit(
                funding,
                PaymentGateways.from(environment, dynamoDb, ledgerTable, stripeKey),
                balanceChanges,
                // An unclear card answer is settled by the auto-recharge step, not by the admin.
                new SqsRechargeRequestPublisher(
                    sqs,
                    environment.require("RECHARGE_REQUESTS_QUEUE_URL"),
                    new RechargeRequestJson(mapper),
                    Clock.systemUTC())),
            PaymentGateways.cardSetup(environment, stripeKey),
            environment.require("PAYMENT_GATEWAY"),
            priced);
    Caller.ClaimNames claimNames =
        new Caller.ClaimNames(
            environment.optional("ORG_CLAIM").orElse(Caller.ClaimNames.COGNITO.orgClaim()),
            environment.optional("GROUPS_CLAIM").orElse(Caller.ClaimNames.COGNITO.groupsClaim()),
            environment
                .optional("OPERATORS_GROUP")
                .orElse(Caller.ClaimNames.COGNITO.operatorGroup()));
    AdminApi api =
        new AdminApi(
            new AdminRoutes(services, mapper).routes(),
            accounts,
            new DynamoDbRequestReplays(dynamoDb, ledgerTable),
            claimNames,
            mapper,
            Clock.systemUTC(),
            log);
    // The real path on a sample (issue 10): an org admin's GET of the priming org's account goes
    // through the handler, the claims and the router; with a stand-in account after the real
    // account read, the org's view is built from the real funding, ledger and pool reads (which
    // find nothing) and written; without it, the answer is a 404 problem. Nothing is written.
    AdminApi primingApi =
        new AdminApi(
            new AdminRoutes(services, mapper).routes(),
            new PrimingAccounts(accounts, SnapStartPriming.primingAccount()),
            new DynamoDbRequestReplays(dynamoDb, ledgerTable),
            claimNames,
            mapper,
            Clock.systemUTC(),
            SnapStartPriming.quietLog("admin-api"));
    SnapStartPriming.register(
        () -> {
          SnapStartPriming.requireStatus(
              new AdminApiHandler(primingApi)
                  .handleRequest(primingRequest(claimNames), new PrimingContext("admin-api")),
              200);
          SnapStartPriming.requireStatus(
              new AdminApiHandler(api)
                  .handleRequest(primingRequest(claimNames), new PrimingContext("admin-api")),
              404);
          DynamoDbAccounts.primeItemMapping(SnapStartPriming.primingAccount());
        },
        log);
    return api;
  }

  private static APIGatewayV2HTTPEvent primingRequest(Caller.ClaimNames claimNames) {
    String path = "/orgs/" + SnapStartPriming.PRIMING_ORG;
    return APIGatewayV2HTTPEvent.builder()
        .withRawPath(path)
        .withHeaders(Map.of("accept", "application/json"))
        .withIsBase64Encoded(false)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod("GET")
                        .withPath(path)
                        .build())
                .withAuthorizer(
                    APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(
                            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                .builder()
                                .withClaims(
                                    Map.of(
                                        "sub",
                                        "snapstart-priming",
                                        claimNames.orgClaim(),
                                        SnapStartPriming.PRIMING_ORG))
                                .build())
                        .build())
                .build())
        .build();
  }

  private static Supplier<String> memoized(Supplier<String> read) {
    String[] value = new String[1];
    return () -> value[0] == null ? (value[0] = read.get()) : value[0];
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
