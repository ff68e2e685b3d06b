package com.commcredits.local.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the local stack needs from a SAM template: parameters, conditions, tables, queues and
 * functions with their SQS event sources. Resources of other types are ignored. Maps keep the
 * template's order.
 */
public record SamTemplate(
    Map<String, TemplateParameter> parameters,
    Map<String, Object> conditions,
    Map<String, TableSpec> tables,
    Map<String, QueueSpec> queues,
    Map<String, FunctionSpec> functions) {

  private static final int SAM_DEFAULT_TIMEOUT_SECONDS = 3;
  private static final int SAM_DEFAULT_MEMORY_MB = 128;
  private static final int SQS_DEFAULT_BATCH_SIZE = 10;

  public SamTemplate {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    queues = Collections.unmodifiableMap(new LinkedHashMap<>(queues));
    functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
  }

  /** The nearest {@code template.yaml} in {@code start} or one of its parents. */
  public static Path locate(Path start) {
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("template.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no template.yaml in " + start.toAbsolutePath() + " or above");
  }

  public static SamTemplate read(Path path) {
    try {
      return parse(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + path, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot understand template " + path + ": " + e, e);
    }
  }

  public static SamTemplate parse(String yaml) {
    Map<String, Object> root = CloudFormationYaml.load(yaml);
    Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
    Map<String, TemplateParameter> parameters = new LinkedHashMap<>();
    map(root.get("Parameters"))
        .forEach((name, declaration) -> parameters.put(name, parameter(name, map(declaration))));
    Map<String, TableSpec> tables = new LinkedHashMap<>();
    Map<String, QueueSpec> queues = new LinkedHashMap<>();
    Map<String, FunctionSpec> functions = new LinkedHashMap<>();
    Map<String, Boolean> httpApisWithAuthorizer = new LinkedHashMap<>();
    map(root.get("Resources"))
        .forEach(
            (logicalId, declaration) -> {
              Map<String, Object> resource = map(declaration);
              if ("AWS::Serverless::HttpApi".equals(resource.get("Type"))) {
                Object authorizer =
                    map(map(resource.get("Properties")).get("Auth")).get("DefaultAuthorizer");
                httpApisWithAuthorizer.put(logicalId, authorizer != null);
              }
            });
    map(root.get("Resources"))
        .forEach(
            (logicalId, declaration) -> {
              Map<String, Object> resource = map(declaration);
              Map<String, Object> properties = map(resource.get("Properties"));
              switch (String.valueOf(resource.get("Type"))) {
                case "AWS::DynamoDB::Table" -> tables.put(logicalId, table(logicalId, properties));
                case "AWS::SQS::Queue" -> queues.put(logicalId, queue(logicalId, properties));
                case "AWS::Serverless::Function" ->
                    functions.put(
                        logicalId,
                        function(logicalId, properties, globals, httpApisWithAuthorizer));
                default -> {}
              }
            });
    return new SamTemplate(parameters, map(root.get("Conditions")), tables, queues, functions);
  }

  /** Queues that some other queue's RedrivePolicy names as its dead-letter queue. */
  public Set<String> deadLetterQueues() {
    Set<String> deadLetterQueues = new LinkedHashSet<>();
    queues.values().stream()
        .flatMap(queue -> queue.redrivePolicy().stream())
        .forEach(policy -> deadLetterQueues.add(policy.deadLetterQueueLogicalId()));
    return deadLetterQueues;
  }

  /** Every queue after the dead-letter queue it redrives to, which must exist first. */
  public List<QueueSpec> queuesInCreationOrder() {
    List<QueueSpec> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    queues.keySet().forEach(id -> place(id, ordered, placed, new LinkedHashSet<>()));
    return ordered;
  }

  private void place(String id, List<QueueSpec> ordered, Set<String> placed, Set<String> path) {
    if (placed.contains(id)) {
      return;
    }
    QueueSpec queue = queues.get(id);
    if (queue == null) {
      throw new IllegalArgumentException("RedrivePolicy names " + id + ", which is no SQS queue");
    }
    if (!path.add(id)) {
      throw new IllegalArgumentException("redrive policies form a cycle: " + path);
    }
    queue
        .redrivePolicy()
        .ifPresent(p -> place(p.deadLetterQueueLogicalId(), ordered, placed, path));
    placed.add(id);
    ordered.add(queue);
  }

  private static TemplateParameter parameter(String name, Map<String, Object> declaration) {
    return new TemplateParameter(
        name,
        String.valueOf(declaration.getOrDefault("Type", "String")),
        Optional.ofNullable(declaration.get("Default")).map(String::valueOf));
  }

  private static TableSpec table(String logicalId, Map<String, Object> properties) {
    Map<String, String> attributeTypes = new LinkedHashMap<>();
    list(properties.get("AttributeDefinitions"))
        .forEach(
            definition ->
                attributeTypes.put(
                    text(map(definition).get("AttributeName")),
                    text(map(definition).get("AttributeType"))));
    List<SecondaryIndexSpec> indexes =
        list(properties.get("GlobalSecondaryIndexes")).stream()
            .map(SamTemplate::map)
            .map(
                index -> {
                  Map<String, Object> projection = map(index.get("Projection"));
                  return new SecondaryIndexSpec(
                      text(index.get("IndexName")),
                      keySchema(index.get("KeySchema")),
                      String.valueOf(projection.getOrDefault("ProjectionType", "ALL")),
                      list(projection.get("NonKeyAttributes")).stream()
                          .map(SamTemplate::text)
                          .toList());
                })
            .toList();
    Map<String, Object> ttl = map(properties.get("TimeToLiveSpecification"));
    Optional<String> ttlAttribute =
        Boolean.TRUE.equals(ttl.get("Enabled"))
            ? Optional.of(text(ttl.get("AttributeName")))
            : Optional.empty();
    return new TableSpec(
        logicalId,
        Optional.ofNullable(properties.get("TableName")),
        keySchema(properties.get("KeySchema")),
        attributeTypes,
        indexes,
        ttlAttribute);
  }

  private static List<KeyElement> keySchema(Object schema) {
    return list(schema).stream()
        .map(SamTemplate::map)
        .map(key -> new KeyElement(text(key.get("AttributeName")), text(key.get("KeyType"))))
        .toList();
  }

  private static QueueSpec queue(String logicalId, Map<String, Object> properties) {
    Optional<RedrivePolicy> redrive =
        Optional.ofNullable(properties.get("RedrivePolicy"))
            .map(SamTemplate::map)
            .map(
                policy ->
                    new RedrivePolicy(
                        arnTarget(policy.get("deadLetterTargetArn"), logicalId),
                        integer(policy.get("maxReceiveCount")).orElseThrow()));
    return new QueueSpec(
        logicalId,
        Optional.ofNullable(properties.get("QueueName")),
        Boolean.parseBoolean(String.valueOf(properties.get("FifoQueue"))),
        integer(properties.get("VisibilityTimeout")),
        integer(properties.get("MessageRetentionPeriod")),
        integer(properties.get("DelaySeconds")),
        redrive);
  }

  private static FunctionSpec function(
      String logicalId,
      Map<String, Object> properties,
      Map<String, Object> globals,
      Map<String, Boolean> httpApisWithAuthorizer) {
    Map<String, Object> environment = new LinkedHashMap<>();
    for (Map<String, Object> source : List.of(globals, properties)) {
      map(map(source.get("Environment")).get("Variables"))
          .forEach((name, value) -> environment.put(name, value == null ? "" : value));
    }
    List<SqsEventSource> sqsEvents = new ArrayList<>();
    List<HttpApiRoute> httpRoutes = new ArrayList<>();
    map(properties.get("Events"))
        .forEach(
            (name, declaration) -> {
              Map<String, Object> event = map(declaration);
              if ("SQS".equals(event.get("Type"))) {
                sqsEvents.add(sqsEvent(name, map(event.get("Properties")), logicalId));
              }
              if ("HttpApi".equals(event.get("Type"))) {
                httpRoutes.add(
                    httpApiRoute(name, map(event.get("Properties")), httpApisWithAuthorizer));
              }
            });
    Object handler = properties.getOrDefault("Handler", globals.get("Handler"));
    if (handler == null) {
      throw new IllegalArgumentException(logicalId + " has no Handler");
    }
    return new FunctionSpec(
        logicalId,
        text(handler),
        environment,
        integer(properties.getOrDefault("Timeout", globals.get("Timeout")))
            .orElse(SAM_DEFAULT_TIMEOUT_SECONDS),
        integer(properties.getOrDefault("MemorySize", globals.get("MemorySize")))
            .orElse(SAM_DEFAULT_MEMORY_MB),
        sqsEvents,
        httpRoutes);
  }

  /** A route of the API named by {@code ApiId: !Ref X}, or of the implicit API without one. */
  private static HttpApiRoute httpApiRoute(
      String name, Map<String, Object> properties, Map<String, Boolean> httpApisWithAuthorizer) {
    Object apiId = properties.get("ApiId");
    String api = apiId == null ? "ServerlessHttpApi" : text(map(apiId).get("Ref"));
    Object authorizer = map(properties.get("Auth")).get("Authorizer");
    boolean authorized =
        authorizer == null
            ? httpApisWithAuthorizer.getOrDefault(api, false)
            : !"NONE".equals(String.valueOf(authorizer));
    return new HttpApiRoute(
        name,
        String.valueOf(properties.getOrDefault("Method", "ANY")),
        String.valueOf(properties.getOrDefault("Path", "/{proxy+}")),
        api,
        authorized);
  }

  private static SqsEventSource sqsEvent(
      String name, Map<String, Object> properties, String functionId) {
    return new SqsEventSource(
        name,
        arnTarget(properties.get("Queue"), functionId + "." + name),
        integer(properties.get("BatchSize")).orElse(SQS_DEFAULT_BATCH_SIZE),
        integer(properties.get("MaximumBatchingWindowInSeconds")).orElse(0),
        list(properties.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
        !Boolean.FALSE.equals(properties.get("Enabled")));
  }

  /** The logical id behind {@code !GetAtt X.Arn}: the only form a local stack can follow. */
  private static String arnTarget(Object expression, String where) {
    List<Object> getAtt = list(map(expression).get("Fn::GetAtt"));
    if (getAtt.size() != 2 || !"Arn".equals(getAtt.get(1))) {
      throw new IllegalArgumentException(
          where + ": expected !GetAtt <Queue>.Arn, got " + expression);
    }
    return text(getAtt.get(0));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException("expected a mapping, got " + value);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw new IllegalArgumentException("expected a list, got " + value);
  }

  private static String text(Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    throw new IllegalArgumentException("expected a plain value, got " + value);
  }

  private static OptionalInt integer(Object value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text(value)));
  }
}
