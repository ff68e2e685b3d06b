package com.commcredits.local.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with the template's Globals applied.
 *
 * @param handler as in the template, {@code com.example.Handler::handleRequest}
 * @param environment variable name to its unresolved expression: Globals merged with the function's
 *     own, the function's winning
 */
public record FunctionSpec(
    String logicalId,
    String handler,
    Map<String, Object> environment,
    int timeoutSeconds,
    int memorySizeMb,
    List<SqsEventSource> sqsEventSources) {

  public FunctionSpec {
    environment = Map.copyOf(environment);
    sqsEventSources = List.copyOf(sqsEventSources);
  }

  public String handlerClassName() {
    int separator = handler.indexOf("::");
    return separator < 0 ? handler : handler.substring(0, separator);
  }
}
