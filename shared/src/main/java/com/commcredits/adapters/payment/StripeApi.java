package com.commcredits.adapters.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The few calls of Stripe's HTTP API this system makes, with the JDK's HTTP client: form-encoded
 * requests, the secret key as a bearer token, an {@code Idempotency-Key} on every create. It never
 * retries by itself: a request without an answer is for the caller to reconcile under the same key.
 */
final class StripeApi {

  /** Stripe's answer: the HTTP status and the JSON body ({@link MissingNode} if it had none). */
  record Response(int status, JsonNode body) {
    JsonNode error() {
      return body.path("error");
    }
  }

  private final HttpClient http;
  private final ObjectMapper mapper;
  private final URI base;
  private final String secretKey;
  private final Duration timeout;

  StripeApi(HttpClient http, ObjectMapper mapper, URI base, String secretKey, Duration timeout) {
    this.http = Objects.requireNonNull(http, "http");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.base = Objects.requireNonNull(base, "base");
    if (secretKey == null || secretKey.isBlank()) {
      throw new IllegalArgumentException("the Stripe secret key is missing");
    }
    this.secretKey = secretKey;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * @throws IOException without an answer (connection refused or lost, timeout): the request may or
   *     may not have taken effect
   */
  Response post(String path, Map<String, String> form, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest request =
        request(path, "")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    return send(request);
  }

  Response get(String path, Map<String, String> query) throws IOException, InterruptedException {
    return send(request(path, "?" + encode(query)).GET().build());
  }

  private HttpRequest.Builder request(String path, String query) {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    return HttpRequest.newBuilder(URI.create(root + path.replaceFirst("^/", "") + query))
        .timeout(timeout)
        .header("Authorization", "Bearer " + secretKey)
        .header("Accept", "application/json");
  }

  private Response send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body =
          response.body().isBlank() ? MissingNode.getInstance() : mapper.readTree(response.body());
    } catch (IOException notJson) {
      // a proxy's HTML error page, say: the status tells what it was
      body = MissingNode.getInstance();
    }
    return new Response(response.statusCode(), body);
  }

  /** Stripe's form encoding; nested keys such as {@code metadata[org_id]} are given flat. */
  static String encode(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String urlEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
