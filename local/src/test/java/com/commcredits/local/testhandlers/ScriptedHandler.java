package com.commcredits.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A handler whose behaviour each message body picks: {@code fail} is reported as a batch item
 * failure, {@code throw} throws, {@code forward} sends the body on to OUT_QUEUE_URL, anything else
 * succeeds. Every invocation is recorded for the tests to inspect.
 */
public final class ScriptedHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  /** One invocation as the handler saw it. */
  public record Invocation(
      Map<String, String> environment, SQSEvent event, String functionName, int remainingMillis) {
    public List<String> bodies() {
      return event.getRecords().stream().map(SQSEvent.SQSMessage::getBody).toList();
    }
  }

  public static final List<Invocation> INVOCATIONS = new CopyOnWriteArrayList<>();

  private final Map<String, String> environment;
  private final SqsClient sqs;

  public ScriptedHandler(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    this.sqs =
        SqsClient.builder()
            .endpointOverride(URI.create(environment.get("AWS_ENDPOINT_URL_SQS")))
            .region(Region.of(environment.get("AWS_REGION")))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        environment.get("AWS_ACCESS_KEY_ID"),
                        environment.get("AWS_SECRET_ACCESS_KEY"))))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  public static List<String> bodiesSeen() {
    return INVOCATIONS.stream().flatMap(i -> i.bodies().stream()).toList();
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    INVOCATIONS.add(
        new Invocation(
            environment, event, context.getFunctionName(), context.getRemainingTimeInMillis()));
    context.getLogger().log("received " + event.getRecords().size() + " message(s)");
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      switch (message.getBody()) {
        case "throw" -> throw new IllegalStateException("scripted fault");
        case "fail" -> failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        case "forward" ->
            sqs.sendMessage(
                r -> r.queueUrl(environment.get("OUT_QUEUE_URL")).messageBody("forwarded"));
        default -> {}
      }
    }
    return new SQSBatchResponse(failures);
  }
}
