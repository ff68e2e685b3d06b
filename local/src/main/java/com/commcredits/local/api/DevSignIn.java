package com.commcredits.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.regex.Pattern;

/**
 * The local stack's stand-in for the hosted sign-in: {@code POST /local/token} with {@code
 * {"org":"contoso"}} or {@code {"operator":true}} answers {@code {"token":"…"}}, a dev token of the
 * local issuer, so the console's dev sign-in can pick who to be. Exists only on the local stack
 * (which listens on 127.0.0.1); a deployed stack has no such route.
 */
public final class DevSignIn implements HttpHandler {

  public static final String PATH = "/local/token";

  private static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
  private static final int MAX_BODY_BYTES = 4096;

  private final LocalTokenIssuer issuer;
  private final ObjectMapper mapper = new ObjectMapper();

  public DevSignIn(LocalTokenIssuer issuer) {
    this.issuer = issuer;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals(PATH)) {
        answer(exchange, 404, problem("no such local endpoint"));
        return;
      }
      if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        answer(exchange, 405, problem("POST {\"org\":\"contoso\"} or {\"operator\":true}"));
        return;
      }
      JsonNode body;
      try {
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES);
        body = mapper.readTree(bytes);
      } catch (IOException malformed) {
        answer(exchange, 400, problem("the body is not JSON"));
        return;
      }
      if (body != null && body.path("operator").asBoolean(false)) {
        answer(exchange, 200, mapper.createObjectNode().put("token", issuer.operatorToken()));
        return;
      }
      String org = body == null ? "" : body.path("org").asText("");
      if (!ORG_ID.matcher(org).matches()) {
        answer(
            exchange,
            422,
            problem(
                "org must be an org id (3-64 of a-z, 0-9 and '-', starting with a letter or digit)"));
        return;
      }
      answer(exchange, 200, mapper.createObjectNode().put("token", issuer.orgAdminToken(org)));
    }
  }

  private ObjectNode problem(String detail) {
    return mapper.createObjectNode().put("title", "Dev sign-in").put("detail", detail);
  }

  private void answer(HttpExchange exchange, int status, ObjectNode json) throws IOException {
    byte[] bytes = mapper.writeValueAsBytes(json);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
