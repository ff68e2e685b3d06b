package com.commcredits.adapters.dynamodb;

import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.account.OrgAccount;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Org accounts in the ledger table (see {@link LedgerKeys}). */
public final class DynamoDbAccounts implements Accounts {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbAccounts(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public Optional<OrgAccount> find(String orgId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                GetItemRequest.builder()
                    .tableName(tableName)
                    .key(LedgerKeys.account(orgId))
                    .consistentRead(true)
                    .build())
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(AccountItem.fromItem(item));
  }

  @Override
  public boolean open(OrgAccount account) {
    if (!account.balance().isZero()) {
      throw new IllegalArgumentException("an account opens at zero; fund it through the ledger");
    }
    try {
      dynamoDb.putItem(
          PutItemRequest.builder()
              .tableName(tableName)
              .item(AccountItem.toItem(account))
              .conditionExpression("attribute_not_exists(pk)")
              .build());
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }
}
