package com.commcredits.adminapi;

import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.admin.RequestReplays;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Admin API in front of its routes: who the caller is, which route, whether the caller reaches
 * the org it names (an org that is not the caller's answers exactly like one that does not exist),
 * the Idempotency-Key of state-changing requests (a replay gets the first answer), and problem
 * details for every refusal. Nothing here knows what a route does.
 */
final class AdminApi {

  static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._-]{8,128}");
  static final String REPLAYED = "idempotent-replayed";

  private final List<Route> routes;
  private final Accounts accounts;
  private final RequestReplays replays;
  private final Caller.ClaimNames claimNames;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final StructuredLog log;

  AdminApi(
      List<Route> routes,
      Accounts accounts,
      RequestReplays replays,
      Caller.ClaimNames claimNames,
      ObjectMapper mapper,
      Clock clock,
      StructuredLog log) {
    this.routes = List.copyOf(routes);
    this.accounts = accounts;
    this.replays = replays;
    this.claimNames = claimNames;
    this.mapper = mapper;
    this.clock = clock;
    this.log = log;
  }

  /** "METHOD /template" of every route served, for the contract test and the template. */
  List<String> routeKeys() {
    return routes.stream().map(Route::key).toList();
  }

  ApiResponse handle(ApiRequest request) {
    Instant now = clock.instant();
    try {
      return route(request, now);
    } catch (ApiProblem problem) {
      return problem(problem);
    } catch (RuntimeException fault) {
      log.error("api.fault", fault, "method", request.method(), "path", request.path());
      return problem(
          new ApiProblem(
              500,
              "internal",
              "Something went wrong",
              "the request could not be completed; nothing is known to have changed — send it"
                  + " again with the same Idempotency-Key",
              List.of()));
    }
  }

  private ApiResponse route(ApiRequest request, Instant now) {
    if (request.claims().isEmpty()) {
      throw ApiProblem.unauthorized("send a bearer token (Authorization: Bearer <JWT>)");
    }
    Caller caller = Caller.fromClaims(request.claims(), claimNames);
    if (caller.role() == Caller.Role.NONE) {
      throw ApiProblem.forbidden(
          "the token names no org ('"
              + claimNames.orgClaim()
              + "' claim) and is not in the '"
              + claimNames.operatorGroup()
              + "' group");
    }
    Route route = null;
    Map<String, String> parameters = Map.of();
    boolean pathKnown = false;
    for (Route candidate : routes) {
      Optional<Map<String, String>> match = candidate.match(request.path());
      if (match.isPresent()) {
        pathKnown = true;
        if (candidate.method().equals(request.method())) {
          route = candidate;
          parameters = match.get();
          break;
        }
      }
    }
    if (route == null) {
      throw pathKnown
          ? new ApiProblem(
              405,
              "method-not-allowed",
              "Method not allowed",
              request.method() + " is not served here",
              List.of())
          : ApiProblem.notFound("no route " + ApiProblem.shown(request.path()));
    }
    OrgAccount account = null;
    if (route.isOrgRoute()) {
      String org = parameters.get("org");
      if (!caller.reaches(org)) {
        throw ApiProblem.noSuchOrg(org);
      }
      account = accounts.find(org).orElseThrow(() -> ApiProblem.noSuchOrg(org));
    }
    boolean operatorOnly =
        route.access() == Route.Access.OPERATOR || route.access() == Route.Access.ORG_OPERATOR;
    if (operatorOnly && !caller.isOperator()) {
      throw ApiProblem.forbidden("only operators may do this");
    }
    if (!route.changesState()) {
      return route.action().run(new RouteCall(request, caller, parameters, account, null, now));
    }
    String key = idempotencyKey(request);
    if (request.body().getBytes(StandardCharsets.UTF_8).length > JsonBody.MAX_BYTES) {
      throw ApiProblem.badRequest("the body is larger than " + JsonBody.MAX_BYTES + " bytes");
    }
    return idempotently(route, new RouteCall(request, caller, parameters, account, key, now));
  }

  private static String idempotencyKey(ApiRequest request) {
    String key =
        request
            .header("Idempotency-Key")
            .orElseThrow(
                () ->
                    ApiProblem.badField(
                        "Idempotency-Key",
                        "a state-changing request needs an Idempotency-Key header (8-128 of"
                            + " A-Z a-z 0-9 . _ -; a UUID will do)"));
    if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw ApiProblem.badField(
          "Idempotency-Key",
          "the Idempotency-Key must be 8-128 of A-Z a-z 0-9 . _ - (a UUID will do), got '"
              + ApiProblem.shown(key)
              + "'");
    }
    return key;
  }

  /**
   * Runs a state-changing route once per key: the first request claims the key, its answer is kept
   * and every replay gets it again. Faults (5xx) and answers whose outcome is still open (202) are
   * not kept, so the same request sent again does the work again under the same business key.
   */
  private ApiResponse idempotently(Route route, RouteCall call) {
    String scope = call.caller().replayScope();
    String fingerprint = fingerprint(call.request());
    RequestReplays.Claim claim =
        replays.claim(scope, call.idempotencyKey(), fingerprint, call.now());
    if (claim instanceof RequestReplays.Claim.Replay replay) {
      RequestReplays.Answer answer = replay.answer();
      return ApiResponse.of(answer.status(), answer.contentType(), answer.body())
          .withHeader(REPLAYED, "true");
    }
    if (claim instanceof RequestReplays.Claim.Conflict) {
      throw ApiProblem.conflict(
          "this Idempotency-Key was used for a different request; use a new key for a new change");
    }
    if (claim instanceof RequestReplays.Claim.InProgress) {
      throw ApiProblem.conflict(
          "a request with this Idempotency-Key is still being answered; send it again shortly");
    }
    ApiResponse response;
    try {
      response = route.action().run(call);
    } catch (ApiProblem problem) {
      response = problem(problem);
    } catch (IllegalArgumentException rule) {
      response = problem(ApiProblem.invalid("", rule.getMessage()));
    } catch (RuntimeException fault) {
      replays.release(scope, call.idempotencyKey());
      throw fault;
    }
    if (response.status() >= 500 || response.status() == 202) {
      replays.release(scope, call.idempotencyKey());
    } else {
      replays.complete(
          scope,
          call.idempotencyKey(),
          fingerprint,
          new RequestReplays.Answer(response.status(), response.contentType(), response.body()),
          call.now());
    }
    return response;
  }

  /** The request as asked: method, path and body, byte for byte. */
  static String fingerprint(ApiRequest request) {
    String canonical = request.method() + " " + request.path() + "\n" + request.body();
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships SHA-256", e);
    }
  }

  ApiResponse problem(ApiProblem problem) {
    ObjectNode json = mapper.createObjectNode();
    json.put("type", "https://comm-credits.example/problems/" + problem.type());
    json.put("title", problem.title());
    json.put("status", problem.status());
    json.put("detail", problem.detail());
    if (problem.kind() != null) {
      json.put("kind", problem.kind());
    }
    if (!problem.errors().isEmpty()) {
      ArrayNode errors = json.putArray("errors");
      problem
          .errors()
          .forEach(e -> errors.addObject().put("field", e.field()).put("reason", e.reason()));
    }
    return ApiResponse.of(problem.status(), ApiResponse.PROBLEM, json.toString());
  }
}
