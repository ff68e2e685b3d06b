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
import com.commcredits.adapters.sqs.SqsBalanceChangedPublisher;
import com.commcredits.domain.charging.ChargeCallRecords;
import com.commcredits.domain.rating.CallRater;
import com.commcredits.domain.rating.PerMinuteRateCard;
import com.commcredits.domain.rating.RateCardsByCurrency;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Currency;
import java.util.Map;
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
            sampleRateCards(),
            new DynamoDbLedger(dynamoDb, ledgerTable)),
        new DynamoDbRejectedCallRecords(dynamoDb, environment.require("REJECTED_RECORDS_TABLE")),
        new SqsBalanceChangedPublisher(
            sqs, environment.require("BALANCE_CHANGES_QUEUE_URL"), new BalanceChangedJson(mapper)),
        Clock.systemUTC(),
        StructuredLog.forComponent("rate-calls", environment.optional("LOG_LEVEL").orElse(null)));
  }

  static CallRater sampleRateCards() {
    return new RateCardsByCurrency(
        Map.of(
            Currency.getInstance("USD"), card("USD"),
            Currency.getInstance("EUR"), card("EUR")));
  }

  private static CallRater card(String currency) {
    String resource = "/rate-cards/" + currency + ".csv";
    try (InputStream in = RateCallsWiring.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("rate card " + resource + " is not packaged");
      }
      return PerMinuteRateCard.parse(
          "sample-" + currency.toLowerCase(java.util.Locale.ROOT) + "@1",
          Currency.getInstance(currency),
          new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
