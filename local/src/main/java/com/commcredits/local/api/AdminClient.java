package com.commcredits.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * A client of the Admin API for the CLI and the demo: the same requests work against {@code
 * local/run serve} and a deployed stack. Each state-changing request gets a fresh Idempotency-Key
 * unless one is given. Refusals come back as {@link Refused} with the problem's detail; connection
 * failures as {@link Unreachable}.
 */
public final class AdminClient {

  /** The API answered with a problem. */
  public static final class Refused extends RuntimeException {
    private final int status;

    Refused(int status, String detail) {
      super(detail, null, false, false);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** The API could not be reached at all. */
  public static final class Unreachable extends RuntimeException {
    Unreachable(String message) {
      super(message, null, false, false);
    }
  }

  /** A successful answer: status and body. */
  public record Answer(int status, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final URI base;
  private final String token;

  public AdminClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  public URI base() {
    return base;
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  public static ObjectNode money(String currency, String amount) {
    return object().put("currency", currency).put("amount", amount);
  }

  public static String path(String... segments) {
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      path.append('/')
          .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return path.toString();
  }

  public JsonNode get(String pathAndQuery) {
    return json(send("GET", pathAndQuery, null, null).body());
  }

  public String getText(String pathAndQuery) {
    return send("GET", pathAndQuery, null, null).body();
  }

  public JsonNode post(String path, JsonNode body) {
    return json(send("POST", path, body, UUID.randomUUID().toString()).body());
  }

  public JsonNode put(String path, JsonNode body) {
    return json(send("PUT", path, body, UUID.randomUUID().toString()).body());
  }

  /** Sends with the given key; a 202 (outcome still open) is answered, not refused. */
  public Answer send(String method, String pathAndQuery, JsonNode body, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new Unreachable(
          "cannot reach the Admin API at " + base + " (is `local/run serve` running? --api-url?)");
    } catch (HttpTimeoutException e) {
      throw new Unreachable("the Admin API at " + base + " did not answer in time");
    } catch (IOException e) {
      throw new Unreachable("cannot talk to the Admin API at " + base + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted");
    }
    if (response.statusCode() >= 400) {
      JsonNode problem = json(response.body());
      String detail =
          problem.hasNonNull("detail")
              ? problem.path("detail").asText()
              : problem.path("message").asText(response.body());
      throw new Refused(response.statusCode(), detail);
    }
    return new Answer(response.statusCode(), response.body());
  }

  private static JsonNode json(String body) {
    if (body == null || body.isBlank()) {
      return object();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return object().put("text", body);
    }
  }
}
