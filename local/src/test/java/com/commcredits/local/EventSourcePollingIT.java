package com.commcredits.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.local.testhandlers.ScriptedHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The event-source pollers behave as Lambda's SQS event source mapping, on a test template. */
class EventSourcePollingIT {

  static final Path HARNESS_TEMPLATE = Path.of("src/test/resources/harness/template.yaml");

  @RegisterExtension
  static final LocalDeploymentExtension HARNESS =
      LocalDeploymentExtension.withOptions(
          LocalDeployment.Options.defaults()
              .withTemplate(HARNESS_TEMPLATE)
              .withStackName("harness"));

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final LocalDeployment deployment;

  EventSourcePollingIT(LocalDeployment deployment) {
    this.deployment = deployment;
  }

  @BeforeEach
  void startClean() {
    deployment.stopEventSources();
    deployment.purgeQueues();
    ScriptedHandler.INVOCATIONS.clear();
  }

  @AfterEach
  void stopPollers() {
    deployment.stopEventSources();
  }

  @Test
  void failedRecord_isRedelivered_andEndsInDeadLetterQueue_afterMaxReceives() {
    // given
    sendBatch("WorkQueue", "ok-1", "fail", "ok-2");

    // when
    deployment.startEventSources("WorkFunction");
    deployment.awaitQuiescence(PATIENCE);

    // then
    assertThat(ScriptedHandler.bodiesSeen())
        .containsOnly("ok-1", "fail", "ok-2")
        .filteredOn("fail"::equals)
        .hasSize(2);
    assertThat(ScriptedHandler.bodiesSeen()).filteredOn("ok-1"::equals).hasSize(1);
    assertThat(receiveCountsOf("fail")).containsExactly("1", "2");
    assertThat(bodiesIn("WorkDeadLetterQueue")).containsExactly("fail");
    assertThat(deployment.approximateDepth("WorkQueue")).isZero();
  }

  @Test
  void thrownException_failsTheWholeBatch() {
    // given
    sendBatch("WorkQueue", "throw", "ok");

    // when
    deployment.startEventSources("WorkFunction");
    deployment.awaitQuiescence(PATIENCE);

    // then
    assertThat(ScriptedHandler.bodiesSeen()).filteredOn("ok"::equals).hasSize(2);
    assertThat(bodiesIn("WorkDeadLetterQueue")).containsExactlyInAnyOrder("throw", "ok");
  }

  @Test
  void reportedFailures_areIgnored_whenEventSourceLacksReportBatchItemFailures() {
    // given
    sendBatch("PlainQueue", "fail");

    // when
    deployment.startEventSources("PlainFunction");
    deployment.awaitQuiescence(PATIENCE);

    // then
    assertThat(ScriptedHandler.bodiesSeen()).containsExactly("fail");
    assertThat(deployment.approximateDepth("PlainDeadLetterQueue")).isZero();
    assertThat(deployment.approximateDepth("PlainQueue")).isZero();
  }

  @Test
  void handler_receivesTheEventAndContextAsLambdaBuildsThem() {
    // given
    deployment
        .sqs()
        .sendMessage(
            r ->
                r.queueUrl(deployment.queueUrl("WorkQueue"))
                    .messageBody("ok")
                    .messageAttributes(
                        Map.of(
                            "orgId",
                            MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("contoso")
                                .build())));

    // when
    deployment.startEventSources("WorkFunction");
    deployment.awaitQuiescence(PATIENCE);

    // then
    ScriptedHandler.Invocation invocation = ScriptedHandler.INVOCATIONS.get(0);
    SQSEvent.SQSMessage record = invocation.event().getRecords().get(0);
    assertThat(record.getEventSource()).isEqualTo("aws:sqs");
    assertThat(record.getEventSourceArn()).isEqualTo(deployment.queueArn("WorkQueue"));
    assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
    assertThat(record.getMessageId()).isNotBlank();
    assertThat(record.getReceiptHandle()).isNotBlank();
    assertThat(record.getMd5OfBody()).isEqualTo("444bcb3a3fcf8389296c49467f27e1d6");
    assertThat(record.getAttributes())
        .containsEntry("ApproximateReceiveCount", "1")
        .containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp");
    assertThat(record.getMessageAttributes().get("orgId").getStringValue()).isEqualTo("contoso");
    assertThat(invocation.functionName()).isEqualTo("harness-WorkFunction");
    assertThat(invocation.remainingMillis()).isBetween(1, 5_000);
  }

  @Test
  void functionEnvironment_resolvesTemplateReferences_andPointsAtTheLocalServices() {
    // when
    Map<String, String> environment = deployment.functionEnvironment("WorkFunction");

    // then
    assertThat(environment)
        .containsEntry("OUT_QUEUE_URL", deployment.queueUrl("OutQueue"))
        .containsEntry("RECORDS_TABLE", "harness-RecordsTable")
        .containsEntry("GREETING", "hello from harness")
        .containsEntry("SENDER_EMAIL", "billing@comm-credits.local")
        .containsEntry("WORK_QUEUE_ARN", deployment.queueArn("WorkQueue"))
        .containsEntry("AWS_REGION", "us-east-1")
        .containsEntry("AWS_ENDPOINT_URL_SQS", deployment.endpoints().sqs().toString())
        .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", deployment.endpoints().dynamoDb().toString())
        .containsEntry("AWS_ENDPOINT_URL_SESV2", deployment.endpoints().ses().toString())
        .containsEntry("AWS_ACCESS_KEY_ID", "local")
        .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    assertThat(deployment.functionEnvironment("PlainFunction")).doesNotContainKey("GREETING");
  }

  @Test
  void awaitQuiescence_returnsOnlyAfterForwardedWorkIsDone_andIgnoresQueuesWithoutConsumer() {
    // given
    sendBatch("WorkQueue", "forward", "forward");

    // when
    deployment.startEventSources("WorkFunction");
    deployment.awaitQuiescence(PATIENCE);

    // then
    assertThat(deployment.approximateDepth("OutQueue")).isEqualTo(2);
  }

  @Test
  void awaitQuiescence_failsWithQueueDepths_whenWorkIsStillPending() {
    // given
    sendBatch("WorkQueue", "fail");
    deployment.startEventSources("WorkFunction");

    // then
    assertThatThrownBy(() -> deployment.awaitQuiescence(Duration.ofMillis(300)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("WorkQueue");
  }

  @Test
  void newHandler_buildsAFreshInstanceWithTheFunctionsEnvironment() {
    // when
    var first = deployment.newHandler("WorkFunction");
    var second = deployment.newHandler("WorkFunction");

    // then
    assertThat(first).isInstanceOf(ScriptedHandler.class).isNotSameAs(second);
  }

  @Test
  void unknownLogicalId_isRejectedWithTheKnownOnes() {
    assertThatThrownBy(() -> deployment.queueUrl("NoSuchQueue")).hasMessageContaining("WorkQueue");
  }

  private void sendBatch(String queue, String... bodies) {
    List<SendMessageBatchRequestEntry> entries = new java.util.ArrayList<>();
    for (int i = 0; i < bodies.length; i++) {
      entries.add(
          SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(bodies[i]).build());
    }
    deployment.sqs().sendMessageBatch(r -> r.queueUrl(deployment.queueUrl(queue)).entries(entries));
  }

  private List<String> receiveCountsOf(String body) {
    return ScriptedHandler.INVOCATIONS.stream()
        .flatMap(i -> i.event().getRecords().stream())
        .filter(r -> body.equals(r.getBody()))
        .map(r -> r.getAttributes().get("ApproximateReceiveCount"))
        .toList();
  }

  private List<String> bodiesIn(String queue) {
    Instant deadline = Instant.now().plusSeconds(5);
    List<Message> messages = List.of();
    while (messages.isEmpty() && Instant.now().isBefore(deadline)) {
      messages =
          deployment
              .sqs()
              .receiveMessage(
                  r ->
                      r.queueUrl(deployment.queueUrl(queue))
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(1))
              .messages();
    }
    return messages.stream().map(Message::body).toList();
  }
}
