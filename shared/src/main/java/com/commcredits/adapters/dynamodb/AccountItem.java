package com.commcredits.adapters.dynamodb;

import static com.commcredits.adapters.dynamodb.Attr.bool;
import static com.commcredits.adapters.dynamodb.Attr.n;
import static com.commcredits.adapters.dynamodb.Attr.s;

import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.PauseReason;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.funding.FundingState;
import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The one owner of an org's account item ({@code ORG#<orgId>} / {@code ACCOUNT}): it alone names
 * the item's attributes and builds every put, update and condition on it. The ledger, the funding
 * store, the call holds and the accounts adapter ask it for their {@link Update} or {@link Put}
 * pieces and add them to their own requests or transactions. Amounts are stored in micro-units.
 */
final class AccountItem {

  private static final String ORG_ID = "orgId";
  private static final String DISPLAY_NAME = "displayName";
  private static final String CURRENCY = "currency";
  private static final String BALANCE = "balanceMicros";
  private static final String UPDATED_AT = "updatedAt";
  private static final String SERVICE_STATE = "serviceState";
  private static final String SERVICE_STATE_CHANGED_AT = "serviceStateChangedAt";
  private static final String LANGUAGE = "language";
  private static final String ADMIN_EMAILS = "adminEmails";
  private static final String LICENSED_USERS = "licensedUsers";
  private static final String CREATED_AT = "createdAt";
  private static final String AUTO_RECHARGE_ENABLED = "autoRechargeEnabled";
  private static final String RECHARGE_AMOUNT = "rechargeAmountMicros";
  private static final String RECHARGE_TRIGGER = "rechargeTriggerMicros";
  private static final String PAUSED_REASON = "rechargePausedReason";
  private static final String CARD_TOKEN = "paymentMethodToken";
  private static final String CARD_BRAND = "cardBrand";
  private static final String CARD_LAST4 = "cardLast4";
  private static final String CARD_EXPIRES = "cardExpires";
  private static final String MONTHLY_CAP = "monthlyCapMicros";
  private static final String RECHARGE_IN_FLIGHT = "rechargeInFlight";
  private static final String RECHARGE_SEQUENCE = "rechargeSequence";
  private static final String LOW_BALANCE_WARNED = "lowBalanceWarned";
  private static final String LOW_BALANCE_WARNINGS = "lowBalanceWarnings";
  private static final String ZERO_CROSSINGS = "zeroCrossings";
  private static final String RECENT_RECHARGES = "recentRecharges";
  private static final String RECHARGE_MONTH = "rechargeMonth";
  private static final String RECHARGED_THIS_MONTH = "rechargedThisMonthMicros";
  private static final String CARD_EXPIRY_WARNED_FOR = "cardExpiryWarnedFor";

  /** Serializes hold placements: each placement moves it one on (see {@link DynamoDbCallHolds}). */
  static final String HOLD_VERSION = "holdVersion";

  private static final String EXISTS = "attribute_exists(pk)";
  private static final String EXISTS_IN_CURRENCY = EXISTS + " AND currency = :currency";

  private AccountItem() {}

  static Map<String, AttributeValue> key(String orgId) {
    return LedgerKeys.account(orgId);
  }

  // ---- whole item ----

  /** Opens the account, only if the org has none yet. */
  static Put open(String tableName, OrgAccount account) {
    return Put.builder()
        .tableName(tableName)
        .item(toItem(account))
        .conditionExpression("attribute_not_exists(pk)")
        .build();
  }

  static Map<String, AttributeValue> toItem(OrgAccount account) {
    Map<String, AttributeValue> item = new HashMap<>(key(account.orgId()));
    item.put(ORG_ID, s(account.orgId()));
    item.put(DISPLAY_NAME, s(account.displayName()));
    item.put(CURRENCY, s(account.currency().getCurrencyCode()));
    item.put(BALANCE, n(account.balance().micros()));
    item.put(SERVICE_STATE, s(account.serviceState().name()));
    item.put(LANGUAGE, s(account.language().code()));
    item.put(ADMIN_EMAILS, Attr.strings(account.adminEmails()));
    item.put(LICENSED_USERS, n(account.licensedUsers()));
    item.put(CREATED_AT, s(account.createdAt().toString()));
    item.put(LicencesItem.ATTRIBUTE, LicencesItem.toAttribute(account.licences()));
    AutoRecharge recharge = account.autoRecharge();
    item.put(AUTO_RECHARGE_ENABLED, bool(recharge.enabled()));
    item.put(RECHARGE_AMOUNT, n(recharge.amount().micros()));
    item.put(RECHARGE_TRIGGER, n(recharge.trigger().micros()));
    if (recharge.pausedReason() != null) {
      item.put(PAUSED_REASON, s(recharge.pausedReason().name()));
    }
    PaymentMethod card = recharge.paymentMethod();
    if (card != null) {
      item.put(CARD_TOKEN, s(card.token()));
      item.put(CARD_BRAND, s(card.brand()));
      item.put(CARD_LAST4, s(card.last4()));
      item.put(CARD_EXPIRES, s(card.expires().toString()));
    }
    return item;
  }

  static OrgAccount fromItem(Map<String, AttributeValue> item) {
    Currency currency = currency(item);
    String token = Attr.string(item, CARD_TOKEN);
    PaymentMethod card =
        token == null
            ? null
            : new PaymentMethod(
                token,
                Attr.string(item, CARD_BRAND),
                Attr.string(item, CARD_LAST4),
                YearMonth.parse(Attr.string(item, CARD_EXPIRES)));
    String paused = Attr.string(item, PAUSED_REASON);
    return new OrgAccount(
        Attr.string(item, ORG_ID),
        Attr.string(item, DISPLAY_NAME),
        currency,
        new Money(currency, Attr.number(item, BALANCE, 0)),
        ServiceState.valueOf(Attr.string(item, SERVICE_STATE)),
        Language.fromCode(Attr.string(item, LANGUAGE)),
        Attr.stringList(item, ADMIN_EMAILS),
        (int) Attr.number(item, LICENSED_USERS, 0),
        new AutoRecharge(
            Attr.flag(item, AUTO_RECHARGE_ENABLED),
            new Money(currency, Attr.number(item, RECHARGE_AMOUNT, 0)),
            new Money(currency, Attr.number(item, RECHARGE_TRIGGER, 0)),
            card,
            paused == null ? null : PauseReason.parse(paused)),
        Instant.parse(Attr.string(item, CREATED_AT)),
        LicencesItem.fromItem(item));
  }

  /** The balance checks' and recharges' state kept on the item. */
  static FundingState fundingFrom(Map<String, AttributeValue> item) {
    Currency currency = currency(item);
    String month = Attr.string(item, RECHARGE_MONTH);
    AttributeValue cap = item.get(MONTHLY_CAP);
    String warnedFor = Attr.string(item, CARD_EXPIRY_WARNED_FOR);
    return new FundingState(
        Attr.string(item, RECHARGE_IN_FLIGHT),
        Attr.number(item, RECHARGE_SEQUENCE, 0),
        Attr.flag(item, LOW_BALANCE_WARNED),
        Attr.number(item, LOW_BALANCE_WARNINGS, 0),
        Attr.number(item, ZERO_CROSSINGS, 0),
        Attr.stringList(item, RECENT_RECHARGES).stream().map(Instant::parse).toList(),
        month == null ? null : YearMonth.parse(month),
        new Money(currency, Attr.number(item, RECHARGED_THIS_MONTH, 0)),
        cap == null ? null : new Money(currency, Long.parseLong(cap.n())),
        warnedFor == null ? null : YearMonth.parse(warnedFor));
  }

  static long holdVersion(Map<String, AttributeValue> item) {
    return item == null ? 0 : Attr.number(item, HOLD_VERSION, 0);
  }

  private static Currency currency(Map<String, AttributeValue> item) {
    return Currency.getInstance(Attr.string(item, CURRENCY));
  }

  // ---- balance ----

  /**
   * Adds a ledger entry's amount to the balance, only if the account exists and is kept in the
   * entry's currency.
   */
  static Update addToBalance(String tableName, LedgerEntry entry) {
    return update(
        tableName,
        entry.orgId(),
        "ADD " + BALANCE + " :amount SET " + UPDATED_AT + " = :at",
        EXISTS_IN_CURRENCY,
        Map.of(
            ":amount", n(entry.amount().micros()),
            ":at", s(entry.at().toString()),
            ":currency", s(entry.amount().currency().getCurrencyCode())));
  }

  // ---- recharges ----

  /**
   * Marks {@code attemptId} in flight as attempt number {@code expectedSequence + 1}, only if none
   * is in flight and no other attempt was opened since the caller read the sequence.
   */
  static Update openRecharge(String tableName, String orgId, String attemptId, long expected) {
    String sequenceIsExpected =
        expected == 0
            ? "(attribute_not_exists("
                + RECHARGE_SEQUENCE
                + ") OR "
                + RECHARGE_SEQUENCE
                + " = :expected)"
            : RECHARGE_SEQUENCE + " = :expected";
    return update(
        tableName,
        orgId,
        "SET " + RECHARGE_IN_FLIGHT + " = :attempt, " + RECHARGE_SEQUENCE + " = :next",
        EXISTS + " AND attribute_not_exists(" + RECHARGE_IN_FLIGHT + ") AND " + sequenceIsExpected,
        Map.of(
            ":attempt", s(attemptId),
            ":next", n(expected + 1),
            ":expected", n(expected)));
  }

  /**
   * Credits a recharge and clears the in-flight mark, recording it for the guards; only while
   * {@code attemptId} is the one in flight.
   */
  static Update completeRecharge(
      String tableName, String attemptId, LedgerEntry entry, FundingState after) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":amount", n(entry.amount().micros()));
    values.put(":currency", s(entry.amount().currency().getCurrencyCode()));
    values.put(":attempt", s(attemptId));
    values.put(":at", s(entry.at().toString()));
    values.put(
        ":recent", Attr.strings(after.recentRecharges().stream().map(Instant::toString).toList()));
    values.put(":month", s(after.rechargeMonth().toString()));
    values.put(":monthTotal", n(after.rechargedThisMonth().micros()));
    return update(
        tableName,
        entry.orgId(),
        "ADD "
            + BALANCE
            + " :amount SET "
            + UPDATED_AT
            + " = :at, "
            + RECENT_RECHARGES
            + " = :recent, "
            + RECHARGE_MONTH
            + " = :month, "
            + RECHARGED_THIS_MONTH
            + " = :monthTotal REMOVE "
            + RECHARGE_IN_FLIGHT,
        RECHARGE_IN_FLIGHT + " = :attempt AND currency = :currency",
        values);
  }

  /**
   * Clears the in-flight mark of {@code attemptId} (closed without credit), pausing auto-recharge
   * for {@code pause} unless it is null.
   */
  static Update closeRecharge(String tableName, String orgId, String attemptId, PauseReason pause) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":attempt", s(attemptId));
    String update = "REMOVE " + RECHARGE_IN_FLIGHT;
    if (pause != null) {
      update = "SET " + PAUSED_REASON + " = :reason " + update;
      values.put(":reason", s(pause.name()));
    }
    return update(tableName, orgId, update, RECHARGE_IN_FLIGHT + " = :attempt", values);
  }

  /** Pauses auto-recharge for {@code reason}, unless it is paused already. */
  static Update pause(String tableName, String orgId, PauseReason reason) {
    return update(
        tableName,
        orgId,
        "SET " + PAUSED_REASON + " = :reason",
        EXISTS + " AND attribute_not_exists(" + PAUSED_REASON + ")",
        Map.of(":reason", s(reason.name())));
  }

  /** Lifts the pause, only if it is still for {@code reason}. */
  static Update liftPause(String tableName, String orgId, PauseReason reason) {
    return update(
        tableName,
        orgId,
        "REMOVE " + PAUSED_REASON,
        PAUSED_REASON + " = :reason",
        Map.of(":reason", s(reason.name())));
  }

  // ---- balance checks ----

  /** Sets the service state if it was {@code from}; counts a zero crossing when suspending. */
  static Update changeServiceState(
      String tableName, String orgId, ServiceState from, ServiceState to, Instant at) {
    boolean suspends = to == ServiceState.SUSPENDED;
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":to", s(to.name()));
    values.put(":from", s(from.name()));
    values.put(":at", s(at.toString()));
    if (suspends) {
      values.put(":one", n(1));
    }
    return update(
        tableName,
        orgId,
        "SET "
            + SERVICE_STATE
            + " = :to, "
            + SERVICE_STATE_CHANGED_AT
            + " = :at"
            + (suspends ? " ADD " + ZERO_CROSSINGS + " :one" : ""),
        SERVICE_STATE + " = :from",
        values);
  }

  static Update changeLowBalanceWarned(String tableName, String orgId, boolean from, boolean to) {
    String condition =
        from
            ? LOW_BALANCE_WARNED + " = :true"
            : EXISTS
                + " AND (attribute_not_exists("
                + LOW_BALANCE_WARNED
                + ") OR "
                + LOW_BALANCE_WARNED
                + " = :false)";
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":to", bool(to));
    values.put(from ? ":true" : ":false", bool(from));
    if (to) {
      values.put(":one", n(1));
    }
    return update(
        tableName,
        orgId,
        "SET "
            + LOW_BALANCE_WARNED
            + " = :to"
            + (to ? " ADD " + LOW_BALANCE_WARNINGS + " :one" : ""),
        condition,
        values);
  }

  static Update markCardExpiryWarned(String tableName, String orgId, YearMonth expires) {
    return update(
        tableName,
        orgId,
        "SET " + CARD_EXPIRY_WARNED_FOR + " = :expires",
        EXISTS
            + " AND (attribute_not_exists("
            + CARD_EXPIRY_WARNED_FOR
            + ") OR "
            + CARD_EXPIRY_WARNED_FOR
            + " <> :expires)",
        Map.of(":expires", s(expires.toString())));
  }

  // ---- call holds ----

  /** Moves the hold version on, only if it is still {@code expected}. */
  static Update nextHoldVersion(String tableName, String orgId, long expected) {
    String versionIsExpected =
        expected == 0
            ? "(attribute_not_exists(" + HOLD_VERSION + ") OR " + HOLD_VERSION + " = :expected)"
            : HOLD_VERSION + " = :expected";
    return update(
        tableName,
        orgId,
        "SET " + HOLD_VERSION + " = :next",
        EXISTS + " AND " + versionIsExpected,
        Map.of(":next", n(expected + 1), ":expected", n(expected)));
  }

  // ---- admin settings ----

  static Update setLicences(String tableName, String orgId, OrgLicences licences) {
    return update(
        tableName,
        orgId,
        "SET " + LicencesItem.ATTRIBUTE + " = :licences",
        EXISTS,
        Map.of(":licences", LicencesItem.toAttribute(licences)));
  }

  /** Replaces the auto-recharge setting, card included, if the account is in its currency. */
  static Update setAutoRecharge(String tableName, String orgId, AutoRecharge autoRecharge) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":enabled", bool(autoRecharge.enabled()));
    values.put(":amount", n(autoRecharge.amount().micros()));
    values.put(":trigger", n(autoRecharge.trigger().micros()));
    values.put(":currency", s(autoRecharge.amount().currency().getCurrencyCode()));
    List<String> set =
        new ArrayList<>(
            List.of(
                AUTO_RECHARGE_ENABLED + " = :enabled",
                RECHARGE_AMOUNT + " = :amount",
                RECHARGE_TRIGGER + " = :trigger"));
    List<String> remove = new ArrayList<>();
    if (autoRecharge.pausedReason() == null) {
      remove.add(PAUSED_REASON);
    } else {
      set.add(PAUSED_REASON + " = :paused");
      values.put(":paused", s(autoRecharge.pausedReason().name()));
    }
    PaymentMethod card = autoRecharge.paymentMethod();
    if (card == null) {
      remove.addAll(List.of(CARD_TOKEN, CARD_BRAND, CARD_LAST4, CARD_EXPIRES));
    } else {
      set.addAll(
          List.of(
              CARD_TOKEN + " = :token",
              CARD_BRAND + " = :brand",
              CARD_LAST4 + " = :last4",
              CARD_EXPIRES + " = :expires"));
      values.put(":token", s(card.token()));
      values.put(":brand", s(card.brand()));
      values.put(":last4", s(card.last4()));
      values.put(":expires", s(card.expires().toString()));
    }
    String expression =
        "SET "
            + String.join(", ", set)
            + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
    return update(tableName, orgId, expression, EXISTS_IN_CURRENCY, values);
  }

  /** Sets the monthly cap of auto-recharge, or removes it when {@code cap} is null. */
  static Update setMonthlyCap(String tableName, String orgId, Money cap) {
    if (cap == null) {
      return update(tableName, orgId, "REMOVE " + MONTHLY_CAP, EXISTS, Map.of());
    }
    return update(
        tableName,
        orgId,
        "SET " + MONTHLY_CAP + " = :cap",
        EXISTS_IN_CURRENCY,
        Map.of(":cap", n(cap.micros()), ":currency", s(cap.currency().getCurrencyCode())));
  }

  // ---- building ----

  /** The same update as a single-item request, for writes outside a transaction. */
  static UpdateItemRequest asRequest(Update update) {
    return UpdateItemRequest.builder()
        .tableName(update.tableName())
        .key(update.key())
        .updateExpression(update.updateExpression())
        .conditionExpression(update.conditionExpression())
        .expressionAttributeNames(
            update.hasExpressionAttributeNames() ? update.expressionAttributeNames() : null)
        .expressionAttributeValues(
            update.hasExpressionAttributeValues() ? update.expressionAttributeValues() : null)
        .build();
  }

  private static Update update(
      String tableName,
      String orgId,
      String expression,
      String condition,
      Map<String, AttributeValue> values) {
    Update.Builder update =
        Update.builder()
            .tableName(tableName)
            .key(key(orgId))
            .updateExpression(expression)
            .conditionExpression(condition);
    if (!values.isEmpty()) {
      update.expressionAttributeValues(values);
    }
    return update.build();
  }
}
