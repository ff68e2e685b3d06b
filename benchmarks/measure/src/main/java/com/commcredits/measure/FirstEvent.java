package com.commcredits.measure;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs in a fresh JVM on a function's shaded jar (only JDK classes and the jar's own): builds the
 * handler as Lambda does (no-argument constructor, the environment from the process) and hands it
 * events. {@code cold}: one event, then exit — the parent times the whole JVM. {@code primed}: runs
 * the SnapStart priming first (what {@code beforeCheckpoint} runs), then times the first and the
 * second event and prints {@code PRIMED <ns> <ns>}.
 *
 * <p>Arguments: mode, handler class, event kind ({@code sqs}, {@code http}, {@code api}: an org
 * admin's GET of the path in the file, {@code map}), the file of the first event's body, the file
 * of the second's.
 */
public final class FirstEvent {
  private FirstEvent() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Class<?> type = Class.forName(args[1]);
    String kind = args[2];
    RequestHandler handler = (RequestHandler) type.getConstructor().newInstance();
    if (mode.equals("cold")) {
      handler.handleRequest(event(kind, Files.readString(Path.of(args[3]))), null);
      System.exit(0);
    }
    Class<?> priming = Class.forName("com.commcredits.adapters.lambda.SnapStartPriming");
    Method primeAll = priming.getMethod("primeAll");
    primeAll.invoke(null);
    Object first = event(kind, Files.readString(Path.of(args[3])));
    Object second = event(kind, Files.readString(Path.of(args[4])));
    System.out.println("MARK first event");
    long t0 = System.nanoTime();
    handler.handleRequest(first, null);
    long t1 = System.nanoTime();
    // Markers between the phases (outside the timed spans) for --trace-classes class-load diffs.
    System.out.println("MARK second event");
    long t2 = System.nanoTime();
    handler.handleRequest(second, null);
    long t3 = System.nanoTime();
    System.out.println("PRIMED " + (t1 - t0) + " " + (t3 - t2));
    System.exit(0);
  }

  private static Object event(String kind, String body) {
    switch (kind) {
      case "sqs" -> {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
      }
      case "http" -> {
        return APIGatewayV2HTTPEvent.builder()
            .withBody(body)
            .withIsBase64Encoded(false)
            .withHeaders(Map.of("content-type", "application/json"))
            .build();
      }
      case "api" -> {
        // An org admin's GET of the body's path (/orgs/<org>...), as API Gateway hands it over
        // after its JWT authorizer.
        String path = body.strip();
        String org = path.split("/")[2];
        String orgClaim = System.getenv().getOrDefault("ORG_CLAIM", "custom:org");
        return APIGatewayV2HTTPEvent.builder()
            .withRawPath(path)
            .withIsBase64Encoded(false)
            .withHeaders(Map.of("accept", "application/json"))
            .withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                            .withMethod("GET")
                            .withPath(path)
                            .build())
                    .withAuthorizer(
                        APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                            .withJwt(
                                APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                    .builder()
                                    .withClaims(Map.of("sub", "measure", orgClaim, org))
                                    .build())
                            .build())
                    .build())
            .build();
      }
      default -> {
        return Map.of("source", "aws.events", "detail-type", "Scheduled Event");
      }
    }
  }
}
