package com.commcredits.authorizecall;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.commcredits.adapters.aws.AwsClients;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.aws.Priming;
import com.commcredits.adapters.dynamodb.DynamoDbAccounts;
import com.commcredits.adapters.dynamodb.DynamoDbCallHolds;
import com.commcredits.adapters.dynamodb.DynamoDbCallRestrictions;
import com.commcredits.adapters.dynamodb.DynamoDbLedger;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.lambda.PrimingAccounts;
import com.commcredits.adapters.lambda.PrimingCallHolds;
import com.commcredits.adapters.lambda.PrimingContext;
import com.commcredits.adapters.lambda.SnapStartPriming;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.metrics.EmbeddedMetricFormat;
import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.domain.authorize.AuthorizeCall;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.domain.rating.RateCards;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the authorize-call function from its environment. */
final class AuthorizeCallWiring {

  private static final String SAMPLE_REQUEST =
      "{\"orgId\":\""
          + SnapStartPriming.PRIMING_ORG
          + "\",\"callId\":\"priming\",\"userLocation\":\"US\",\"callType\":\"conf_out\","
          + "\"numberType\":\"toll\",\"callerNumber\":\"+12065550100\","
          + "\"calleeNumber\":\"+81312345678\",\"wantedMinutes\":60}";

  private AuthorizeCallWiring() {}

  static CallAuthorizations callAuthorizations(LambdaEnvironment environment) {
    DynamoDbClient dynamoDb =
        new AwsClients(environment).client(DynamoDbClient.builder(), "DYNAMODB");
    String ledgerTable = environment.ledgerTable();
    StructuredLog log =
        StructuredLog.forComponent(
            "authorize-call", environment.optional("LOG_LEVEL").orElse(null));
    DynamoDbAccounts accounts = new DynamoDbAccounts(dynamoDb, ledgerTable);
    RateCards cards = RateCardFiles.forEnvironment(environment);
    RateCardRater rater = new RateCardRater(cards);
    DynamoDbLedger ledger = new DynamoDbLedger(dynamoDb, ledgerTable);
    DynamoDbCallHolds holds = new DynamoDbCallHolds(dynamoDb, ledgerTable);
    DynamoDbCallRestrictions restrictions = new DynamoDbCallRestrictions(dynamoDb, ledgerTable);
    // The real path on a sample (issue 10): the handler reads a dial-out request of the priming
    // org, the account is the real read then a funded stand-in, the call is rated, the org's
    // restrictions and holds are the real reads, and the hold is the real transaction, which
    // DynamoDB cancels (no account item); the answer is written as for an authorized call.
    CallAuthorizations primingAuthorizations =
        new CallAuthorizations(
            Json.mapper(),
            new AuthorizeCall(
                new PrimingAccounts(
                    accounts, SnapStartPriming.primingAccount(Money.of("100", "USD"))),
                rater,
                ledger,
                new PrimingCallHolds(holds),
                restrictions,
                cards.zoneA()),
            Clock.systemUTC(),
            SnapStartPriming.quietLog("authorize-call"));
    SnapStartPriming.register(
        () -> {
          APIGatewayV2HTTPResponse answer =
              new AuthorizeCallHandler(primingAuthorizations)
                  .handleRequest(
                      APIGatewayV2HTTPEvent.builder()
                          .withBody(SAMPLE_REQUEST)
                          .withIsBase64Encoded(false)
                          .withHeaders(Map.of("content-type", "application/json"))
                          .build(),
                      new PrimingContext("authorize-call"));
          SnapStartPriming.requireStatus(answer, 200);
          Priming.failedTransaction(dynamoDb, ledgerTable);
          Priming.passingTransaction(dynamoDb, ledgerTable);
          DynamoDbAccounts.primeItemMapping(SnapStartPriming.primingAccount());
        },
        log);
    return new CallAuthorizations(
        Json.mapper(),
        new AuthorizeCall(accounts, rater, ledger, holds, restrictions, cards.zoneA()),
        Clock.systemUTC(),
        log,
        EmbeddedMetricFormat.forFunction("authorize-call"));
  }
}
