package com.commcredits.sweepaccounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.commcredits.adapters.aws.AwsClients;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.dynamodb.DynamoDbOrgDirectory;
import com.commcredits.adapters.json.BalanceChangedJson;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.lambda.SnapStartPriming;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.sqs.SqsBalanceChangedPublisher;
import com.commcredits.adapters.sqs.SqsPriming;
import com.commcredits.domain.account.OrgDirectory;
import com.commcredits.domain.balance.BalanceChangeCause;
import com.commcredits.domain.balance.BalanceChanged;
import com.commcredits.domain.balance.BalanceChangedPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Once a day (an EventBridge schedule), asks the balance check to look at every org, so that what
 * depends on time rather than on a balance change happens for quiet orgs too: purchased funds
 * expiring after 12 months and cards about to expire.
 */
public final class SweepAccountsHandler implements RequestHandler<Map<String, Object>, String> {

  /** The cause the balance check recognises as the daily sweep. */
  public static final BalanceChangeCause CAUSE = BalanceChangeCause.DAILY_SWEEP;

  private final OrgDirectory orgs;
  private final BalanceChangedPublisher balanceChanges;
  private final Clock clock;
  private final StructuredLog log;

  /** For Lambda: wires real clients once per execution environment. */
  public SweepAccountsHandler() {
    this(System.getenv());
  }

  /** For a local run: the environment Lambda would give the function. */
  public SweepAccountsHandler(Map<String, String> environment) {
    this(LambdaEnvironment.of(environment), new AwsClients(LambdaEnvironment.of(environment)));
  }

  private SweepAccountsHandler(LambdaEnvironment environment, AwsClients aws) {
    this(
        new DynamoDbOrgDirectory(
            aws.client(DynamoDbClient.builder(), "DYNAMODB"), environment.ledgerTable()),
        aws.client(SqsClient.builder(), "SQS"),
        environment.require("BALANCE_CHANGES_QUEUE_URL"),
        new BalanceChangedJson(Json.mapper()),
        StructuredLog.forComponent(
            "sweep-accounts", environment.optional("LOG_LEVEL").orElse(null)));
  }

  private SweepAccountsHandler(
      DynamoDbOrgDirectory orgs,
      SqsClient sqs,
      String balanceChangesQueue,
      BalanceChangedJson json,
      StructuredLog log) {
    this(
        orgs,
        new SqsBalanceChangedPublisher(sqs, balanceChangesQueue, json),
        Clock.systemUTC(),
        log);
    // The sweep's paths without its effects (issue 10): a one-item scan page (never the whole
    // table), a balance change encoded, a send the queue refuses.
    SnapStartPriming.register(
        () -> {
          orgs.readOneItem();
          json.write(new BalanceChanged(SnapStartPriming.PRIMING_ORG, CAUSE, Instant.EPOCH));
          SqsPriming.refusedSend(sqs, balanceChangesQueue);
        },
        log);
  }

  SweepAccountsHandler(
      OrgDirectory orgs, BalanceChangedPublisher balanceChanges, Clock clock, StructuredLog log) {
    this.orgs = orgs;
    this.balanceChanges = balanceChanges;
    this.clock = clock;
    this.log = log;
  }

  /** A fault ends the invocation with an error, and EventBridge's retry sweeps again: harmless. */
  @Override
  public String handleRequest(Map<String, Object> scheduledEvent, Context context) {
    int swept = 0;
    for (String orgId : orgs.orgIds()) {
      balanceChanges.publish(new BalanceChanged(orgId, CAUSE, clock.instant()));
      swept++;
    }
    log.info("accounts.swept", "orgs", Integer.toString(swept));
    return "swept " + swept + " orgs";
  }
}
