package com.commcredits.adapters.dynamodb;

import static com.commcredits.adapters.dynamodb.Attr.bool;
import static com.commcredits.adapters.dynamodb.Attr.n;
import static com.commcredits.adapters.dynamodb.Attr.s;

import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.CreditOutcome;
import com.commcredits.domain.ledger.DebitOutcome;
import com.commcredits.domain.ledger.Debits;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The credit ledger in DynamoDB. Every balance change is one transaction that writes its ledger
 * entries (each only if absent) and adds their amounts to the account's balance, so the balance
 * always equals the sum of the entries and a repeated change is refused whole. A call charge's
 * entry is keyed by its org and usage id ({@code ORG#<org>}/{@code ENTRY#CALL_CHARGE#<usageId>})
 * and is itself the record's claim: put if absent with the record's fingerprint, so a redelivery
 * fails its condition and is "already charged", another record under the same id is a conflict.
 * Call charges of one org are written together: one transaction with all their entries, their pool
 * draws, the holds they release (only while the account shows holds that may be active) and one
 * balance update. A cancellation names the items that failed: repeated records and pools drawn by
 * others are taken out and the rest written again; a transaction conflict is retried with jittered
 * back-off.
 */
public final class DynamoDbLedger implements Ledger {

  private static final String CONDITION_FAILED = "ConditionalCheckFailed";
  private static final String TRANSACTION_CONFLICT = "TransactionConflict";

  /**
   * Retries of a debit cancelled because another transaction held one of its items (on the service,
   * concurrent batches of one org meet on its account item); after them the records fail and SQS
   * brings them back.
   */
  static final int MAX_CONFLICT_RETRIES = 8;

  /** DynamoDB's limit on the items of one transaction. */
  static final int MAX_TRANSACTION_ITEMS = 100;

  static final long BASE_BACK_OFF_MILLIS = 10;
  static final long MAX_BACK_OFF_MILLIS = 500;
  private static final String MINUTES_USED = "minutesUsed";

  private final DynamoDbClient dynamoDb;
  private final String tableName;
  private final IntConsumer backOff;

  /** Orgs seen holding credit for authorized calls, and until when their holds may last. */
  private final Map<String, Instant> heldUntil = new ConcurrentHashMap<>();

  public DynamoDbLedger(DynamoDbClient dynamoDb, String tableName) {
    this(dynamoDb, tableName, DynamoDbLedger::sleepWithJitter);
  }

  /** With {@code backOff} told the number of each retry after a transaction conflict. */
  DynamoDbLedger(DynamoDbClient dynamoDb, String tableName, IntConsumer backOff) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
    this.backOff = backOff;
  }

  @Override
  public Debits debitAll(List<CallCharge> charges, Optional<Money> watchedLine, Instant at) {
    List<DebitOutcome> outcomes = new ArrayList<>();
    boolean mayHaveEndedBelow = false;
    int from = 0;
    while (from < charges.size()) {
      int to = from;
      int items = 1; // the balance update
      while (to < charges.size() && items + itemsOf(charges.get(to)) <= MAX_TRANSACTION_ITEMS) {
        items += itemsOf(charges.get(to));
        to++;
      }
      Debits part = debitInOneTransaction(charges.subList(from, to), watchedLine, at);
      outcomes.addAll(part.outcomes());
      mayHaveEndedBelow |= part.mayHaveEndedBelowLine();
      from = to;
    }
    return new Debits(outcomes, mayHaveEndedBelow);
  }

  /**
   * The most items a charge may take in its transaction: its entry, its pool draw and the release
   * of its call's hold (counted always: holds may turn out to be active only when the transaction
   * is written).
   */
  static int itemsOf(CallCharge charge) {
    return 2 + (charge.poolDraw().isPresent() ? 1 : 0);
  }

  private Debits debitInOneTransaction(
      List<CallCharge> charges, Optional<Money> watchedLine, Instant at) {
    String orgId = requireOneOrgDistinctWrites(charges);
    DebitOutcome[] outcomes = new DebitOutcome[charges.size()];
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < charges.size(); i++) {
      pending.add(i);
    }
    boolean watching = watchedLine.isPresent();
    boolean mayHaveEndedBelow = !watching;
    boolean releaseHolds = heldUntil.getOrDefault(orgId, Instant.EPOCH).isAfter(at);
    int conflicts = 0;
    while (!pending.isEmpty()) {
      List<CallCharge> writing = pending.stream().map(charges::get).toList();
      Money total = writing.stream().map(CallCharge::amount).reduce(Money::plus).orElseThrow();
      List<TransactWriteItem> items = new ArrayList<>();
      List<LedgerEntry> entries = new ArrayList<>();
      for (CallCharge charge : writing) {
        LedgerEntry entry = entryOf(charge, at);
        entries.add(entry);
        Map<String, AttributeValue> entryItem = entryItem(entry);
        entryItem.putAll(chargeAttributes(charge, charge.call().fingerprint()));
        items.add(putIfAbsent(tableName, entryItem, ReturnValuesOnConditionCheckFailure.ALL_OLD));
      }
      Map<Integer, Integer> poolItemOf = new HashMap<>();
      for (int k = 0; k < writing.size(); k++) {
        if (writing.get(k).poolDraw().isPresent()) {
          poolItemOf.put(items.size(), k);
          items.add(poolDraw(writing.get(k)));
        }
      }
      if (releaseHolds) {
        writing.stream()
            .map(charge -> charge.call().callId())
            .distinct()
            .forEach(callId -> items.add(releaseHold(orgId, callId)));
      }
      int accountItem = items.size();
      items.add(
          TransactWriteItem.builder()
              .update(
                  AccountItem.debitBalance(
                      tableName,
                      orgId,
                      total,
                      at,
                      watching ? watchedLine : Optional.empty(),
                      releaseHolds ? Optional.empty() : Optional.of(at)))
              .build());
      try {
        dynamoDb.transactWriteItems(
            TransactWriteItemsRequest.builder().transactItems(items).build());
        for (int k = 0; k < pending.size(); k++) {
          outcomes[pending.get(k)] = new DebitOutcome.Debited(entries.get(k));
        }
        break;
      } catch (TransactionCanceledException cancelled) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        if (reasons.stream().anyMatch(r -> TRANSACTION_CONFLICT.equals(r.code()))) {
          // Another writer held the org's account item (a hot org on the service): try again.
          conflicts++;
          if (conflicts > MAX_CONFLICT_RETRIES) {
            throw cancelled;
          }
          backOff.accept(conflicts);
          continue;
        }
        List<Integer> settled = new ArrayList<>();
        for (int k = 0; k < writing.size(); k++) {
          if (failed(reasons, k)) {
            Map<String, AttributeValue> existing = reasons.get(k).item();
            CallRecord call = writing.get(k).call();
            outcomes[pending.get(k)] =
                call.fingerprint().equals(Attr.string(existing, "fingerprint"))
                    ? new DebitOutcome.AlreadyDebited(call.usageId())
                    : new DebitOutcome.UsageIdConflict(call.usageId());
            settled.add(pending.get(k));
          }
        }
        for (var pool : poolItemOf.entrySet()) {
          if (failed(reasons, pool.getKey()) && !settled.contains(pending.get(pool.getValue()))) {
            CallCharge charge = writing.get(pool.getValue());
            outcomes[pending.get(pool.getValue())] =
                new DebitOutcome.PoolUsageChanged(
                    charge.usageId(), charge.poolDraw().orElseThrow().poolId());
            settled.add(pending.get(pool.getValue()));
          }
        }
        if (failed(reasons, accountItem)) {
          Map<String, AttributeValue> account = reasons.get(accountItem).item();
          Instant holdsUntil = AccountItem.holdsUntil(account);
          if (!AccountItem.isAccountIn(account, total.currency())) {
            for (int i : pending) {
              if (!settled.contains(i)) {
                outcomes[i] = new DebitOutcome.UnknownAccount(orgId);
              }
            }
            break;
          } else if (!releaseHolds && holdsUntil.isAfter(at)) {
            releaseHolds = true;
            heldUntil.put(orgId, holdsUntil);
          } else if (watching
              && AccountItem.balanceMicros(account) < watchedLine.get().micros() + total.micros()) {
            // These charges take the balance below the line: the check must look.
            watching = false;
            mayHaveEndedBelow = true;
          } else if (settled.isEmpty()) {
            throw cancelled;
          }
        } else if (settled.isEmpty()) {
          throw cancelled;
        }
        pending.removeAll(settled);
      }
    }
    return new Debits(Arrays.asList(outcomes), mayHaveEndedBelow);
  }

  private static String requireOneOrgDistinctWrites(List<CallCharge> charges) {
    if (charges.isEmpty()) {
      throw new IllegalArgumentException("nothing to debit");
    }
    String orgId = charges.get(0).orgId();
    Set<String> usageIds = new HashSet<>();
    Set<String> pools = new HashSet<>();
    for (CallCharge charge : charges) {
      if (!charge.orgId().equals(orgId)) {
        throw new IllegalArgumentException("charges debited together must be one org's");
      }
      if (!usageIds.add(charge.usageId())) {
        throw new IllegalArgumentException("usage id " + charge.usageId() + " given twice");
      }
      if (charge.poolDraw().isPresent()
          && !pools.add(charge.poolDraw().get().month() + "#" + charge.poolDraw().get().poolId())) {
        throw new IllegalArgumentException("two charges draw the same pool in one write");
      }
    }
    return orgId;
  }

  private static LedgerEntry entryOf(CallCharge charge, Instant at) {
    return new LedgerEntry(
        charge.orgId(),
        EntryKind.CALL_CHARGE,
        charge.usageId(),
        charge.amount().negate(),
        at,
        charge.rateRef());
  }

  /** Full jitter: a random wait up to an exponentially growing cap, so retries spread out. */
  static void sleepWithJitter(int retry) {
    long cap = Math.min(MAX_BACK_OFF_MILLIS, BASE_BACK_OFF_MILLIS << Math.min(retry, 10));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off", interrupted);
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
   * Charging a call ends the hold its authorization placed, if any: the charge is in the balance
   * now.
   */
  private TransactWriteItem releaseHold(String orgId, String callId) {
    return TransactWriteItem.builder()
        .delete(
            Delete.builder()
                .tableName(tableName)
                .key(DynamoDbCallHolds.holdKey(orgId, callId))
                .build())
        .build();
  }

  /**
   * Adds a charge's minutes to the month's pool only if the pool then stays within its size, so two
   * calls cannot both take its last minutes.
   */
  private TransactWriteItem poolDraw(CallCharge charge) {
    PoolDraw draw = charge.poolDraw().get();
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(tableName)
                .key(LedgerKeys.pool(charge.orgId(), draw.month(), draw.poolId()))
                .updateExpression("ADD #used :minutes SET #size = :size, #capability = :capability")
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
