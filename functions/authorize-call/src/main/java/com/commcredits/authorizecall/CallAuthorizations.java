package com.commcredits.authorizecall;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.commcredits.adapters.json.CallAuthorizationRequestJson;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.metrics.Metrics;
import com.commcredits.domain.authorize.Authorization;
import com.commcredits.domain.authorize.AuthorizeCall;
import com.commcredits.domain.authorize.CallAuthorizationRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;

/**
 * Reads an authorization request (JSON), answers it and writes the answer: 200 with the decision,
 * 400 with the reason for a request that breaks the contract, 503 when the store cannot be reached
 * (the platform should ask again, never assume a yes).
 */
final class CallAuthorizations {

  private final ObjectMapper mapper;
  private final CallAuthorizationRequestJson requests;
  private final AuthorizeCall authorizeCall;
  private final Clock clock;
  private final StructuredLog log;
  private final Metrics metrics;

  CallAuthorizations(
      ObjectMapper mapper, AuthorizeCall authorizeCall, Clock clock, StructuredLog log) {
    this(mapper, authorizeCall, clock, log, Metrics.NONE);
  }

  CallAuthorizations(
      ObjectMapper mapper,
      AuthorizeCall authorizeCall,
      Clock clock,
      StructuredLog log,
      Metrics metrics) {
    this.metrics = metrics;
    this.mapper = mapper;
    this.requests = new CallAuthorizationRequestJson(mapper);
    this.authorizeCall = authorizeCall;
    this.clock = clock;
    this.log = log;
  }

  APIGatewayV2HTTPResponse answer(String body) {
    CallAuthorizationRequest request;
    try {
      request = requests.read(body);
    } catch (IllegalArgumentException invalid) {
      return respond(400, error(invalid.getMessage()));
    }
    Authorization authorization;
    try {
      authorization = authorizeCall.authorize(request, clock.instant());
    } catch (RuntimeException fault) {
      log.error(
          "call.authorization_failed", fault, "orgId", request.orgId(), "callId", request.callId());
      return respond(503, error("the ledger could not be reached; ask again"));
    }
    ObjectNode json = mapper.createObjectNode().put("callId", request.callId());
    if (authorization instanceof Authorization.Authorized authorized) {
      json.put("decision", "AUTHORIZED").put("maxMinutes", authorized.maxMinutes());
      json.putObject("held")
          .put("currency", authorized.held().currency().getCurrencyCode())
          .put("amount", authorized.held().toPlainString());
    } else {
      json.put("decision", "DENIED").put("reason", ((Authorization.Denied) authorization).reason());
    }
    metrics.add("CallAuthorizations", 1, "decision", json.path("decision").asText());
    if (authorization instanceof Authorization.Authorized authorized
        && authorized.held().micros() > 0) {
      metrics.add("HoldsPlaced", 1);
    }
    metrics.flush();
    log.info(
        "call.authorized",
        "orgId",
        request.orgId(),
        "callId",
        request.callId(),
        "decision",
        json.path("decision").asText());
    return respond(200, json);
  }

  private ObjectNode error(String reason) {
    return mapper.createObjectNode().put("error", reason);
  }

  private static APIGatewayV2HTTPResponse respond(int status, ObjectNode json) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(Map.of("content-type", "application/json"))
        .withBody(json.toString())
        .build();
  }
}
