package com.commcredits.local.provision;

import com.commcredits.local.template.IntrinsicResolver;
import java.util.Map;
import java.util.Optional;

/**
 * The physical side of a provisioned template: names, URLs and ARNs by logical id, and each
 * function's resolved environment.
 */
public record ProvisionedStack(
    String stackName,
    Map<String, String> tableNames,
    Map<String, String> tableArns,
    Map<String, String> queueUrls,
    Map<String, String> queueArns,
    Map<String, String> queueNames,
    Map<String, Map<String, String>> functionEnvironments)
    implements IntrinsicResolver.Resources {

  public ProvisionedStack {
    tableNames = Map.copyOf(tableNames);
    tableArns = Map.copyOf(tableArns);
    queueUrls = Map.copyOf(queueUrls);
    queueArns = Map.copyOf(queueArns);
    queueNames = Map.copyOf(queueNames);
    functionEnvironments = Map.copyOf(functionEnvironments);
  }

  /** The name Lambda would show for a function of this stack. */
  public String functionName(String functionLogicalId) {
    return stackName + "-" + functionLogicalId;
  }

  @Override
  public Optional<String> ref(String logicalId) {
    return Optional.ofNullable(tableNames.get(logicalId))
        .or(() -> Optional.ofNullable(queueUrls.get(logicalId)))
        .or(
            () ->
                functionEnvironments.containsKey(logicalId)
                    ? Optional.of(functionName(logicalId))
                    : Optional.empty());
  }

  @Override
  public Optional<String> attribute(String logicalId, String attribute) {
    Map<String, String> source =
        switch (attribute) {
          case "Arn" -> tableArns.containsKey(logicalId) ? tableArns : queueArns;
          case "QueueName" -> queueNames;
          case "QueueUrl" -> queueUrls;
          default -> Map.of();
        };
    return Optional.ofNullable(source.get(logicalId));
  }
}
