package com.commcredits.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.commcredits.adapters.dynamodb.DynamoDbFundingStore;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.PauseReason;
import com.commcredits.domain.funding.RechargeAttempt;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.testing.TestContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Issue 9 defect 9 through the deployed auto-recharge function on DynamoDB Local and ElasticMQ,
 * charging with the real Stripe gateway against a stand-in that answers every request with a 500:
 * Stripe's indeterminate answer, which must never become a new try under a new key.
 */
class UnknownOutcomesIT {

  private static final int LIMIT = 3;

  @RegisterExtension
  static final LocalDeploymentExtension STACK =
      LocalDeploymentExtension.withOptions(
          LocalDeployment.Options.defaults().withStackName("unknown-outcomes"));

  private final LocalDeployment deployment;
  private final List<String> stripeRequests = new CopyOnWriteArrayList<>();
  private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
  private HttpServer stripe;

  UnknownOutcomesIT(LocalDeployment deployment) {
    this.deployment = deployment;
  }

  @BeforeEach
  void start() throws IOException {
    deployment.purgeQueues();
    stripe = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stripe.createContext(
        "/",
        exchange -> {
          stripeRequests.add(
              exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
          if (key != null) {
            idempotencyKeys.add(key);
          }
          exchange.getRequestBody().readAllBytes();
          byte[] body =
              "{\"error\":{\"type\":\"api_error\",\"message\":\"An unknown error occurred\"}}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(500, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    stripe.start();
    // every function but auto-recharge, which the test drives message by message
    deployment.startEventSources("RateCallsFunction", "CheckBalanceFunction", "SendEmailFunction");
  }

  @AfterEach
  void stop() {
    stripe.stop(0);
    // the paused try's next look, an hour out, must not keep the queues busy
    deployment.purgeQueues();
  }

  @Test
  void unknownOutcomes_pauseAutoRecharge_afterTheLimit_guardsIssue9Defect9() {
    // given: an org below its trigger whose Stripe card answers nothing clear, ever
    var org = OrgOnTheStack.open(deployment, "USD", Language.EN, "cus_unknown:pm_ok", "10");
    String attemptId = RechargeAttempt.attemptId(org.orgId, 1);
    assertThat(funding().attempt(org.orgId, attemptId)).isPresent();
    var environment = new HashMap<>(deployment.functionEnvironment("AutoRechargeFunction"));
    environment.put("PAYMENT_GATEWAY", "stripe");
    environment.put("STRIPE_SECRET_KEY", "sk_test_unknown_outcomes");
    environment.put("STRIPE_API_BASE_URL", "http://127.0.0.1:" + stripe.getAddress().getPort());
    environment.put("RECHARGE_UNKNOWN_OUTCOME_LIMIT", Integer.toString(LIMIT));
    // the next look is due at once, so the test need not wait 30 s a round
    environment.put("RECHARGE_PROCESSING_ERROR_BACKOFF", "PT0S");
    var autoRecharge = newAutoRecharge(environment);

    // when: the function takes the recharge queue's messages until recharging pauses
    int rounds = 0;
    while (org.account().autoRecharge().pausedReason() == null && rounds < LIMIT + 5) {
      List<Message> messages = receiveRechargeRequests();
      assertThat(messages).as("a recharge request after round " + rounds).isNotEmpty();
      var response = autoRecharge.handleRequest(asEvent(messages), new TestContext());
      assertThat(response.getBatchItemFailures()).isEmpty();
      for (Message message : messages) {
        deployment
            .sqs()
            .deleteMessage(
                r ->
                    r.queueUrl(deployment.queueUrl("RechargeRequestsQueue"))
                        .receiptHandle(message.receiptHandle()));
      }
      rounds++;
    }

    // then: paused after exactly the limit, the try open under its one key, never cancelled
    assertThat(org.account().autoRecharge().pausedReason()).isEqualTo(PauseReason.UNKNOWN_OUTCOMES);
    assertThat(rounds).isEqualTo(LIMIT);
    RechargeAttempt attempt = funding().attempt(org.orgId, attemptId).orElseThrow();
    assertThat(attempt.status()).isEqualTo(RechargeAttempt.Status.CHARGING);
    assertThat(attempt.tries()).isEqualTo(1);
    assertThat(attempt.unknownOutcomes()).isEqualTo(LIMIT);
    assertThat(funding().snapshot(org.orgId).orElseThrow().funding().rechargeInFlight())
        .isEqualTo(attemptId);
    assertThat(idempotencyKeys).isNotEmpty();
    assertThat(idempotencyKeys.stream().distinct()).hasSize(1);
    // the later rounds only asked about the try (a lookup), they never charged again
    assertThat(stripeRequests).anyMatch(r -> r.startsWith("GET"));
    assertThat(org.rechargeCredits()).isZero();
    assertThat(org.balance()).isEqualTo(org.money("10"));
  }

  @SuppressWarnings("unchecked")
  private com.amazonaws.services.lambda.runtime.RequestHandler<
          SQSEvent, com.amazonaws.services.lambda.runtime.events.SQSBatchResponse>
      newAutoRecharge(Map<String, String> environment) {
    try {
      return (com.amazonaws.services.lambda.runtime.RequestHandler<
              SQSEvent, com.amazonaws.services.lambda.runtime.events.SQSBatchResponse>)
          Class.forName(
                  deployment.template().functions().get("AutoRechargeFunction").handlerClassName())
              .getConstructor(Map.class)
              .newInstance(environment);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private List<Message> receiveRechargeRequests() {
    return deployment
        .sqs()
        .receiveMessage(
            r ->
                r.queueUrl(deployment.queueUrl("RechargeRequestsQueue"))
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds(5)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
        .messages();
  }

  private SQSEvent asEvent(List<Message> messages) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message message : messages) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(message.messageId());
      record.setReceiptHandle(message.receiptHandle());
      record.setBody(message.body());
      record.setAttributes(
          Map.of(
              "ApproximateReceiveCount",
              message.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "1")));
      record.setEventSource("aws:sqs");
      record.setEventSourceArn(deployment.queueArn("RechargeRequestsQueue"));
      records.add(record);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private DynamoDbFundingStore funding() {
    return new DynamoDbFundingStore(deployment.dynamoDb(), deployment.tableName("LedgerTable"));
  }
}
