package com.commcredits.ratecalls;

import com.commcredits.adapters.aws.AwsClients;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.dynamodb.DynamoDbAccounts;
import com.commcredits.adapters.dynamodb.DynamoDbLedger;
import com.commcredits.adapters.dynamodb.DynamoDbRejectedCallRecords;
import com.commcredits.adapters.json.BalanceChangedJson;
import com.commcredits.adapters.json.CallRecordJson;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.lambda.SnapStartPriming;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.adapters.sqs.SqsBalanceChangedPublisher;
import com.commcredits.domain.charging.ChargeCallRecords;
import com.commcredits.domain.rating.CallRater;
import com.commcredits.domain.rating.RateCardRater;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds the rate-calls function from its environment. */
final class RateCallsWiring {

  private RateCallsWiring() {}

  private static final String SAMPLE_CALL_RECORD =
      "{\"usageId\":\"priming\",\"orgId\":\"snapstart-priming\",\"callId\":\"priming\","
          + "\"userPrincipalName\":\"priming\",\"userLocation\":\"US\",\"callType\":\"conf_out\","
          + "\"numberType\":\"toll\",\"callerNumber\":\"+12065550100\","
          + "\"calleeNumber\":\"+12125550123\",\"startTime\":\"2026-01-01T00:00:00Z\","
          + "\"endTime\":\"2026-01-01T00:01:00Z\",\"durationSeconds\":60}";

  static CallRecordBatch callRecordBatch(LambdaEnvironment environment) {
    AwsClients aws = new AwsClients(environment);
    DynamoDbClient dynamoDb = aws.client(DynamoDbClient.builder(), "DYNAMODB");
    SqsClient sqs = aws.client(SqsClient.builder(), "SQS");
    ObjectMapper mapper = Json.mapper();
    String ledgerTable = environment.ledgerTable();
    StructuredLog log =
        StructuredLog.forComponent("rate-calls", environment.optional("LOG_LEVEL").orElse(null));
    CallRecordJson json = new CallRecordJson(mapper);
    DynamoDbAccounts accounts = new DynamoDbAccounts(dynamoDb, ledgerTable);
    SnapStartPriming.register(
        () -> {
          accounts.find(SnapStartPriming.PRIMING_ORG);
          json.parse(SAMPLE_CALL_RECORD);
        },
        log);
    return new CallRecordBatch(
        json,
        new ChargeCallRecords(
            accounts, rateCards(environment), new DynamoDbLedger(dynamoDb, ledgerTable)),
        new DynamoDbRejectedCallRecords(dynamoDb, environment.require("REJECTED_RECORDS_TABLE")),
        new SqsBalanceChangedPublisher(
            sqs, environment.require("BALANCE_CHANGES_QUEUE_URL"), new BalanceChangedJson(mapper)),
        Clock.systemUTC(),
        log);
  }

  /**
   * The operator's cards from {@code RATE_CARDS_DIR} (a layer), or else the packaged samples. An
   * invalid card fails the cold start with every problem by file and line.
   */
  static CallRater rateCards(LambdaEnvironment environment) {
    return new RateCardRater(RateCardFiles.forEnvironment(environment));
  }
}
