package com.commcredits.local.template;

import java.util.Locale;

/**
 * An event of {@code Type: HttpApi} on a function: one route of an API Gateway HTTP API.
 *
 * @param method upper case; {@code ANY} matches every method
 * @param path as in the template, with {@code {name}} parameters (and {@code {proxy+}})
 * @param authorized whether the route is behind the API's JWT authorizer (its DefaultAuthorizer,
 *     unless the event says {@code Auth: {Authorizer: NONE}})
 */
public record HttpApiRoute(
    String name, String method, String path, String apiLogicalId, boolean authorized) {

  public HttpApiRoute {
    method = method.toUpperCase(Locale.ROOT);
  }
}
