package com.commcredits.adapters.dynamodb;

import static com.commcredits.adapters.dynamodb.Attr.n;
import static com.commcredits.adapters.dynamodb.Attr.s;

import com.commcredits.domain.admin.RequestReplays;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Admin request replays in the ledger table ({@code REPLAY#<scope>} / {@code <idempotencyKey>}),
 * the only class that names their attributes. {@code expiresAt} (epoch seconds) is the table's TTL
 * attribute; since DynamoDB deletes expired items late, an expired item is treated as absent.
 */
public final class DynamoDbRequestReplays implements RequestReplays {

  private static final String FINGERPRINT = "fingerprint";
  private static final String STATE = "replayState";
  private static final String LEASE_UNTIL = "leaseUntilMillis";
  private static final String EXPIRES_AT = "expiresAt";
  private static final String ANSWER_STATUS = "answerStatus";
  private static final String ANSWER_TYPE = "answerContentType";
  private static final String ANSWER_BODY = "answerBody";
  private static final String CLAIMED = "CLAIMED";
  private static final String ANSWERED = "ANSWERED";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbRequestReplays(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public Claim claim(String scope, String key, String fingerprint, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(LedgerKeys.requestReplay(scope, key));
    item.put(FINGERPRINT, s(fingerprint));
    item.put(STATE, s(CLAIMED));
    item.put(LEASE_UNTIL, n(now.plus(LEASE).toEpochMilli()));
    item.put(EXPIRES_AT, n(now.plus(RETENTION).getEpochSecond()));
    try {
      dynamoDb.putItem(
          PutItemRequest.builder()
              .tableName(tableName)
              .item(item)
              .conditionExpression(
                  "attribute_not_exists(pk) OR #expires < :nowSeconds"
                      + " OR (#state = :claimed AND #lease < :nowMillis)")
              .expressionAttributeNames(
                  Map.of("#expires", EXPIRES_AT, "#state", STATE, "#lease", LEASE_UNTIL))
              .expressionAttributeValues(
                  Map.of(
                      ":nowSeconds", n(now.getEpochSecond()),
                      ":claimed", s(CLAIMED),
                      ":nowMillis", n(now.toEpochMilli())))
              .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
              .build());
      return new Claim.Claimed();
    } catch (ConditionalCheckFailedException taken) {
      Map<String, AttributeValue> existing =
          taken.hasItem() && !taken.item().isEmpty() ? taken.item() : read(scope, key);
      if (existing == null || existing.isEmpty()) {
        // released between our write and our read: the caller may simply ask again
        return new Claim.InProgress();
      }
      if (!fingerprint.equals(Attr.string(existing, FINGERPRINT))) {
        return new Claim.Conflict();
      }
      if (!ANSWERED.equals(Attr.string(existing, STATE))) {
        return new Claim.InProgress();
      }
      return new Claim.Replay(
          new Answer(
              (int) Attr.number(existing, ANSWER_STATUS, 500),
              Attr.string(existing, ANSWER_TYPE),
              Attr.string(existing, ANSWER_BODY)));
    }
  }

  @Override
  public void complete(String scope, String key, String fingerprint, Answer answer, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(LedgerKeys.requestReplay(scope, key));
    item.put(FINGERPRINT, s(fingerprint));
    item.put(STATE, s(ANSWERED));
    item.put(EXPIRES_AT, n(now.plus(RETENTION).getEpochSecond()));
    item.put(ANSWER_STATUS, n(answer.status()));
    item.put(ANSWER_TYPE, s(answer.contentType()));
    item.put(ANSWER_BODY, s(answer.body()));
    try {
      dynamoDb.putItem(
          PutItemRequest.builder()
              .tableName(tableName)
              .item(item)
              .conditionExpression("#fingerprint = :fingerprint")
              .expressionAttributeNames(Map.of("#fingerprint", FINGERPRINT))
              .expressionAttributeValues(Map.of(":fingerprint", s(fingerprint)))
              .build());
    } catch (ConditionalCheckFailedException lapsed) {
      // our claim lapsed and another request took the key; its answer is the one to keep
    }
  }

  @Override
  public void release(String scope, String key) {
    try {
      dynamoDb.deleteItem(
          DeleteItemRequest.builder()
              .tableName(tableName)
              .key(LedgerKeys.requestReplay(scope, key))
              .conditionExpression("#state = :claimed")
              .expressionAttributeNames(Map.of("#state", STATE))
              .expressionAttributeValues(Map.of(":claimed", s(CLAIMED)))
              .build());
    } catch (ConditionalCheckFailedException answeredOrGone) {
      // an answer is kept, or nothing was there: either way no claim is left to give up
    }
  }

  private Map<String, AttributeValue> read(String scope, String key) {
    return dynamoDb
        .getItem(
            GetItemRequest.builder()
                .tableName(tableName)
                .key(LedgerKeys.requestReplay(scope, key))
                .consistentRead(true)
                .build())
        .item();
  }
}
