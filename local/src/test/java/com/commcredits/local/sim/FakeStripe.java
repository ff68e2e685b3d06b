package com.commcredits.local.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stripe's PaymentIntents API as far as the recharge path uses it, on 127.0.0.1, with the faults
 * the simulation needs: a stand-in the real {@code StripePaymentGateway} talks HTTP to.
 *
 * <p>Semantics kept from Stripe: create is form-encoded; an {@code Idempotency-Key} seen before
 * replays the first answer (status and body, a 500 included) for the same parameters and is a 400
 * {@code idempotency_error} for other ones; a decline still creates the PaymentIntent (status
 * {@code requires_payment_method}, {@code last_payment_error}) and answers 402; retrieve by id and
 * list by customer are consistent; search by metadata lags, as Stripe's index does (an intent
 * becomes searchable some simulation ticks after it was created).
 *
 * <p>Faults on a create, chosen by {@link Plan}: a 500 before anything happened (not saved under
 * the key), a 500 after the card was charged (saved: replays answer 500 too), and the connection
 * dropped before or after the charge (the client hears nothing). The card decides declines: the
 * payment method {@code pm_ok} succeeds; {@code pm_expired}, {@code pm_declined}, {@code
 * pm_insufficient} and {@code pm_processing} decline with Stripe's codes.
 *
 * <p>The intents whose card was really charged are the ground truth of the simulation's "each card
 * charge credited exactly once".
 */
final class FakeStripe implements AutoCloseable {

  enum CreateFault {
    NONE,
    SERVER_ERROR_BEFORE,
    SERVER_ERROR_AFTER_CHARGE,
    TIMEOUT_BEFORE,
    TIMEOUT_AFTER_CHARGE
  }

  /** The scenario's choices: what happens to a new create, and how long search lags it. */
  interface Plan {
    CreateFault onCreate(String idempotencyKey);

    int searchLagTicks(String intentId);

    void trace(String line);
  }

  /** A PaymentIntent as Stripe keeps it; {@code charged} when the card was really debited. */
  record Intent(
      String id,
      String customer,
      String paymentMethod,
      long amount,
      String currency,
      String status,
      Map<String, String> metadata,
      long created,
      String declineCode,
      long searchableAtTick) {

    boolean charged() {
      return "succeeded".equals(status);
    }
  }

  private record Answer(int status, String body) {}

  private record Saved(Map<String, String> params, Answer answer) {}

  private static final Pattern METADATA_CLAUSE =
      Pattern.compile("metadata\\['([^']+)'\\]:'((?:[^'\\\\]|\\\\.)*)'");
  private static final Pattern TOKEN_PM = Pattern.compile("pm_[a-z]+");
  private static final Map<String, String[]> DECLINES =
      Map.of(
          "pm_expired", new String[] {"expired_card", "expired_card", "Your card has expired."},
          "pm_declined",
              new String[] {"card_declined", "generic_decline", "Your card was declined."},
          "pm_insufficient",
              new String[] {
                "card_declined", "insufficient_funds", "Your card has insufficient funds."
              },
          "pm_processing",
              new String[] {
                "processing_error", "", "An error occurred while processing your card."
              });

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final Map<String, Intent> intents = new LinkedHashMap<>();
  private final Map<String, Saved> byKey = new LinkedHashMap<>();
  private volatile Plan plan;
  private long tick;
  private long sequence;

  FakeStripe() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v1/payment_intents", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Forgets every intent and key and takes the next scenario's plan. */
  synchronized void reset(Plan next) {
    intents.clear();
    byKey.clear();
    tick = 0;
    sequence = 0;
    plan = next;
  }

  /** One step of simulated time: lagging intents come closer to being searchable. */
  synchronized void tick() {
    tick++;
  }

  synchronized List<Intent> intents() {
    return List.copyOf(intents.values());
  }

  synchronized List<Intent> charges() {
    return intents.values().stream().filter(Intent::charged).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"Bearer sk_test_simulation"
          .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        respond(
            exchange, error(401, "invalid_request_error", null, null, "Invalid API Key provided"));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
      Answer answer;
      synchronized (this) {
        if ("POST".equals(exchange.getRequestMethod()) && path.equals("/v1/payment_intents")) {
          String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
          Map<String, String> params =
              form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          answer = create(key, params);
          if (answer == null) {
            return; // the connection drops: no status line at all
          }
        } else if ("GET".equals(exchange.getRequestMethod())
            && path.equals("/v1/payment_intents/search")) {
          answer = search(query.getOrDefault("query", ""));
        } else if ("GET".equals(exchange.getRequestMethod())
            && path.equals("/v1/payment_intents")) {
          answer = list(query.get("customer"), Integer.parseInt(query.getOrDefault("limit", "10")));
        } else if ("GET".equals(exchange.getRequestMethod())
            && path.startsWith("/v1/payment_intents/")) {
          answer = retrieve(path.substring("/v1/payment_intents/".length()));
        } else {
          answer =
              error(
                  404,
                  "invalid_request_error",
                  "resource_missing",
                  null,
                  "Unrecognized request URL");
        }
      }
      respond(exchange, answer);
    }
  }

  /**
   * @return null when the connection is to drop without an answer
   */
  private Answer create(String key, Map<String, String> params) {
    if (key != null && byKey.containsKey(key)) {
      Saved saved = byKey.get(key);
      if (!saved.params().equals(params)) {
        plan.trace("stripe: key " + key + " reused with other parameters → 400 idempotency_error");
        return error(
            400,
            "idempotency_error",
            null,
            null,
            "Keys for idempotent requests can only be used with the same parameters they were first"
                + " used with. Try using a key other than '"
                + key
                + "' if you meant to execute a different request.");
      }
      return saved.answer();
    }
    CreateFault fault = key == null ? CreateFault.NONE : plan.onCreate(key);
    if (fault == CreateFault.TIMEOUT_BEFORE) {
      plan.trace("stripe: create " + key + " → connection dropped before anything happened");
      return null;
    }
    if (fault == CreateFault.SERVER_ERROR_BEFORE) {
      plan.trace("stripe: create " + key + " → 500 before anything happened");
      return error(500, "api_error", null, null, "Something went wrong on Stripe's end.");
    }
    Intent intent = newIntent(params);
    intents.put(intent.id(), intent);
    Answer answer =
        intent.declineCode() == null
            ? new Answer(200, intentJson(intent).toString())
            : decline(intent);
    if (fault == CreateFault.SERVER_ERROR_AFTER_CHARGE) {
      answer = error(500, "api_error", null, null, "Something went wrong on Stripe's end.");
    }
    if (key != null) {
      byKey.put(key, new Saved(params, answer));
    }
    String lag =
        intent.searchableAtTick() > tick
            ? ", search lags " + (intent.searchableAtTick() - tick) + " ticks"
            : "";
    switch (fault) {
      case SERVER_ERROR_AFTER_CHARGE ->
          plan.trace(
              "stripe: create "
                  + key
                  + " → "
                  + intent.id()
                  + " "
                  + intent.status()
                  + ", then answered 500"
                  + lag);
      case TIMEOUT_AFTER_CHARGE ->
          plan.trace(
              "stripe: create "
                  + key
                  + " → "
                  + intent.id()
                  + " "
                  + intent.status()
                  + ", then the connection dropped"
                  + lag);
      default ->
          plan.trace("stripe: create " + key + " → " + intent.id() + " " + intent.status() + lag);
    }
    return fault == CreateFault.TIMEOUT_AFTER_CHARGE ? null : answer;
  }

  private Intent newIntent(Map<String, String> params) {
    String id = "pi_sim" + (++sequence);
    String paymentMethod = params.getOrDefault("payment_method", "");
    String[] decline = DECLINES.get(paymentMethod);
    Map<String, String> metadata = new TreeMap<>();
    params.forEach(
        (name, value) -> {
          if (name.startsWith("metadata[") && name.endsWith("]")) {
            metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
          }
        });
    boolean unknownCard = !TOKEN_PM.matcher(paymentMethod).matches();
    String status = decline == null && !unknownCard ? "succeeded" : "requires_payment_method";
    return new Intent(
        id,
        params.get("customer"),
        paymentMethod,
        Long.parseLong(params.getOrDefault("amount", "0")),
        params.getOrDefault("currency", "usd"),
        status,
        metadata,
        1_795_000_000L + sequence,
        decline == null ? (unknownCard ? "card_declined" : null) : decline[1],
        tick + Math.max(0, plan.searchLagTicks(id)));
  }

  private Answer decline(Intent intent) {
    String[] decline =
        DECLINES.getOrDefault(
            intent.paymentMethod(),
            new String[] {"card_declined", "generic_decline", "Your card was declined."});
    ObjectNode body = json.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("type", "card_error");
    error.put("code", decline[0]);
    if (!decline[1].isEmpty()) {
      error.put("decline_code", decline[1]);
    }
    error.put("message", decline[2]);
    error.set("payment_intent", intentJson(intent));
    return new Answer(402, body.toString());
  }

  private Answer retrieve(String id) {
    Intent intent = intents.get(id);
    return intent == null
        ? error(
            404,
            "invalid_request_error",
            "resource_missing",
            "intent",
            "No such payment_intent: '" + id + "'")
        : new Answer(200, intentJson(intent).toString());
  }

  private Answer list(String customer, int limit) {
    List<Intent> matching =
        intents.values().stream()
            .filter(i -> customer == null || customer.equals(i.customer()))
            .sorted(Comparator.comparingLong(Intent::created).reversed())
            .toList();
    ObjectNode body = json.createObjectNode();
    body.put("object", "list");
    body.put("url", "/v1/payment_intents");
    body.put("has_more", matching.size() > limit);
    ArrayNode data = body.putArray("data");
    matching.stream().limit(limit).forEach(i -> data.add(intentJson(i)));
    return new Answer(200, body.toString());
  }

  private Answer search(String query) {
    Map<String, String> wanted = new LinkedHashMap<>();
    Matcher clause = METADATA_CLAUSE.matcher(query);
    while (clause.find()) {
      wanted.put(clause.group(1), clause.group(2).replace("\\'", "'").replace("\\\\", "\\"));
    }
    List<Intent> found = new ArrayList<>();
    for (Intent intent : intents.values()) {
      if (intent.searchableAtTick() <= tick
          && wanted.entrySet().stream()
              .allMatch(w -> w.getValue().equals(intent.metadata().get(w.getKey())))) {
        found.add(intent);
      }
    }
    boolean lagging =
        intents.values().stream()
            .anyMatch(
                i ->
                    i.searchableAtTick() > tick
                        && wanted.entrySet().stream()
                            .allMatch(w -> w.getValue().equals(i.metadata().get(w.getKey()))));
    if (lagging) {
      plan.trace("stripe: search " + wanted + " misses a lagging intent");
    }
    ObjectNode body = json.createObjectNode();
    body.put("object", "search_result");
    body.put("url", "/v1/payment_intents/search");
    body.put("has_more", false);
    ArrayNode data = body.putArray("data");
    found.forEach(i -> data.add(intentJson(i)));
    return new Answer(200, body.toString());
  }

  private ObjectNode intentJson(Intent intent) {
    ObjectNode node = json.createObjectNode();
    node.put("id", intent.id());
    node.put("object", "payment_intent");
    node.put("amount", intent.amount());
    node.put("currency", intent.currency());
    node.put("status", intent.status());
    node.put("customer", intent.customer());
    node.put("payment_method", intent.paymentMethod());
    node.put("created", intent.created());
    node.put("livemode", false);
    if (intent.charged()) {
      node.put("latest_charge", "ch_" + intent.id().substring(3));
    }
    ObjectNode metadata = node.putObject("metadata");
    intent.metadata().forEach(metadata::put);
    if (intent.declineCode() != null) {
      String[] decline = DECLINES.get(intent.paymentMethod());
      ObjectNode error = node.putObject("last_payment_error");
      error.put("type", "card_error");
      error.put("code", decline == null ? "card_declined" : decline[0]);
      if (decline == null || !decline[1].isEmpty()) {
        error.put("decline_code", intent.declineCode());
      }
      error.put("message", decline == null ? "Your card was declined." : decline[2]);
    }
    return node;
  }

  private Answer error(int status, String type, String code, String param, String message) {
    ObjectNode body = json.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("type", type);
    if (code != null) {
      error.put("code", code);
    }
    if (param != null) {
      error.put("param", param);
    }
    error.put("message", message);
    return new Answer(status, body.toString());
  }

  private static void respond(HttpExchange exchange, Answer answer) throws IOException {
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Request-Id", "req_sim");
    if (answer.status() >= 500) {
      // as Stripe does when retrying the same request cannot help (a replay answers the same 500):
      // a client that honours it spends no time on a network retry
      exchange.getResponseHeaders().set("Stripe-Should-Retry", "false");
    }
    exchange.sendResponseHeaders(answer.status(), body.length);
    exchange.getResponseBody().write(body);
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> params = new TreeMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return params;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(name, value);
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
