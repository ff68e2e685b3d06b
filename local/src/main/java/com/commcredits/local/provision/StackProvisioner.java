package com.commcredits.local.provision;

import com.commcredits.local.Endpoints;
import com.commcredits.local.SdkClients;
import com.commcredits.local.template.FunctionSpec;
import com.commcredits.local.template.IntrinsicResolver;
import com.commcredits.local.template.KeyElement;
import com.commcredits.local.template.QueueSpec;
import com.commcredits.local.template.SamTemplate;
import com.commcredits.local.template.SecondaryIndexSpec;
import com.commcredits.local.template.TableSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates a template's tables and queues in the emulators (dead-letter queues first, redrive wired)
 * and resolves every function's environment against what was created.
 */
public final class StackProvisioner {

  public static final String ACCOUNT_ID = "000000000000";

  private final SamTemplate template;
  private final String stackName;
  private final Map<String, String> parameterOverrides;
  private final DynamoDbClient dynamoDb;
  private final SqsClient sqs;

  public StackProvisioner(
      SamTemplate template,
      String stackName,
      Map<String, String> parameterOverrides,
      DynamoDbClient dynamoDb,
      SqsClient sqs) {
    this.template = template;
    this.stackName = stackName;
    this.parameterOverrides = Map.copyOf(parameterOverrides);
    this.dynamoDb = dynamoDb;
    this.sqs = sqs;
  }

  public ProvisionedStack provision(Endpoints endpoints) {
    Map<String, String> tableNames = new LinkedHashMap<>();
    Map<String, String> tableArns = new LinkedHashMap<>();
    Map<String, String> queueUrls = new LinkedHashMap<>();
    Map<String, String> queueArns = new LinkedHashMap<>();
    Map<String, String> queueNames = new LinkedHashMap<>();
    Map<String, Map<String, String>> environments = new HashMap<>();
    template.functions().keySet().forEach(id -> environments.put(id, Map.of()));
    // Explicit TableName/QueueName values may use parameters, but no resource exists yet.
    IntrinsicResolver names =
        resolver(
            new ProvisionedStack(
                stackName, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of()));

    for (TableSpec table : template.tables().values()) {
      String name = table.tableName().map(names::text).orElse(physicalName(table.logicalId(), 255));
      tableArns.put(table.logicalId(), createTable(table, name));
      tableNames.put(table.logicalId(), name);
    }
    for (QueueSpec queue : template.queuesInCreationOrder()) {
      String name =
          queue
              .queueName()
              .map(names::text)
              .orElse(physicalName(queue.logicalId(), queue.fifo() ? 75 : 80))
              .concat(queue.fifo() && queue.queueName().isEmpty() ? ".fifo" : "");
      String url = createQueue(queue, name, queueArns);
      queueUrls.put(queue.logicalId(), url);
      queueNames.put(queue.logicalId(), name);
      queueArns.put(
          queue.logicalId(),
          sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN));
    }

    ProvisionedStack resources =
        new ProvisionedStack(
            stackName, tableNames, tableArns, queueUrls, queueArns, queueNames, environments);
    IntrinsicResolver resolver = resolver(resources);
    for (FunctionSpec function : template.functions().values()) {
      Map<String, String> environment = new LinkedHashMap<>(resolver.texts(function.environment()));
      environment.putAll(lambdaVariables(resources.functionName(function.logicalId()), function));
      environment.putAll(localVariables(endpoints));
      environments.put(function.logicalId(), environment);
    }
    return new ProvisionedStack(
        stackName, tableNames, tableArns, queueUrls, queueArns, queueNames, environments);
  }

  private IntrinsicResolver resolver(IntrinsicResolver.Resources resources) {
    return new IntrinsicResolver(
        template,
        parameterOverrides,
        Map.of(
            "AWS::Region",
            SdkClients.REGION,
            "AWS::AccountId",
            ACCOUNT_ID,
            "AWS::Partition",
            "aws",
            "AWS::URLSuffix",
            "amazonaws.com",
            "AWS::StackName",
            stackName,
            "AWS::StackId",
            "arn:aws:cloudformation:"
                + SdkClients.REGION
                + ":"
                + ACCOUNT_ID
                + ":stack/"
                + stackName
                + "/local",
            "AWS::NoValue",
            ""),
        resources);
  }

  private String physicalName(String logicalId, int maxLength) {
    String name = stackName + "-" + logicalId;
    return name.length() <= maxLength ? name : name.substring(0, maxLength);
  }

  private String createTable(TableSpec table, String name) {
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(name)
            // Capacity does not matter locally; on-demand needs no throughput numbers.
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(keySchema(table.keySchema()))
            .attributeDefinitions(
                table.attributeTypes().entrySet().stream()
                    .map(
                        a ->
                            AttributeDefinition.builder()
                                .attributeName(a.getKey())
                                .attributeType(a.getValue())
                                .build())
                    .toList());
    if (!table.globalSecondaryIndexes().isEmpty()) {
      request.globalSecondaryIndexes(
          table.globalSecondaryIndexes().stream().map(StackProvisioner::index).toList());
    }
    boolean created = true;
    try {
      dynamoDb.createTable(request.build());
    } catch (ResourceInUseException alreadyThere) {
      // a second deployment of the same stack name (or `local/run admin` attaching to a served
      // stack) reuses the table as it is
      created = false;
    }
    dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(name));
    if (created) {
      table
          .timeToLiveAttribute()
          .ifPresent(
              attribute ->
                  dynamoDb.updateTimeToLive(
                      r ->
                          r.tableName(name)
                              .timeToLiveSpecification(
                                  ttl -> ttl.attributeName(attribute).enabled(true))));
    }
    return dynamoDb.describeTable(r -> r.tableName(name)).table().tableArn();
  }

  private static GlobalSecondaryIndex index(SecondaryIndexSpec index) {
    Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
    if (!index.nonKeyAttributes().isEmpty()) {
      projection.nonKeyAttributes(index.nonKeyAttributes());
    }
    return GlobalSecondaryIndex.builder()
        .indexName(index.indexName())
        .keySchema(keySchema(index.keySchema()))
        .projection(projection.build())
        .build();
  }

  private static List<KeySchemaElement> keySchema(List<KeyElement> keys) {
    return keys.stream()
        .map(
            k ->
                KeySchemaElement.builder()
                    .attributeName(k.attributeName())
                    .keyType(k.keyType())
                    .build())
        .toList();
  }

  private String createQueue(QueueSpec queue, String name, Map<String, String> queueArns) {
    Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
    queue
        .visibilityTimeoutSeconds()
        .ifPresent(v -> attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(v)));
    queue
        .messageRetentionPeriodSeconds()
        .ifPresent(
            v -> attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(v)));
    queue
        .delaySeconds()
        .ifPresent(v -> attributes.put(QueueAttributeName.DELAY_SECONDS, String.valueOf(v)));
    if (queue.fifo()) {
      attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
    }
    queue
        .redrivePolicy()
        .ifPresent(
            policy ->
                attributes.put(
                    QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\""
                        + queueArns.get(policy.deadLetterQueueLogicalId())
                        + "\",\"maxReceiveCount\":"
                        + policy.maxReceiveCount()
                        + "}"));
    return sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
  }

  /** Variables Lambda itself sets in every execution environment. */
  private static Map<String, String> lambdaVariables(String functionName, FunctionSpec function) {
    return Map.of(
        "AWS_LAMBDA_FUNCTION_NAME",
        functionName,
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
        String.valueOf(function.memorySizeMb()),
        "AWS_REGION",
        SdkClients.REGION,
        "AWS_DEFAULT_REGION",
        SdkClients.REGION);
  }

  /** Dummy credentials, so no handler ever reaches for a developer's real ones, and endpoints. */
  private static Map<String, String> localVariables(Endpoints endpoints) {
    return Map.of(
        "AWS_ACCESS_KEY_ID", SdkClients.ACCESS_KEY_ID,
        "AWS_SECRET_ACCESS_KEY", SdkClients.SECRET_ACCESS_KEY,
        "AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDb().toString(),
        "AWS_ENDPOINT_URL_SQS", endpoints.sqs().toString(),
        "AWS_ENDPOINT_URL_SESV2", endpoints.ses().toString());
  }
}
