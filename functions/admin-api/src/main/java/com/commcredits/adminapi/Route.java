package com.commcredits.adminapi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One route of the API: method and path template ({@code /orgs/{org}/ledger}), who may call it,
 * whether it changes state (and so takes an Idempotency-Key), and what it does.
 */
record Route(String method, String template, Access access, boolean changesState, Action action) {

  /** Who reaches a route. Org routes check the org in the path against the caller first. */
  enum Access {
    /** Any caller with a role (operator or org admin). */
    ANY_ROLE,
    /** Operators only; not about one org. */
    OPERATOR,
    /** The org's admins and operators. */
    ORG,
    /** Operators only, about one org (its admins get 403, everyone else 404). */
    ORG_OPERATOR
  }

  @FunctionalInterface
  interface Action {
    ApiResponse run(RouteCall call);
  }

  String key() {
    return method + " " + template;
  }

  boolean isOrgRoute() {
    return access == Access.ORG || access == Access.ORG_OPERATOR;
  }

  /** The path's parameters when it matches this template. */
  Optional<Map<String, String>> match(String path) {
    List<String> want = segments(template);
    List<String> got = segments(path);
    if (want.size() != got.size()) {
      return Optional.empty();
    }
    Map<String, String> parameters = new HashMap<>();
    for (int i = 0; i < want.size(); i++) {
      String w = want.get(i);
      if (w.startsWith("{") && w.endsWith("}")) {
        if (got.get(i).isEmpty()) {
          return Optional.empty();
        }
        parameters.put(w.substring(1, w.length() - 1), decode(got.get(i)));
      } else if (!w.equals(got.get(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(parameters);
  }

  private static List<String> segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return List.of(trimmed.split("/", -1));
  }

  private static String decode(String segment) {
    try {
      return java.net.URLDecoder.decode(
          segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return segment;
    }
  }
}
