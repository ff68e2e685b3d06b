package com.commcredits.ratecalls;

import com.commcredits.adapters.aws.AwsClients;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.dynamodb.DynamoDbAccounts;
import com.commcredits.adapters.dynamodb.DynamoDbLedger;
import com.commcredits.adapters.dynamodb.DynamoDbRejectedCallRecords;
import com.commcredits.adapters.json.BalanceChangedJson;
import com.commcredits.adapters.json.CallRecordJson;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.adapters.sqs.SqsBalanceChangedPublisher;
import com.commcredits.domain.charging.ChargeCallRecords;
import com.commcredits.domain.rating.CallRater;
import com.commcredits.domain.rating.RateCardRater;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds the rate-calls function from its environment. */
final class RateCallsWiring {

  private RateCallsWiring() {}

  static CallRecordBatch callRecordBatch(LambdaEnvironment environment) {
    AwsClients aws = new AwsClients(environment);
    DynamoDbClient dynamoDb = aws.client(DynamoDbClient.builder(), "DYNAMODB");
    SqsClient sqs = aws.client(SqsClient.builder(), "SQS");
    ObjectMapper mapper = Json.mapper();
    String ledgerTable = environment.ledgerTable();
    return new CallRecordBatch(
        new CallRecordJson(mapper),
        new ChargeCallRecords(
            new DynamoDbAccounts(dynamoDb, ledgerTable),
            rateCards(environment),
            new DynamoDbLedger(dynamoDb, ledgerTable)),
        new DynamoDbRejectedCallRecords(dynamoDb, environment.require("REJECTED_RECORDS_TABLE")),
        new SqsBalanceChangedPublisher(
            sqs, environment.require("BALANCE_CHANGES_QUEUE_URL"), new BalanceChangedJson(mapper)),
        Clock.systemUTC(),
        StructuredLog.forComponent("rate-calls", environment.optional("LOG_LEVEL").orElse(null)));
  }

  /**
   * The operator's cards from {@code RATE_CARDS_DIR} (a layer), or else the packaged samples. An
   * invalid card fails the cold start with every problem by file and line.
   */
  static CallRater rateCards(LambdaEnvironment environment) {
    return new RateCardRater(
        environment
            .optional("RATE_CARDS_DIR")
            .filter(dir -> !dir.isBlank())
            .map(dir -> RateCardFiles.fromDirectory(Path.of(dir)))
            .orElseGet(RateCardFiles::packaged));
  }
}
