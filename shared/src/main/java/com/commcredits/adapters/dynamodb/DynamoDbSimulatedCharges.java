package com.commcredits.adapters.dynamodb;

import static com.commcredits.adapters.dynamodb.Attr.bool;
import static com.commcredits.adapters.dynamodb.Attr.n;
import static com.commcredits.adapters.dynamodb.Attr.s;

import com.commcredits.adapters.payment.SimulatedCharge;
import com.commcredits.adapters.payment.SimulatedCharges;
import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
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

/**
 * The simulated provider's charges in the ledger table ({@code SIMCHARGE#<orgId>} / {@code
 * <idempotencyKey>}), written only if absent so that one key never makes a second charge, even when
 * two invocations race.
 */
public final class DynamoDbSimulatedCharges implements SimulatedCharges {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbSimulatedCharges(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public Optional<SimulatedCharge> recordFirst(SimulatedCharge charge) {
    try {
      dynamoDb.putItem(
          PutItemRequest.builder()
              .tableName(tableName)
              .item(toItem(charge))
              .conditionExpression("attribute_not_exists(pk)")
              .build());
      return Optional.empty();
    } catch (ConditionalCheckFailedException keptBefore) {
      return Optional.of(
          find(charge.orgId(), charge.idempotencyKey())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "charge " + charge.idempotencyKey() + " exists but cannot be read")));
    }
  }

  @Override
  public Optional<SimulatedCharge> find(String orgId, String idempotencyKey) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                GetItemRequest.builder()
                    .tableName(tableName)
                    .key(LedgerKeys.simulatedCharge(orgId, idempotencyKey))
                    .consistentRead(true)
                    .build())
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public List<SimulatedCharge> all(String orgId) {
    List<SimulatedCharge> charges = new ArrayList<>();
    Map<String, AttributeValue> startKey = null;
    do {
      var page =
          dynamoDb.query(
              QueryRequest.builder()
                  .tableName(tableName)
                  .keyConditionExpression("pk = :pk")
                  .expressionAttributeValues(Map.of(":pk", s(LedgerKeys.simulatedCharges(orgId))))
                  .consistentRead(true)
                  .exclusiveStartKey(startKey)
                  .build());
      page.items().forEach(item -> charges.add(fromItem(item)));
      startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (startKey != null);
    charges.sort(Comparator.comparing(SimulatedCharge::at));
    return charges;
  }

  private static Map<String, AttributeValue> toItem(SimulatedCharge charge) {
    Map<String, AttributeValue> item =
        new HashMap<>(LedgerKeys.simulatedCharge(charge.orgId(), charge.idempotencyKey()));
    item.put("orgId", s(charge.orgId()));
    item.put("idempotencyKey", s(charge.idempotencyKey()));
    item.put("kind", s(charge.kind().name()));
    item.put("code", s(charge.code()));
    item.put("message", s(charge.message()));
    item.put("amountMicros", n(charge.amount().micros()));
    item.put("currency", s(charge.amount().currency().getCurrencyCode()));
    if (charge.paymentId() != null) {
      item.put("paymentId", s(charge.paymentId()));
    }
    item.put("replyLost", bool(charge.replyLost()));
    item.put("at", s(charge.at().toString()));
    return item;
  }

  private static SimulatedCharge fromItem(Map<String, AttributeValue> item) {
    return new SimulatedCharge(
        Attr.string(item, "orgId"),
        Attr.string(item, "idempotencyKey"),
        SimulatedCharge.Kind.valueOf(Attr.string(item, "kind")),
        Attr.string(item, "code"),
        Attr.string(item, "message"),
        new Money(
            Currency.getInstance(Attr.string(item, "currency")),
            Attr.number(item, "amountMicros", 0)),
        Attr.string(item, "paymentId"),
        Attr.flag(item, "replyLost"),
        Instant.parse(Attr.string(item, "at")));
  }
}
