package com.commcredits.adapters.dynamodb;

import static com.commcredits.adapters.dynamodb.Attr.s;

import com.commcredits.domain.authorize.CallRestrictions;
import com.commcredits.domain.authorize.CallRestrictionsStore;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** An org's call restrictions beside its account ({@code ORG#<org>} / {@code RESTRICTIONS}). */
public final class DynamoDbCallRestrictions implements CallRestrictionsStore {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbCallRestrictions(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  private static Map<String, AttributeValue> key(String orgId) {
    return LedgerKeys.callRestrictions(orgId);
  }

  @Override
  public CallRestrictions of(String orgId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(GetItemRequest.builder().tableName(tableName).key(key(orgId)).build())
            .item();
    if (item == null || item.isEmpty()) {
      return CallRestrictions.NONE_SET;
    }
    return new CallRestrictions(
        CallRestrictions.DialOut.valueOf(Attr.string(item, "dialOutDefault")),
        policies(item, "organizers", CallRestrictions.DialOut::valueOf),
        CallRestrictions.UserCalls.valueOf(Attr.string(item, "userCallsDefault")),
        policies(item, "users", CallRestrictions.UserCalls::valueOf));
  }

  @Override
  public void save(String orgId, CallRestrictions restrictions) {
    Map<String, AttributeValue> item = new HashMap<>(key(orgId));
    item.put("dialOutDefault", s(restrictions.dialOutDefault().name()));
    item.put("userCallsDefault", s(restrictions.userCallsDefault().name()));
    item.put("organizers", names(restrictions.organizers()));
    item.put("users", names(restrictions.users()));
    dynamoDb.putItem(PutItemRequest.builder().tableName(tableName).item(item).build());
  }

  private static AttributeValue names(Map<String, ? extends Enum<?>> policies) {
    return AttributeValue.fromM(
        policies.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue().name()))));
  }

  private static <P> Map<String, P> policies(
      Map<String, AttributeValue> item, String name, Function<String, P> parse) {
    AttributeValue value = item.get(name);
    if (value == null || !value.hasM()) {
      return Map.of();
    }
    return value.m().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> parse.apply(e.getValue().s())));
  }
}
