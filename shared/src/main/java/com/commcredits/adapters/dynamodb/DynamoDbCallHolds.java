package com.commcredits.adapters.dynamodb;

import static com.commcredits.adapters.dynamodb.Attr.n;
import static com.commcredits.adapters.dynamodb.Attr.s;

import com.commcredits.domain.authorize.CallHold;
import com.commcredits.domain.authorize.CallHolds;
import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Holds of authorized calls beside the account ({@code ORG#<org>} / {@code HOLD#<callId>}, with the
 * table's TTL on {@code expiresAt}); the account's {@code holdVersion} serializes placements.
 * Charging the call's record deletes its hold in the debit's own transaction.
 */
public final class DynamoDbCallHolds implements CallHolds {

  static final String HOLD_PREFIX = "HOLD#";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbCallHolds(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  static Map<String, AttributeValue> holdKey(String orgId, String callId) {
    return LedgerKeys.key(LedgerKeys.org(orgId), HOLD_PREFIX + callId);
  }

  @Override
  public Snapshot read(String orgId, Instant now) {
    Map<String, AttributeValue> account =
        dynamoDb
            .getItem(
                GetItemRequest.builder()
                    .tableName(tableName)
                    .key(LedgerKeys.account(orgId))
                    .consistentRead(true)
                    .projectionExpression("holdVersion")
                    .build())
            .item();
    long version = account == null ? 0 : Attr.number(account, "holdVersion", 0);
    List<CallHold> active =
        dynamoDb
            .queryPaginator(
                QueryRequest.builder()
                    .tableName(tableName)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :holds)")
                    .expressionAttributeValues(
                        Map.of(":pk", s(LedgerKeys.org(orgId)), ":holds", s(HOLD_PREFIX)))
                    .consistentRead(true)
                    .build())
            .items()
            .stream()
            .map(item -> fromItem(orgId, item))
            // The TTL deletes lapsed holds within days, not at once: ignore them here.
            .filter(hold -> hold.expiresAt().isAfter(now))
            .toList();
    return new Snapshot(version, active);
  }

  @Override
  public boolean place(CallHold hold, long expectedVersion) {
    Map<String, AttributeValue> item = new HashMap<>(holdKey(hold.orgId(), hold.callId()));
    item.put("amountMicros", n(hold.amount().micros()));
    item.put("currency", s(hold.amount().currency().getCurrencyCode()));
    item.put("minutes", n(hold.minutes()));
    item.put("holdExpiresAt", s(hold.expiresAt().toString()));
    item.put("expiresAt", n(hold.expiresAt().getEpochSecond()));
    String versionIsExpected =
        expectedVersion == 0
            ? "(attribute_not_exists(holdVersion) OR holdVersion = :expected)"
            : "holdVersion = :expected";
    try {
      dynamoDb.transactWriteItems(
          TransactWriteItemsRequest.builder()
              .transactItems(
                  TransactWriteItem.builder()
                      .put(
                          Put.builder()
                              .tableName(tableName)
                              .item(item)
                              .conditionExpression("attribute_not_exists(pk)")
                              .build())
                      .build(),
                  TransactWriteItem.builder()
                      .update(
                          Update.builder()
                              .tableName(tableName)
                              .key(LedgerKeys.account(hold.orgId()))
                              .updateExpression("SET holdVersion = :next")
                              .conditionExpression("attribute_exists(pk) AND " + versionIsExpected)
                              .expressionAttributeValues(
                                  Map.of(
                                      ":next", n(expectedVersion + 1),
                                      ":expected", n(expectedVersion)))
                              .build())
                      .build())
              .build());
      return true;
    } catch (TransactionCanceledException lostRace) {
      if (lostRace.cancellationReasons().stream()
          .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
        return false;
      }
      throw lostRace;
    }
  }

  private static CallHold fromItem(String orgId, Map<String, AttributeValue> item) {
    Currency currency = Currency.getInstance(Attr.string(item, "currency"));
    return new CallHold(
        orgId,
        Attr.string(item, LedgerKeys.SK).substring(HOLD_PREFIX.length()),
        new Money(currency, Attr.number(item, "amountMicros", 0)),
        (int) Attr.number(item, "minutes", 0),
        Instant.parse(Attr.string(item, "holdExpiresAt")));
  }
}
