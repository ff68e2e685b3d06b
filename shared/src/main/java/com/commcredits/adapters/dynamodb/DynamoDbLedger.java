package com.commcredits.adapters.dynamodb;

import static com.commcredits.adapters.dynamodb.Attr.bool;
import static com.commcredits.adapters.dynamodb.Attr.n;
import static com.commcredits.adapters.dynamodb.Attr.s;

import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.CreditOutcome;
import com.commcredits.domain.ledger.DebitOutcome;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.ledger.Ledger;
import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.licences.PoolDraw;
import com.commcredits.domain.licences.PoolUsage;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.CallCharge;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The credit ledger in DynamoDB. Every balance change is one transaction that writes the ledger
 * entry (only if absent) and adds its amount to the account's balance, so the balance always equals
 * the sum of the entries and a repeated change is refused whole.
 */
public final class DynamoDbLedger implements Ledger {

  private static final String CONDITION_FAILED = "ConditionalCheckFailed";
  private static final String MINUTES_USED = "minutesUsed";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbLedger(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public DebitOutcome debit(CallCharge charge, Instant at) {
    CallRecord call = charge.call();
    String fingerprint = call.fingerprint();
    LedgerEntry entry =
        new LedgerEntry(
            call.orgId(),
            EntryKind.CALL_CHARGE,
            call.usageId(),
            charge.amount().negate(),
            at,
            charge.rateRef());
    Map<String, AttributeValue> claim = new HashMap<>(LedgerKeys.usageClaim(call.usageId()));
    claim.put("orgId", s(call.orgId()));
    claim.put("fingerprint", s(fingerprint));
    claim.put("entryId", s(entry.entryId()));
    claim.put("at", s(at.toString()));
    Map<String, AttributeValue> entryItem = entryItem(entry);
    entryItem.putAll(chargeAttributes(charge, fingerprint));
    try {
      dynamoDb.transactWriteItems(
          TransactWriteItemsRequest.builder()
              .transactItems(
                  releasingHold(
                      call,
                      withPoolDraw(
                          charge,
                          putIfAbsent(
                              tableName, claim, ReturnValuesOnConditionCheckFailure.ALL_OLD),
                          putIfAbsent(
                              tableName, entryItem, ReturnValuesOnConditionCheckFailure.NONE),
                          addToBalance(entry))))
              .build());
      return new DebitOutcome.Debited(entry);
    } catch (TransactionCanceledException cancelled) {
      List<CancellationReason> reasons = cancelled.cancellationReasons();
      if (failed(reasons, 0)) {
        Map<String, AttributeValue> existing = existingClaim(reasons.get(0), call.usageId());
        return fingerprint.equals(Attr.string(existing, "fingerprint"))
            ? new DebitOutcome.AlreadyDebited(call.usageId())
            : new DebitOutcome.UsageIdConflict(call.usageId(), Attr.string(existing, "orgId"));
      }
      if (failed(reasons, 2)) {
        return new DebitOutcome.UnknownAccount(call.orgId());
      }
      if (charge.poolDraw().isPresent() && failed(reasons, 3)) {
        return new DebitOutcome.PoolUsageChanged(call.usageId(), charge.poolDraw().get().poolId());
      }
      throw cancelled;
    }
  }

  @Override
  public PoolUsage poolUsage(String orgId, YearMonth month) {
    Map<String, Long> used = new HashMap<>();
    String prefix = LedgerKeys.poolPrefix(month);
    Map<String, AttributeValue> startKey = null;
    do {
      var page =
          dynamoDb.query(
              QueryRequest.builder()
                  .tableName(tableName)
                  .keyConditionExpression("pk = :pk AND begins_with(sk, :pools)")
                  .expressionAttributeValues(
                      Map.of(":pk", s(LedgerKeys.org(orgId)), ":pools", s(prefix)))
                  .consistentRead(true)
                  .exclusiveStartKey(startKey)
                  .build());
      page.items()
          .forEach(
              item ->
                  used.put(
                      Attr.string(item, LedgerKeys.SK).substring(prefix.length()),
                      Attr.number(item, MINUTES_USED, 0)));
      startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (startKey != null);
    return new PoolUsage(orgId, month, used);
  }

  /**
   * The debit's writes, and with a pool draw a fourth: add the minutes to the month's pool only if
   * the pool then stays within its size, so two calls cannot both take its last minutes.
   */
  /**
   * Charging a call ends the hold its authorization placed, if any: the charge is in the balance
   * now. Last in the transaction, so the cancellation reasons above keep their places.
   */
  private TransactWriteItem[] releasingHold(CallRecord call, TransactWriteItem... writes) {
    TransactWriteItem[] all = java.util.Arrays.copyOf(writes, writes.length + 1);
    all[writes.length] =
        TransactWriteItem.builder()
            .delete(
                Delete.builder()
                    .tableName(tableName)
                    .key(DynamoDbCallHolds.holdKey(call.orgId(), call.callId()))
                    .build())
            .build();
    return all;
  }

  private TransactWriteItem[] withPoolDraw(CallCharge charge, TransactWriteItem... writes) {
    if (charge.poolDraw().isEmpty()) {
      return writes;
    }
    PoolDraw draw = charge.poolDraw().get();
    TransactWriteItem[] all = java.util.Arrays.copyOf(writes, writes.length + 1);
    all[writes.length] =
        TransactWriteItem.builder()
            .update(
                Update.builder()
                    .tableName(tableName)
                    .key(LedgerKeys.pool(charge.orgId(), draw.month(), draw.poolId()))
                    .updateExpression(
                        "ADD #used :minutes SET #size = :size, #capability = :capability")
                    .conditionExpression("attribute_not_exists(#used) OR #used <= :limit")
                    .expressionAttributeNames(
                        Map.of(
                            "#used", MINUTES_USED,
                            "#size", "poolSize",
                            "#capability", "capability"))
                    .expressionAttributeValues(
                        Map.of(
                            ":minutes", n(draw.minutes()),
                            ":size", n(draw.poolSize()),
                            ":capability", s(draw.capability()),
                            ":limit", n(draw.poolSize() - draw.minutes())))
                    .build())
            .build();
    return all;
  }

  @Override
  public CreditOutcome credit(Credit credit) {
    LedgerEntry entry = credit.toEntry();
    try {
      dynamoDb.transactWriteItems(
          TransactWriteItemsRequest.builder()
              .transactItems(
                  putIfAbsent(
                      tableName, entryItem(entry), ReturnValuesOnConditionCheckFailure.NONE),
                  addToBalance(entry))
              .build());
      return new CreditOutcome.Credited(entry);
    } catch (TransactionCanceledException cancelled) {
      List<CancellationReason> reasons = cancelled.cancellationReasons();
      if (failed(reasons, 0)) {
        return new CreditOutcome.AlreadyCredited(credit.sourceId());
      }
      if (failed(reasons, 1)) {
        return new CreditOutcome.UnknownAccount(credit.orgId());
      }
      throw cancelled;
    }
  }

  @Override
  public List<LedgerEntry> entries(String orgId) {
    List<LedgerEntry> entries = new ArrayList<>();
    dynamoDb
        .queryPaginator(
            QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :entries)")
                .expressionAttributeValues(
                    Map.of(
                        ":pk", s(LedgerKeys.org(orgId)),
                        ":entries", s(LedgerKeys.ENTRY_PREFIX)))
                .consistentRead(true)
                .build())
        .items()
        .forEach(item -> entries.add(fromEntryItem(orgId, item)));
    entries.sort(Comparator.comparing(LedgerEntry::at).thenComparing(LedgerEntry::entryId));
    return entries;
  }

  static TransactWriteItem putIfAbsent(
      String tableName,
      Map<String, AttributeValue> item,
      ReturnValuesOnConditionCheckFailure returnOnFailure) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(tableName)
                .item(item)
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(returnOnFailure)
                .build())
        .build();
  }

  private TransactWriteItem addToBalance(LedgerEntry entry) {
    return TransactWriteItem.builder().update(AccountItem.addToBalance(tableName, entry)).build();
  }

  private Map<String, AttributeValue> existingClaim(CancellationReason reason, String usageId) {
    if (reason.hasItem() && !reason.item().isEmpty()) {
      return reason.item();
    }
    return dynamoDb
        .getItem(
            GetItemRequest.builder()
                .tableName(tableName)
                .key(LedgerKeys.usageClaim(usageId))
                .consistentRead(true)
                .build())
        .item();
  }

  static boolean failed(List<CancellationReason> reasons, int index) {
    return reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
  }

  static Map<String, AttributeValue> entryItem(LedgerEntry entry) {
    Map<String, AttributeValue> item =
        new HashMap<>(LedgerKeys.entry(entry.orgId(), entry.entryId()));
    item.put("kind", s(entry.kind().name()));
    item.put("sourceId", s(entry.sourceId()));
    item.put("amountMicros", n(entry.amount().micros()));
    item.put("currency", s(entry.amount().currency().getCurrencyCode()));
    item.put("at", s(entry.at().toString()));
    item.put("memo", s(entry.memo()));
    return item;
  }

  /** The audit trail of a call charge: the call record as received and the rate that priced it. */
  private static Map<String, AttributeValue> chargeAttributes(
      CallCharge charge, String fingerprint) {
    CallRecord call = charge.call();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("fingerprint", s(fingerprint));
    item.put("callId", s(call.callId()));
    if (call.conferenceId() != null) {
      item.put("conferenceId", s(call.conferenceId()));
    }
    item.put("userPrincipalName", s(call.userPrincipalName()));
    if (call.userDisplayName() != null) {
      item.put("userDisplayName", s(call.userDisplayName()));
    }
    if (call.userId() != null) {
      item.put("userId", s(call.userId()));
    }
    item.put("userLocation", s(call.userLocation()));
    item.put("callType", s(call.callType().code()));
    item.put("numberType", s(call.numberType().code()));
    item.put("callerNumber", s(call.callerNumber()));
    item.put("calleeNumber", s(call.calleeNumber()));
    item.put("startTime", s(call.startTime().toString()));
    item.put("endTime", s(call.endTime().toString()));
    item.put("durationSeconds", n(call.durationSeconds()));
    item.put("billedSeconds", n(charge.billedSeconds()));
    item.put("chargeMicros", n(charge.amount().micros()));
    item.put("ratePerMinuteMicros", n(charge.ratePerMinute().micros()));
    item.put("connectionFeeMicros", n(charge.connectionFee().micros()));
    item.put("rateRef", s(charge.rateRef()));
    item.put("destinationCountry", s(charge.destinationCountry()));
    item.put("international", bool(charge.international()));
    item.put("capability", s(charge.capability()));
    item.put("destinationKind", s(charge.destinationKind().name()));
    item.put("premium", bool(charge.premium()));
    charge
        .poolDraw()
        .ifPresent(
            draw -> {
              item.put("poolId", s(draw.poolId()));
              item.put("poolMonth", s(draw.month().toString()));
              item.put("poolMinutes", n(draw.minutes()));
            });
    return item;
  }

  private static LedgerEntry fromEntryItem(String orgId, Map<String, AttributeValue> item) {
    Currency currency = Currency.getInstance(Attr.string(item, "currency"));
    return new LedgerEntry(
        orgId,
        EntryKind.valueOf(Attr.string(item, "kind")),
        Attr.string(item, "sourceId"),
        new Money(currency, Attr.number(item, "amountMicros", 0)),
        Instant.parse(Attr.string(item, "at")),
        Attr.string(item, "memo"));
  }
}
