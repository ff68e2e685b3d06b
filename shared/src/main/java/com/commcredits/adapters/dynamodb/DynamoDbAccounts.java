package com.commcredits.adapters.dynamodb;

import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

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
                    .key(AccountItem.key(orgId))
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
    Put open = AccountItem.open(tableName, account);
    try {
      dynamoDb.putItem(
          PutItemRequest.builder()
              .tableName(open.tableName())
              .item(open.item())
              .conditionExpression(open.conditionExpression())
              .build());
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  @Override
  public boolean updateLicences(String orgId, OrgLicences licences) {
    return update(AccountItem.setLicences(tableName, orgId, licences));
  }

  @Override
  public boolean updateAutoRecharge(String orgId, AutoRecharge autoRecharge) {
    return update(AccountItem.setAutoRecharge(tableName, orgId, autoRecharge));
  }

  @Override
  public boolean updateMonthlyCap(String orgId, Money monthlyCap) {
    return update(AccountItem.setMonthlyCap(tableName, orgId, monthlyCap));
  }

  /** Applies the update; false if its condition (the account exists, its currency) failed. */
  private boolean update(Update update) {
    try {
      dynamoDb.updateItem(AccountItem.asRequest(update));
      return true;
    } catch (ConditionalCheckFailedException noSuchAccount) {
      return false;
    }
  }

  /**
   * Maps a sample account to its item and back, as reading a found account does: SnapStart priming
   * (issue 10), where the priming org's read finds nothing. Touches no table.
   */
  public static void primeItemMapping(OrgAccount sample) {
    Map<String, AttributeValue> item = AccountItem.toItem(sample);
    AccountItem.fromItem(item);
    AccountItem.fundingFrom(item);
  }
}
