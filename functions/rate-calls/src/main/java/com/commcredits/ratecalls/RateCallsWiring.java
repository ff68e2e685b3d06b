package com.commcredits.ratecalls;

import com.commcredits.adapters.aws.AwsClients;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.aws.Priming;
import com.commcredits.adapters.dynamodb.DynamoDbAccounts;
import com.commcredits.adapters.dynamodb.DynamoDbLedger;
import com.commcredits.adapters.dynamodb.DynamoDbRejectedCallRecords;
import com.commcredits.adapters.json.BalanceChangedJson;
import com.commcredits.adapters.json.CallRecordJson;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.lambda.SnapStartPriming;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.metrics.EmbeddedMetricFormat;
import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.adapters.sqs.SqsBalanceChangedPublisher;
import com.commcredits.adapters.sqs.SqsPriming;
import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.charging.ChargeCallRecords;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.licences.PoolUsage;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.CallRater;
import com.commcredits.domain.rating.RateCardRater;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
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
    CallRater rater = rateCards(environment);
    String balanceChangesQueue = environment.require("BALANCE_CHANGES_QUEUE_URL");
    // The real paths, refused or on a sample (issue 10): a read, a debit-shaped transaction that
    // fails its condition, a send the queue refuses, decoding and rating a record.
    SnapStartPriming.register(
        () -> {
          accounts.find(SnapStartPriming.PRIMING_ORG);
          Priming.failedTransaction(dynamoDb, ledgerTable);
          SqsPriming.refusedSend(sqs, balanceChangesQueue);
          CallRecord sample = json.parse(SAMPLE_CALL_RECORD);
          rater.rate(
              sample,
              primingAccount(),
              PoolUsage.none(SnapStartPriming.PRIMING_ORG, RateCardRater.monthOf(sample)));
        },
        log);
    return new CallRecordBatch(
        json,
        new ChargeCallRecords(accounts, rater, new DynamoDbLedger(dynamoDb, ledgerTable)),
        new DynamoDbRejectedCallRecords(dynamoDb, environment.require("REJECTED_RECORDS_TABLE")),
        new SqsBalanceChangedPublisher(sqs, balanceChangesQueue, new BalanceChangedJson(mapper)),
        Clock.systemUTC(),
        log,
        EmbeddedMetricFormat.forFunction("rate-calls"));
  }

  /** An account no org has, in USD with nothing licensed: what priming rates against. */
  private static OrgAccount primingAccount() {
    Currency usd = Currency.getInstance("USD");
    return new OrgAccount(
        SnapStartPriming.PRIMING_ORG,
        "priming",
        usd,
        Money.zero(usd),
        ServiceState.ACTIVE,
        Language.EN,
        List.of(),
        0,
        AutoRecharge.off(Money.zero(usd), Money.zero(usd)),
        Instant.EPOCH,
        OrgLicences.NONE);
  }

  /**
   * The operator's cards from {@code RATE_CARDS_DIR} (a layer), or else the packaged samples. An
   * invalid card fails the cold start with every problem by file and line.
   */
  static CallRater rateCards(LambdaEnvironment environment) {
    return new RateCardRater(RateCardFiles.forEnvironment(environment));
  }
}
