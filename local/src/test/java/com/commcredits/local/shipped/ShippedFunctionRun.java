package com.commcredits.local.shipped;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs in a child JVM whose class path is one function's shipped jar and this class alone: builds
 * the handler as Lambda does (no-argument constructor, environment from the process), runs the
 * SnapStart priming, handles one event and exits 0 only if the function answered with success (no
 * batch item failure, a 2xx response). No lambdas or nested classes: this one class file is copied.
 *
 * <p>Arguments: handler class, event kind ({@code sqs}, {@code http}, {@code map}), the body file;
 * for {@code http} also the method, the raw path and the JWT claims as {@code k=v;k=v}.
 */
public final class ShippedFunctionRun {
  private ShippedFunctionRun() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void main(String[] args) throws Exception {
    RequestHandler handler = (RequestHandler) Class.forName(args[0]).getConstructor().newInstance();
    Class<?> priming;
    try {
      priming = Class.forName("com.commcredits.adapters.lambda.SnapStartPriming");
    } catch (ClassNotFoundException e) {
      priming = null; // the console ships no priming
    }
    if (priming != null) {
      priming.getMethod("primeAll").invoke(null);
    }
    String body = Files.readString(Path.of(args[2]));
    Object response = handler.handleRequest(event(args, body), null);
    if (response instanceof SQSBatchResponse batch && !batch.getBatchItemFailures().isEmpty()) {
      fail("batch item failures: " + batch.getBatchItemFailures().size());
    }
    if (response instanceof APIGatewayV2HTTPResponse http
        && (http.getStatusCode() < 200 || http.getStatusCode() > 299)) {
      fail("status " + http.getStatusCode() + ": " + http.getBody());
    }
    System.out.println("SHIPPED-OK " + response);
    System.exit(0);
  }

  private static void fail(String why) {
    System.out.println("SHIPPED-FAILED " + why);
    System.exit(2);
  }

  private static Object event(String[] args, String body) {
    switch (args[1]) {
      case "sqs" -> {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("shipped-1");
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
      }
      case "http" -> {
        Map<String, String> claims = new HashMap<>();
        for (String pair : args[5].split(";")) {
          if (pair.contains("=")) {
            claims.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
          }
        }
        APIGatewayV2HTTPEvent.RequestContext.Http http =
            new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(args[3]);
        http.setPath(args[4]);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt =
            new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(claims);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
            new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setAuthorizer(authorizer);
        return APIGatewayV2HTTPEvent.builder()
            .withRawPath(args[4])
            .withBody(body.isEmpty() ? null : body)
            .withIsBase64Encoded(false)
            .withHeaders(Map.of("content-type", "application/json"))
            .withRequestContext(context)
            .build();
      }
      default -> {
        return Map.of("source", "aws.events", "detail-type", "Scheduled Event");
      }
    }
  }
}
