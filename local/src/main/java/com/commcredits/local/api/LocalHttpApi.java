package com.commcredits.local.api;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.commcredits.local.events.ConsoleLambdaLogger;
import com.commcredits.local.events.LocalContext;
import com.commcredits.local.template.FunctionSpec;
import com.commcredits.local.template.HttpApiRoute;
import com.commcredits.local.template.SamTemplate;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The template's HTTP APIs served locally: every {@code HttpApi} event of every function becomes a
 * route of one HTTP server (JDK {@code HttpServer}) that builds the event API Gateway would send
 * (payload format 2.0) and invokes the function declared for it. A route behind the API's JWT
 * authorizer gets what the authorizer would give it: a bad or missing token is refused with 401
 * before the function runs; a good one's claims are in the event. Routes without an authorizer are
 * public. The issuer's JWKS is served at {@value #JWKS_PATH}.
 */
public final class LocalHttpApi implements AutoCloseable {

  public static final String JWKS_PATH = "/.well-known/jwks.json";

  /** API Gateway's own limit on a request body (payload format 2.0 through a Lambda proxy). */
  private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private record Bound(FunctionSpec function, HttpApiRoute route) {}

  private final List<Bound> routes = new ArrayList<>();
  private final Function<String, Object> handlers;
  private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>>
      instances = new ConcurrentHashMap<>();
  private final JwtAuthorizer authorizer;
  private final JWKSet publicKeys;
  private final PrintStream log;
  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * @param handlers builds a function's handler by logical id (its public constructor taking the
   *     environment); each is built once, on its first request, as Lambda would
   */
  public LocalHttpApi(
      SamTemplate template,
      Function<String, Object> handlers,
      JWKSet publicKeys,
      String issuer,
      String audience,
      String host,
      int port,
      PrintStream log) {
    for (FunctionSpec function : template.functions().values()) {
      function.httpApiRoutes().forEach(route -> routes.add(new Bound(function, route)));
    }
    this.handlers = handlers;
    this.publicKeys = publicKeys;
    this.authorizer = new JwtAuthorizer(publicKeys, issuer, audience);
    this.log = log;
    try {
      this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot serve the HTTP API on " + host + ":" + port + " (" + e.getMessage() + ")", e);
    }
    this.executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
  }

  public URI baseUri() {
    return URI.create(
        "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** "METHOD /path -> Function" of every route served, with whether it needs a token. */
  public List<String> describeRoutes() {
    return routes.stream()
        .map(
            b ->
                String.format(
                    "%-6s %-44s -> %s%s",
                    b.route().method(),
                    b.route().path(),
                    b.function().logicalId(),
                    b.route().authorized() ? "" : "  (public)"))
        .toList();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      URI uri = exchange.getRequestURI();
      String path = uri.getRawPath();
      if (method.equals("GET") && path.equals(JWKS_PATH)) {
        write(exchange, 200, Map.of("content-type", "application/json"), publicKeys.toString());
        return;
      }
      Optional<Match> match = match(method, path);
      if (match.isEmpty()) {
        write(
            exchange,
            404,
            Map.of("content-type", "application/json"),
            "{\"message\":\"Not Found\"}");
        return;
      }
      byte[] body = readBody(exchange.getRequestBody());
      if (body == null) {
        write(
            exchange,
            413,
            Map.of("content-type", "application/json"),
            "{\"message\":\"Request Entity Too Large\"}");
        return;
      }
      Map<String, String> claims = Map.of();
      if (match.get().bound().route().authorized()) {
        Optional<Map<String, String>> verified =
            authorizer.claims(exchange.getRequestHeaders().getFirst("Authorization"));
        if (verified.isEmpty()) {
          write(
              exchange,
              401,
              Map.of("content-type", "application/json", "www-authenticate", "Bearer"),
              "{\"message\":\"Unauthorized\"}");
          return;
        }
        claims = verified.get();
      }
      APIGatewayV2HTTPEvent event = event(exchange, match.get(), body, claims);
      FunctionSpec function = match.get().bound().function();
      APIGatewayV2HTTPResponse response =
          handler(function.logicalId())
              .handleRequest(
                  event,
                  new LocalContext(
                      function.logicalId(),
                      "arn:aws:lambda:us-east-1:000000000000:function:" + function.logicalId(),
                      function.memorySizeMb(),
                      Duration.ofSeconds(function.timeoutSeconds()),
                      new ConsoleLambdaLogger(function.logicalId(), log)));
      String responseBody = response.getBody() == null ? "" : response.getBody();
      byte[] bytes =
          response.getIsBase64Encoded()
              ? Base64.getDecoder().decode(responseBody)
              : responseBody.getBytes(StandardCharsets.UTF_8);
      write(
          exchange,
          response.getStatusCode(),
          response.getHeaders() == null ? Map.of() : response.getHeaders(),
          bytes);
    } catch (RuntimeException fault) {
      // Lambda answers a function's crash with 500 and no detail; so does the local stack
      log.println("[local-http-api] " + fault);
      write(
          exchange,
          500,
          Map.of("content-type", "application/json"),
          "{\"message\":\"Internal Server Error\"}");
    }
  }

  private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(String id) {
    return instances.computeIfAbsent(id, this::construct);
  }

  @SuppressWarnings("unchecked")
  private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> construct(String id) {
    return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handlers.apply(id);
  }

  private record Match(Bound bound, Map<String, String> pathParameters) {}

  /** Like API Gateway: the route with the most literal segments wins; {@code ANY} matches all. */
  private Optional<Match> match(String method, String path) {
    Match best = null;
    int bestLiterals = -1;
    for (Bound bound : routes) {
      String routeMethod = bound.route().method();
      if (!routeMethod.equals("ANY") && !routeMethod.equals(method)) {
        continue;
      }
      Map<String, String> parameters = parameters(bound.route().path(), path);
      if (parameters == null) {
        continue;
      }
      int literals =
          (int) segments(bound.route().path()).stream().filter(s -> !s.startsWith("{")).count();
      if (literals > bestLiterals) {
        best = new Match(bound, parameters);
        bestLiterals = literals;
      }
    }
    return Optional.ofNullable(best);
  }

  private static Map<String, String> parameters(String template, String path) {
    List<String> want = segments(template);
    List<String> got = segments(path);
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < want.size(); i++) {
      String w = want.get(i);
      if (w.startsWith("{") && w.endsWith("+}")) {
        if (i >= got.size()) {
          return null;
        }
        parameters.put(
            w.substring(1, w.length() - 2), decode(String.join("/", got.subList(i, got.size()))));
        return parameters;
      }
      if (i >= got.size()) {
        return null;
      }
      if (w.startsWith("{") && w.endsWith("}")) {
        if (got.get(i).isEmpty()) {
          return null;
        }
        parameters.put(w.substring(1, w.length() - 1), decode(got.get(i)));
      } else if (!w.equals(got.get(i))) {
        return null;
      }
    }
    return want.size() == got.size() ? parameters : null;
  }

  private static List<String> segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
  }

  private static APIGatewayV2HTTPEvent event(
      HttpExchange exchange, Match match, byte[] body, Map<String, String> claims) {
    URI uri = exchange.getRequestURI();
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    Map<String, String> query = new LinkedHashMap<>();
    String rawQuery = uri.getRawQuery();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        query.merge(name, value, (a, b) -> a + "," + b);
      }
    }
    HttpApiRoute route = match.bound().route();
    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = null;
    if (route.authorized()) {
      authorizer =
          APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
              .withJwt(
                  APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                      .builder()
                      .withClaims(claims)
                      .withScopes(List.of())
                      .build())
              .build();
    }
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    boolean text = isText(headers.get("content-type"));
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(route.method() + " " + route.path())
        .withRawPath(uri.getRawPath())
        .withRawQueryString(rawQuery == null ? "" : rawQuery)
        .withHeaders(headers)
        .withQueryStringParameters(query.isEmpty() ? null : query)
        .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("000000000000")
                .withApiId("local")
                .withDomainName(headers.getOrDefault("host", "127.0.0.1"))
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(route.method() + " " + route.path())
                .withStage("$default")
                .withTimeEpoch(Instant.now().toEpochMilli())
                .withAuthorizer(authorizer)
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(uri.getRawPath())
                        .withProtocol(exchange.getProtocol())
                        .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                        .withUserAgent(headers.getOrDefault("user-agent", ""))
                        .build())
                .build())
        .withBody(
            body.length == 0
                ? null
                : text
                    ? new String(body, StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(body))
        .withIsBase64Encoded(body.length > 0 && !text)
        .build();
  }

  private static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.contains("json")
        || type.contains("xml")
        || type.contains("x-www-form-urlencoded")
        || type.contains("javascript");
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static void write(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    write(exchange, status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(
      HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * Serves a local-only endpoint beside the template's routes (the dev sign-in); the more specific
   * path wins over the routes' catch-all.
   */
  public void serveLocalEndpoint(String path, com.sun.net.httpserver.HttpHandler handler) {
    server.createContext(path, handler);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
