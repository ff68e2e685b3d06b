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

/**
 * Holds of authorized calls beside the account ({@code ORG#<org>} / {@code HOLD#<callId>}, with the
 * table's TTL on {@code expiresAt}); the account's {@code holdVersion} serializes placements.
 * Charging the call's record deletes its hold in the debit's own transaction.
 */
public final class DynamoDbCallHolds implements CallHolds {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbCallHolds(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  static Map<String, AttributeValue> holdKey(String orgId, String callId) {
    return LedgerKeys.hold(orgId, callId);
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
                    .projectionExpression(AccountItem.HOLD_VERSION)
                    .build())
            .item();
    long version = AccountItem.holdVersion(account);
    List<CallHold> active =
        dynamoDb
            .queryPaginator(
                QueryRequest.builder()
                    .tableName(tableName)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :holds)")
                    .expressionAttributeValues(
                        Map.of(
                            ":pk", s(LedgerKeys.org(orgId)), ":holds", s(LedgerKeys.HOLD_PREFIX)))
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
                      .update(AccountItem.nextHoldVersion(tableName, hold.orgId(), expectedVersion))
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
        Attr.string(item, LedgerKeys.SK).substring(LedgerKeys.HOLD_PREFIX.length()),
        new Money(currency, Attr.number(item, "amountMicros", 0)),
        (int) Attr.number(item, "minutes", 0),
        Instant.parse(Attr.string(item, "holdExpiresAt")));
  }
}
