package com.commcredits.local.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with the template's Globals applied.
 *
 * @param handler as in the template, {@code com.example.Handler::handleRequest}
 * @param environment variable name to its unresolved expression: Globals merged with the function's
 *     own, the function's winning
 * @param httpApiRoutes its {@code HttpApi} events: the routes that invoke it
 */
public record FunctionSpec(
    String logicalId,
    String handler,
    Map<String, Object> environment,
    int timeoutSeconds,
    int memorySizeMb,
    List<SqsEventSource> sqsEventSources,
    List<HttpApiRoute> httpApiRoutes) {

  public FunctionSpec {
    environment = Map.copyOf(environment);
    sqsEventSources = List.copyOf(sqsEventSources);
    httpApiRoutes = List.copyOf(httpApiRoutes);
  }

  public String handlerClassName() {
    int separator = handler.indexOf("::");
    return separator < 0 ? handler : handler.substring(0, separator);
  }
}
