package com.commcredits.adapters.dynamodb;

import static com.commcredits.adapters.dynamodb.Attr.n;
import static com.commcredits.adapters.dynamodb.Attr.s;

import com.commcredits.domain.account.PauseReason;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.funding.BalanceSnapshot;
import com.commcredits.domain.funding.CreditPurchase;
import com.commcredits.domain.funding.FundingState;
import com.commcredits.domain.funding.FundingStore;
import com.commcredits.domain.funding.PurchaseOutcome;
import com.commcredits.domain.funding.RechargeAttempt;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Funding state on the account item, recharge attempts and credit purchases beside it (pk {@code
 * ORG#<orgId>}, sk {@code RECHARGE#<attemptId>}, {@code PURCHASE#<purchaseId>}). Every write is
 * conditional on the state it was decided from.
 */
public final class DynamoDbFundingStore implements FundingStore {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbFundingStore(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public Optional<BalanceSnapshot> snapshot(String orgId) {
    Map<String, AttributeValue> item = get(AccountItem.key(orgId));
    if (item == null) {
      return Optional.empty();
    }
    return Optional.of(
        new BalanceSnapshot(AccountItem.fromItem(item), AccountItem.fundingFrom(item)));
  }

  @Override
  public boolean changeServiceState(String orgId, ServiceState from, ServiceState to, Instant at) {
    return updateAccount(AccountItem.changeServiceState(tableName, orgId, from, to, at));
  }

  @Override
  public boolean changeLowBalanceWarned(String orgId, boolean from, boolean to) {
    return updateAccount(AccountItem.changeLowBalanceWarned(tableName, orgId, from, to));
  }

  @Override
  public boolean markCardExpiryWarned(String orgId, YearMonth expires) {
    return updateAccount(AccountItem.markCardExpiryWarned(tableName, orgId, expires));
  }

  @Override
  public boolean openRecharge(RechargeAttempt attempt, long expectedSequence) {
    return transact(
        putAttempt(attempt, "attribute_not_exists(pk)", Map.of()),
        accountUpdate(
            AccountItem.openRecharge(
                tableName, attempt.orgId(), attempt.attemptId(), expectedSequence)));
  }

  @Override
  public Optional<RechargeAttempt> attempt(String orgId, String attemptId) {
    Map<String, AttributeValue> item = get(attemptKey(orgId, attemptId));
    return item == null ? Optional.empty() : Optional.of(fromAttemptItem(item));
  }

  @Override
  public boolean updateAttempt(
      RechargeAttempt updated, RechargeAttempt.Status expected, int expectedTries) {
    try {
      dynamoDb.putItem(
          PutItemRequest.builder()
              .tableName(tableName)
              .item(attemptItem(updated))
              .conditionExpression("#status = :expected AND tries = :tries")
              .expressionAttributeNames(Map.of("#status", "status"))
              .expressionAttributeValues(
                  Map.of(":expected", s(expected.name()), ":tries", n(expectedTries)))
              .build());
      return true;
    } catch (ConditionalCheckFailedException lostRace) {
      return false;
    }
  }

  @Override
  public boolean completeRecharge(RechargeAttempt succeeded, Credit credit, FundingState after) {
    LedgerEntry entry = credit.toEntry();
    return transact(
        DynamoDbLedger.putIfAbsent(
            tableName, DynamoDbLedger.entryItem(entry), ReturnValuesOnConditionCheckFailure.NONE),
        putAttempt(succeeded, "#status = :charging", Map.of(":charging", s("CHARGING"))),
        accountUpdate(
            AccountItem.completeRecharge(tableName, succeeded.attemptId(), entry, after)));
  }

  @Override
  public boolean closeRecharge(
      RechargeAttempt closed, RechargeAttempt.Status expected, PauseReason pauseReason) {
    return transact(
        putAttempt(closed, "#status = :expected", Map.of(":expected", s(expected.name()))),
        accountUpdate(
            AccountItem.closeRecharge(tableName, closed.orgId(), closed.attemptId(), pauseReason)));
  }

  @Override
  public boolean pauseAutoRecharge(String orgId, PauseReason reason) {
    return updateAccount(AccountItem.pause(tableName, orgId, reason));
  }

  @Override
  public boolean liftPause(String orgId, PauseReason reason) {
    return updateAccount(AccountItem.liftPause(tableName, orgId, reason));
  }

  @Override
  public Optional<CreditPurchase> purchase(String orgId, String purchaseId) {
    Map<String, AttributeValue> item = get(LedgerKeys.purchase(orgId, purchaseId));
    return item == null ? Optional.empty() : Optional.of(fromPurchaseItem(item));
  }

  @Override
  public List<CreditPurchase> openPurchases(String orgId) {
    return dynamoDb
        .queryPaginator(
            QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :purchases)")
                // Read and paid for per purchase item all the same; an org buys a few a month.
                .filterExpression("#status = :charging")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(
                    Map.of(
                        ":pk",
                        s(LedgerKeys.org(orgId)),
                        ":purchases",
                        s(LedgerKeys.PURCHASE_PREFIX),
                        ":charging",
                        s(CreditPurchase.Status.CHARGING.name())))
                .build())
        .items()
        .stream()
        .map(DynamoDbFundingStore::fromPurchaseItem)
        .toList();
  }

  @Override
  public boolean openPurchase(CreditPurchase charging) {
    try {
      dynamoDb.putItem(
          PutItemRequest.builder()
              .tableName(tableName)
              .item(purchaseItem(charging))
              .conditionExpression("attribute_not_exists(pk)")
              .build());
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  @Override
  public boolean completePurchase(CreditPurchase succeeded, Credit credit) {
    LedgerEntry entry = credit.toEntry();
    return transact(
        DynamoDbLedger.putIfAbsent(
            tableName, DynamoDbLedger.entryItem(entry), ReturnValuesOnConditionCheckFailure.NONE),
        putPurchaseIfCharging(succeeded),
        accountUpdate(AccountItem.addToBalance(tableName, entry)));
  }

  @Override
  public boolean closePurchase(CreditPurchase declined) {
    return transact(putPurchaseIfCharging(declined));
  }

  private TransactWriteItem putPurchaseIfCharging(CreditPurchase purchase) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(tableName)
                .item(purchaseItem(purchase))
                .conditionExpression("#status = :charging")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(
                    Map.of(":charging", s(CreditPurchase.Status.CHARGING.name())))
                .build())
        .build();
  }

  private static Map<String, AttributeValue> purchaseItem(CreditPurchase purchase) {
    Map<String, AttributeValue> item =
        new HashMap<>(LedgerKeys.purchase(purchase.orgId(), purchase.purchaseId()));
    item.put("orgId", s(purchase.orgId()));
    item.put("purchaseId", s(purchase.purchaseId()));
    item.put("amountMicros", n(purchase.amount().micros()));
    item.put("currency", s(purchase.amount().currency().getCurrencyCode()));
    item.put("status", s(purchase.status().name()));
    item.put("requestedAt", s(purchase.requestedAt().toString()));
    if (purchase.declineKind() != null) {
      item.put("declineKind", s(purchase.declineKind().name()));
    }
    if (purchase.code() != null) {
      item.put("code", s(purchase.code()));
    }
    if (purchase.paymentId() != null) {
      item.put("paymentId", s(purchase.paymentId()));
    }
    return item;
  }

  private static CreditPurchase fromPurchaseItem(Map<String, AttributeValue> item) {
    Currency currency = Currency.getInstance(Attr.string(item, "currency"));
    String kind = Attr.string(item, "declineKind");
    return new CreditPurchase(
        Attr.string(item, "orgId"),
        Attr.string(item, "purchaseId"),
        new Money(currency, Attr.number(item, "amountMicros", 0)),
        CreditPurchase.Status.valueOf(Attr.string(item, "status")),
        Instant.parse(Attr.string(item, "requestedAt")),
        kind == null ? null : PurchaseOutcome.DeclineKind.valueOf(kind),
        Attr.string(item, "code"),
        Attr.string(item, "paymentId"));
  }

  private boolean updateAccount(Update update) {
    try {
      dynamoDb.updateItem(AccountItem.asRequest(update));
      return true;
    } catch (ConditionalCheckFailedException lostRace) {
      return false;
    }
  }

  private boolean transact(TransactWriteItem... items) {
    try {
      dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
      return true;
    } catch (TransactionCanceledException cancelled) {
      boolean conditionFailed =
          cancelled.cancellationReasons().stream()
              .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
      if (conditionFailed) {
        return false;
      }
      throw cancelled;
    }
  }

  private static TransactWriteItem accountUpdate(Update update) {
    return TransactWriteItem.builder().update(update).build();
  }

  private TransactWriteItem putAttempt(
      RechargeAttempt attempt, String condition, Map<String, AttributeValue> values) {
    Put.Builder put =
        Put.builder()
            .tableName(tableName)
            .item(attemptItem(attempt))
            .conditionExpression(condition);
    if (condition.contains("#status")) {
      put.expressionAttributeNames(Map.of("#status", "status"));
    }
    if (!values.isEmpty()) {
      put.expressionAttributeValues(values);
    }
    return TransactWriteItem.builder().put(put.build()).build();
  }

  private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                GetItemRequest.builder().tableName(tableName).key(key).consistentRead(true).build())
            .item();
    return item == null || item.isEmpty() ? null : item;
  }

  private static Map<String, AttributeValue> attemptKey(String orgId, String attemptId) {
    return LedgerKeys.rechargeAttempt(orgId, attemptId);
  }

  private static Map<String, AttributeValue> attemptItem(RechargeAttempt attempt) {
    Map<String, AttributeValue> item =
        new HashMap<>(attemptKey(attempt.orgId(), attempt.attemptId()));
    item.put("orgId", s(attempt.orgId()));
    item.put("attemptId", s(attempt.attemptId()));
    item.put("amountMicros", n(attempt.amount().micros()));
    item.put("currency", s(attempt.amount().currency().getCurrencyCode()));
    item.put("status", s(attempt.status().name()));
    item.put("tries", n(attempt.tries()));
    item.put("requestedAt", s(attempt.requestedAt().toString()));
    if (attempt.nextTryAt() != null) {
      item.put("nextTryAt", s(attempt.nextTryAt().toString()));
    }
    if (attempt.lastCode() != null) {
      item.put("lastCode", s(attempt.lastCode()));
    }
    if (attempt.paymentId() != null) {
      item.put("paymentId", s(attempt.paymentId()));
    }
    item.put("unknownOutcomes", n(attempt.unknownOutcomes()));
    return item;
  }

  private static RechargeAttempt fromAttemptItem(Map<String, AttributeValue> item) {
    Currency currency = Currency.getInstance(Attr.string(item, "currency"));
    String next = Attr.string(item, "nextTryAt");
    return new RechargeAttempt(
        Attr.string(item, "orgId"),
        Attr.string(item, "attemptId"),
        new Money(currency, Attr.number(item, "amountMicros", 0)),
        RechargeAttempt.Status.valueOf(Attr.string(item, "status")),
        (int) Attr.number(item, "tries", 0),
        Instant.parse(Attr.string(item, "requestedAt")),
        next == null ? null : Instant.parse(next),
        Attr.string(item, "lastCode"),
        Attr.string(item, "paymentId"),
        (int) Attr.number(item, "unknownOutcomes", 0));
  }
}
