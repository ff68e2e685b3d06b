package com.commcredits.authorizecall;

import com.commcredits.adapters.aws.AwsClients;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.aws.Priming;
import com.commcredits.adapters.dynamodb.DynamoDbAccounts;
import com.commcredits.adapters.dynamodb.DynamoDbCallHolds;
import com.commcredits.adapters.dynamodb.DynamoDbCallRestrictions;
import com.commcredits.adapters.dynamodb.DynamoDbLedger;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.lambda.SnapStartPriming;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.metrics.EmbeddedMetricFormat;
import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.domain.authorize.AuthorizeCall;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.domain.rating.RateCards;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the authorize-call function from its environment. */
final class AuthorizeCallWiring {

  private AuthorizeCallWiring() {}

  static CallAuthorizations callAuthorizations(LambdaEnvironment environment) {
    DynamoDbClient dynamoDb =
        new AwsClients(environment).client(DynamoDbClient.builder(), "DYNAMODB");
    String ledgerTable = environment.ledgerTable();
    StructuredLog log =
        StructuredLog.forComponent(
            "authorize-call", environment.optional("LOG_LEVEL").orElse(null));
    DynamoDbAccounts accounts = new DynamoDbAccounts(dynamoDb, ledgerTable);
    SnapStartPriming.register(
        () -> {
          accounts.find(SnapStartPriming.PRIMING_ORG);
          Priming.failedTransaction(dynamoDb, ledgerTable);
          DynamoDbAccounts.primeItemMapping(SnapStartPriming.primingAccount());
        },
        log);
    RateCards cards = RateCardFiles.forEnvironment(environment);
    return new CallAuthorizations(
        Json.mapper(),
        new AuthorizeCall(
            accounts,
            new RateCardRater(cards),
            new DynamoDbLedger(dynamoDb, ledgerTable),
            new DynamoDbCallHolds(dynamoDb, ledgerTable),
            new DynamoDbCallRestrictions(dynamoDb, ledgerTable),
            cards.zoneA()),
        Clock.systemUTC(),
        log,
        EmbeddedMetricFormat.forFunction("authorize-call"));
  }
}
