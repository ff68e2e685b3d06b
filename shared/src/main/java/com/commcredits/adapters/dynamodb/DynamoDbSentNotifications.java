package com.commcredits.adapters.dynamodb;

import static com.commcredits.adapters.dynamodb.Attr.n;
import static com.commcredits.adapters.dynamodb.Attr.s;

import com.commcredits.domain.notification.SentNotification;
import com.commcredits.domain.notification.SentNotifications;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Sent and rejected notifications in the ledger table ({@code ORG#<orgId>} / {@code
 * NOTIFICATION#<notificationId>}). The lease is kept as epoch milliseconds, so that the condition
 * compares numbers rather than ISO strings of varying precision.
 */
public final class DynamoDbSentNotifications implements SentNotifications {

  private static final String STATUS = "notificationStatus";
  private static final String LEASE = "leaseUntilMillis";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbSentNotifications(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public Optional<SentNotification> claim(
      String orgId, String notificationId, String kind, Instant now, Instant leaseUntil) {
    SentNotification claim =
        new SentNotification(
            orgId, notificationId, kind, SentNotification.Status.SENDING, "", now, leaseUntil);
    try {
      dynamoDb.putItem(
          PutItemRequest.builder()
              .tableName(tableName)
              .item(toItem(claim))
              .conditionExpression(
                  "attribute_not_exists(pk) OR (#status = :sending AND #lease < :now)")
              .expressionAttributeNames(Map.of("#status", STATUS, "#lease", LEASE))
              .expressionAttributeValues(
                  Map.of(
                      ":sending",
                      s(SentNotification.Status.SENDING.name()),
                      ":now",
                      n(now.toEpochMilli())))
              .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
              .build());
      return Optional.empty();
    } catch (ConditionalCheckFailedException taken) {
      if (taken.hasItem() && !taken.item().isEmpty()) {
        return Optional.of(fromItem(taken.item()));
      }
      return Optional.of(
          find(orgId, notificationId)
              .orElseThrow(() -> new IllegalStateException("claim refused, but no record")));
    }
  }

  @Override
  public void record(SentNotification outcome) {
    if (outcome.status() == SentNotification.Status.SENDING) {
      throw new IllegalArgumentException("record final outcomes; claims go through claim()");
    }
    try {
      dynamoDb.putItem(
          PutItemRequest.builder()
              .tableName(tableName)
              .item(toItem(outcome))
              .conditionExpression("attribute_not_exists(pk) OR #status = :sending")
              .expressionAttributeNames(Map.of("#status", STATUS))
              .expressionAttributeValues(
                  Map.of(":sending", s(SentNotification.Status.SENDING.name())))
              .build());
    } catch (ConditionalCheckFailedException finalAlready) {
      // a final outcome is kept as it was: the first one is what happened
    }
  }

  @Override
  public Optional<SentNotification> find(String orgId, String notificationId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                GetItemRequest.builder()
                    .tableName(tableName)
                    .key(LedgerKeys.notification(orgId, notificationId))
                    .consistentRead(true)
                    .build())
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public List<SentNotification> list(String orgId) {
    return dynamoDb
        .queryPaginator(
            QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :notifications)")
                .expressionAttributeValues(
                    Map.of(
                        ":pk", s(LedgerKeys.org(orgId)),
                        ":notifications", s(LedgerKeys.NOTIFICATION_PREFIX)))
                .build())
        .items()
        .stream()
        .map(DynamoDbSentNotifications::fromItem)
        .sorted(Comparator.comparing(SentNotification::at).reversed())
        .toList();
  }

  private static Map<String, AttributeValue> toItem(SentNotification record) {
    Map<String, AttributeValue> item =
        new HashMap<>(LedgerKeys.notification(record.orgId(), record.notificationId()));
    item.put("orgId", s(record.orgId()));
    item.put("notificationId", s(record.notificationId()));
    item.put("kind", s(record.kind()));
    item.put(STATUS, s(record.status().name()));
    item.put("detail", s(record.detail()));
    item.put("at", s(record.at().toString()));
    if (record.leaseUntil() != null) {
      item.put(LEASE, n(record.leaseUntil().toEpochMilli()));
    }
    return item;
  }

  private static SentNotification fromItem(Map<String, AttributeValue> item) {
    long lease = Attr.number(item, LEASE, -1);
    return new SentNotification(
        Attr.string(item, "orgId"),
        Attr.string(item, "notificationId"),
        Attr.string(item, "kind"),
        SentNotification.Status.valueOf(Attr.string(item, STATUS)),
        Attr.string(item, "detail"),
        Instant.parse(Attr.string(item, "at")),
        lease < 0 ? null : Instant.ofEpochMilli(lease));
  }
}
