package com.commcredits.adapters.dynamodb;

import static com.commcredits.adapters.dynamodb.Attr.n;
import static com.commcredits.adapters.dynamodb.Attr.s;

import com.commcredits.domain.charging.RejectedCallRecord;
import com.commcredits.domain.charging.RejectedCallRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Rejected call records, by org ({@value #NO_ORG} for bodies that name none) and message id. A
 * redelivered message keeps its first rejection.
 */
public final class DynamoDbRejectedCallRecords implements RejectedCallRecords {

  static final String NO_ORG = "_no-org";

  private final DynamoDbClient dynamoDb;

  /** How long a rejected record (body included) is kept for review before the TTL deletes it. */
  public static final Duration RETENTION = Duration.ofDays(90);

  private final String tableName;

  public DynamoDbRejectedCallRecords(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public void keep(RejectedCallRecord rejected) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("orgId", s(rejected.orgId() == null ? NO_ORG : rejected.orgId()));
    item.put("messageId", s(rejected.messageId()));
    if (rejected.usageId() != null) {
      item.put("usageId", s(rejected.usageId()));
    }
    item.put("reason", s(rejected.reason()));
    item.put("body", s(rejected.body()));
    item.put("rejectedAt", s(rejected.rejectedAt().toString()));
    // Bodies hold full numbers and user names: the table's TTL deletes them after the retention.
    item.put("expiresAt", n(rejected.rejectedAt().plus(RETENTION).getEpochSecond()));
    try {
      dynamoDb.putItem(
          PutItemRequest.builder()
              .tableName(tableName)
              .item(item)
              .conditionExpression("attribute_not_exists(messageId)")
              .build());
    } catch (ConditionalCheckFailedException keptBefore) {
      // a redelivery of a message that was rejected and kept already
    }
  }

  @Override
  public List<RejectedCallRecord> list(String orgId) {
    List<RejectedCallRecord> records = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        dynamoDb
            .queryPaginator(
                QueryRequest.builder()
                    .tableName(tableName)
                    .keyConditionExpression("orgId = :org")
                    .expressionAttributeValues(Map.of(":org", s(orgId == null ? NO_ORG : orgId)))
                    .build())
            .items()) {
      String org = Attr.string(item, "orgId");
      records.add(
          new RejectedCallRecord(
              Attr.string(item, "messageId"),
              NO_ORG.equals(org) ? null : org,
              Attr.string(item, "usageId"),
              Attr.string(item, "reason"),
              Attr.string(item, "body"),
              Instant.parse(Attr.string(item, "rejectedAt"))));
    }
    records.sort(Comparator.comparing(RejectedCallRecord::rejectedAt));
    return records;
  }
}
