package com.commcredits.adapters.aws;

import java.util.Map;
import java.util.Optional;

/**
 * The environment variables a function was deployed with (template.yaml), read in one place.
 * Endpoint overrides use the AWS SDK's own variable names and exist only in local runs.
 */
public record LambdaEnvironment(Map<String, String> variables) {

  public LambdaEnvironment {
    variables = Map.copyOf(variables);
  }

  public static LambdaEnvironment of(Map<String, String> variables) {
    return new LambdaEnvironment(variables);
  }

  /**
   * @throws IllegalStateException naming the variable, so a mis-deployed function says what is
   *     missing at its first start
   */
  public String require(String name) {
    String value = variables.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
  }

  public Optional<String> optional(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  public String ledgerTable() {
    return require("LEDGER_TABLE");
  }

  public String region() {
    return optional("AWS_REGION").orElse("us-east-1");
  }

  public Optional<String> endpointFor(String service) {
    return optional("AWS_ENDPOINT_URL_" + service).or(() -> optional("AWS_ENDPOINT_URL"));
  }
}
