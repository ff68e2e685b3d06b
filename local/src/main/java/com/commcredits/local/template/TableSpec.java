package com.commcredits.local.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::DynamoDB::Table}.
 *
 * @param attributeTypes attribute name to its type (S, N or B), in template order
 * @param tableName the explicit {@code TableName} expression, when the template sets one
 * @param timeToLiveAttribute set when the template enables TTL
 */
public record TableSpec(
    String logicalId,
    Optional<Object> tableName,
    List<KeyElement> keySchema,
    Map<String, String> attributeTypes,
    List<SecondaryIndexSpec> globalSecondaryIndexes,
    Optional<String> timeToLiveAttribute) {

  public TableSpec {
    keySchema = List.copyOf(keySchema);
    attributeTypes = Map.copyOf(attributeTypes);
    globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
  }
}
