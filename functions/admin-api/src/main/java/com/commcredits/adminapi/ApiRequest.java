package com.commcredits.adminapi;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One HTTP request as the API sees it, read from API Gateway's event.
 *
 * @param headers by lower-case name
 * @param claims the JWT claims the authorizer verified; empty when there was no token
 * @param body the body as text (decoded when it came base64-encoded), empty when none
 */
record ApiRequest(
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    Map<String, String> claims,
    String body) {

  ApiRequest {
    method = method.toUpperCase(Locale.ROOT);
    query = Map.copyOf(query);
    headers =
        headers.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
    claims = Map.copyOf(claims);
    body = body == null ? "" : body;
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  Optional<String> queryParameter(String name) {
    return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
  }
}
