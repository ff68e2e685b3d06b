package com.commcredits.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A test's HTTP client of the Admin API: real requests with a bearer token, and every answer held
 * against the OpenAPI contract (a violation fails the test that saw it).
 */
public final class ApiClient {

  /** One answer: status, headers (lower-case names) and body. */
  public record Answer(int status, Map<String, List<String>> headers, String body) {
    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final OpenApiContract contract;

  public ApiClient(URI base, OpenApiContract contract) {
    this.base = base;
    this.contract = contract;
  }

  public Answer get(String token, String pathAndQuery) {
    return send(token, "GET", pathAndQuery, null, null);
  }

  /** A state-changing request with a fresh Idempotency-Key. */
  public Answer send(String token, String method, String path, String body) {
    return send(token, method, path, body, UUID.randomUUID().toString());
  }

  public Answer send(String token, String method, String pathAndQuery, String body, String key) {
    return send(token, method, pathAndQuery, body, key, Map.of());
  }

  public Answer send(
      String token,
      String method,
      String pathAndQuery,
      String body,
      String key,
      Map<String, String> extraHeaders) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    extraHeaders.forEach(request::header);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(method + " " + pathAndQuery + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    Answer answer = new Answer(response.statusCode(), response.headers().map(), response.body());
    {
      List<String> violations =
          contract.violations(
              method,
              URI.create(pathAndQuery).getRawPath(),
              answer.status(),
              answer.header("content-type").orElse(null),
              answer.body());
      if (!violations.isEmpty()) {
        throw new AssertionError(
            "the answer breaks docs/openapi.yaml: " + violations + "\nbody: " + answer.body());
      }
    }
    return answer;
  }
}
