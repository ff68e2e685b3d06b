package com.commcredits.adapters.dynamodb;

import static com.commcredits.adapters.dynamodb.Attr.n;
import static com.commcredits.adapters.dynamodb.Attr.s;

import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.funding.BalanceSnapshot;
import com.commcredits.domain.funding.FundingState;
import com.commcredits.domain.funding.FundingStore;
import com.commcredits.domain.funding.RechargeAttempt;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Funding state on the account item and recharge attempts beside it (pk {@code ORG#<orgId>}, sk
 * {@code RECHARGE#<attemptId>}). Every write is conditional on the state it was decided from.
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
    Map<String, AttributeValue> item = get(LedgerKeys.account(orgId));
    if (item == null) {
      return Optional.empty();
    }
    var account = AccountItem.fromItem(item);
    Currency currency = account.currency();
    String month = Attr.string(item, "rechargeMonth");
    AttributeValue cap = item.get("monthlyCapMicros");
    String warnedFor = Attr.string(item, "cardExpiryWarnedFor");
    return Optional.of(
        new BalanceSnapshot(
            account,
            new FundingState(
                Attr.string(item, "rechargeInFlight"),
                Attr.number(item, "rechargeSequence", 0),
                Attr.flag(item, "lowBalanceWarned"),
                Attr.number(item, "lowBalanceWarnings", 0),
                Attr.number(item, "zeroCrossings", 0),
                Attr.stringList(item, "recentRecharges").stream().map(Instant::parse).toList(),
                month == null ? null : YearMonth.parse(month),
                new Money(currency, Attr.number(item, "rechargedThisMonthMicros", 0)),
                cap == null ? null : new Money(currency, Long.parseLong(cap.n())),
                warnedFor == null ? null : YearMonth.parse(warnedFor))));
  }

  @Override
  public boolean changeServiceState(String orgId, ServiceState from, ServiceState to, Instant at) {
    String update =
        "SET serviceState = :to, serviceStateChangedAt = :at"
            + (to == ServiceState.SUSPENDED ? " ADD zeroCrossings :one" : "");
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":to", s(to.name()));
    values.put(":from", s(from.name()));
    values.put(":at", s(at.toString()));
    if (to == ServiceState.SUSPENDED) {
      values.put(":one", n(1));
    }
    return updateAccount(orgId, update, "serviceState = :from", values);
  }

  @Override
  public boolean changeLowBalanceWarned(String orgId, boolean from, boolean to) {
    String update = "SET lowBalanceWarned = :to" + (to ? " ADD lowBalanceWarnings :one" : "");
    String condition =
        from
            ? "lowBalanceWarned = :true"
            : "attribute_exists(pk) AND (attribute_not_exists(lowBalanceWarned) OR lowBalanceWarned = :false)";
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":to", Attr.bool(to));
    values.put(from ? ":true" : ":false", Attr.bool(from));
    if (to) {
      values.put(":one", n(1));
    }
    return updateAccount(orgId, update, condition, values);
  }

  @Override
  public boolean markCardExpiryWarned(String orgId, YearMonth expires) {
    return updateAccount(
        orgId,
        "SET cardExpiryWarnedFor = :expires",
        "attribute_exists(pk) AND (attribute_not_exists(cardExpiryWarnedFor)"
            + " OR cardExpiryWarnedFor <> :expires)",
        Map.of(":expires", s(expires.toString())));
  }

  @Override
  public boolean openRecharge(RechargeAttempt attempt, long expectedSequence) {
    String sequenceIsExpected =
        expectedSequence == 0
            ? "(attribute_not_exists(rechargeSequence) OR rechargeSequence = :expected)"
            : "rechargeSequence = :expected";
    return transact(
        putAttempt(attempt, "attribute_not_exists(pk)", Map.of()),
        accountUpdate(
            attempt.orgId(),
            "SET rechargeInFlight = :attempt, rechargeSequence = :next",
            "attribute_exists(pk) AND attribute_not_exists(rechargeInFlight) AND "
                + sequenceIsExpected,
            Map.of(
                ":attempt", s(attempt.attemptId()),
                ":next", n(expectedSequence + 1),
                ":expected", n(expectedSequence))));
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
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":amount", n(entry.amount().micros()));
    values.put(":currency", s(entry.amount().currency().getCurrencyCode()));
    values.put(":attempt", s(succeeded.attemptId()));
    values.put(":at", s(entry.at().toString()));
    values.put(
        ":recent", Attr.strings(after.recentRecharges().stream().map(Instant::toString).toList()));
    values.put(":month", s(after.rechargeMonth().toString()));
    values.put(":monthTotal", n(after.rechargedThisMonth().micros()));
    return transact(
        DynamoDbLedger.putIfAbsent(
            tableName, DynamoDbLedger.entryItem(entry), ReturnValuesOnConditionCheckFailure.NONE),
        putAttempt(succeeded, "#status = :charging", Map.of(":charging", s("CHARGING"))),
        accountUpdate(
            succeeded.orgId(),
            "ADD balanceMicros :amount SET updatedAt = :at, recentRecharges = :recent,"
                + " rechargeMonth = :month, rechargedThisMonthMicros = :monthTotal"
                + " REMOVE rechargeInFlight",
            "rechargeInFlight = :attempt AND currency = :currency",
            values));
  }

  @Override
  public boolean closeRecharge(
      RechargeAttempt closed, RechargeAttempt.Status expected, String pauseReason) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":attempt", s(closed.attemptId()));
    String update = "REMOVE rechargeInFlight";
    if (pauseReason != null) {
      update = "SET rechargePausedReason = :reason " + update;
      values.put(":reason", s(pauseReason));
    }
    return transact(
        putAttempt(closed, "#status = :expected", Map.of(":expected", s(expected.name()))),
        accountUpdate(closed.orgId(), update, "rechargeInFlight = :attempt", values));
  }

  private boolean updateAccount(
      String orgId, String update, String condition, Map<String, AttributeValue> values) {
    try {
      dynamoDb.updateItem(
          UpdateItemRequest.builder()
              .tableName(tableName)
              .key(LedgerKeys.account(orgId))
              .updateExpression(update)
              .conditionExpression(condition)
              .expressionAttributeValues(values)
              .build());
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

  private TransactWriteItem accountUpdate(
      String orgId, String update, String condition, Map<String, AttributeValue> values) {
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(tableName)
                .key(LedgerKeys.account(orgId))
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeValues(values)
                .build())
        .build();
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
    return LedgerKeys.key(LedgerKeys.org(orgId), "RECHARGE#" + attemptId);
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
        Attr.string(item, "paymentId"));
  }
}
