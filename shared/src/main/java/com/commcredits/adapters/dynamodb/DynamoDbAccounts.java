package com.commcredits.adapters.dynamodb;

import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

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

  @Override
  public boolean updateLicences(String orgId, OrgLicences licences) {
    return update(
        orgId,
        "SET " + LicencesItem.ATTRIBUTE + " = :licences",
        new HashMap<>(Map.of(":licences", LicencesItem.toAttribute(licences))));
  }

  @Override
  public boolean updateAutoRecharge(String orgId, AutoRecharge autoRecharge) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":enabled", Attr.bool(autoRecharge.enabled()));
    values.put(":amount", Attr.n(autoRecharge.amount().micros()));
    values.put(":trigger", Attr.n(autoRecharge.trigger().micros()));
    values.put(":currency", Attr.s(autoRecharge.amount().currency().getCurrencyCode()));
    List<String> set =
        new ArrayList<>(
            List.of(
                "autoRechargeEnabled = :enabled",
                "rechargeAmountMicros = :amount",
                "rechargeTriggerMicros = :trigger"));
    List<String> remove = new ArrayList<>();
    if (autoRecharge.pausedReason() == null) {
      remove.add("rechargePausedReason");
    } else {
      set.add("rechargePausedReason = :paused");
      values.put(":paused", Attr.s(autoRecharge.pausedReason()));
    }
    PaymentMethod card = autoRecharge.paymentMethod();
    if (card == null) {
      remove.addAll(List.of("paymentMethodToken", "cardBrand", "cardLast4", "cardExpires"));
    } else {
      set.addAll(
          List.of(
              "paymentMethodToken = :token",
              "cardBrand = :brand",
              "cardLast4 = :last4",
              "cardExpires = :expires"));
      values.put(":token", Attr.s(card.token()));
      values.put(":brand", Attr.s(card.brand()));
      values.put(":last4", Attr.s(card.last4()));
      values.put(":expires", Attr.s(card.expires().toString()));
    }
    String update =
        "SET "
            + String.join(", ", set)
            + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
    return update(orgId, update, values);
  }

  @Override
  public boolean updateMonthlyCap(String orgId, Money monthlyCap) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(
        ":currency", Attr.s(monthlyCap == null ? "" : monthlyCap.currency().getCurrencyCode()));
    if (monthlyCap == null) {
      return update(orgId, "REMOVE monthlyCapMicros", Map.of());
    }
    values.put(":cap", Attr.n(monthlyCap.micros()));
    return update(orgId, "SET monthlyCapMicros = :cap", values);
  }

  /** Updates the account item, only if it exists and is kept in the amounts' currency. */
  private boolean update(String orgId, String update, Map<String, AttributeValue> values) {
    boolean checksCurrency = values.containsKey(":currency");
    try {
      var request =
          UpdateItemRequest.builder()
              .tableName(tableName)
              .key(LedgerKeys.account(orgId))
              .updateExpression(update)
              .conditionExpression(
                  checksCurrency
                      ? "attribute_exists(pk) AND currency = :currency"
                      : "attribute_exists(pk)");
      if (!values.isEmpty()) {
        request.expressionAttributeValues(values);
      }
      dynamoDb.updateItem(request.build());
      return true;
    } catch (ConditionalCheckFailedException noSuchAccount) {
      return false;
    }
  }
}
