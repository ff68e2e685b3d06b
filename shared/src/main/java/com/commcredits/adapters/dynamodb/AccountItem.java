package com.commcredits.adapters.dynamodb;

import static com.commcredits.adapters.dynamodb.Attr.bool;
import static com.commcredits.adapters.dynamodb.Attr.n;
import static com.commcredits.adapters.dynamodb.Attr.s;

import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps an {@link OrgAccount} to its item and back. Amounts are stored in micro-units. */
final class AccountItem {

  static final String BALANCE = "balanceMicros";
  static final String CURRENCY = "currency";
  static final String SERVICE_STATE = "serviceState";

  private AccountItem() {}

  static Map<String, AttributeValue> toItem(OrgAccount account) {
    Map<String, AttributeValue> item = new HashMap<>(LedgerKeys.account(account.orgId()));
    item.put("orgId", s(account.orgId()));
    item.put("displayName", s(account.displayName()));
    item.put(CURRENCY, s(account.currency().getCurrencyCode()));
    item.put(BALANCE, n(account.balance().micros()));
    item.put(SERVICE_STATE, s(account.serviceState().name()));
    item.put("language", s(account.language().code()));
    item.put("adminEmails", Attr.strings(account.adminEmails()));
    item.put("licensedUsers", n(account.licensedUsers()));
    item.put("createdAt", s(account.createdAt().toString()));
    item.put(LicencesItem.ATTRIBUTE, LicencesItem.toAttribute(account.licences()));
    AutoRecharge recharge = account.autoRecharge();
    item.put("autoRechargeEnabled", bool(recharge.enabled()));
    item.put("rechargeAmountMicros", n(recharge.amount().micros()));
    item.put("rechargeTriggerMicros", n(recharge.trigger().micros()));
    if (recharge.pausedReason() != null) {
      item.put("rechargePausedReason", s(recharge.pausedReason()));
    }
    PaymentMethod card = recharge.paymentMethod();
    if (card != null) {
      item.put("paymentMethodToken", s(card.token()));
      item.put("cardBrand", s(card.brand()));
      item.put("cardLast4", s(card.last4()));
      item.put("cardExpires", s(card.expires().toString()));
    }
    return item;
  }

  static OrgAccount fromItem(Map<String, AttributeValue> item) {
    Currency currency = Currency.getInstance(Attr.string(item, CURRENCY));
    String token = Attr.string(item, "paymentMethodToken");
    PaymentMethod card =
        token == null
            ? null
            : new PaymentMethod(
                token,
                Attr.string(item, "cardBrand"),
                Attr.string(item, "cardLast4"),
                YearMonth.parse(Attr.string(item, "cardExpires")));
    return new OrgAccount(
        Attr.string(item, "orgId"),
        Attr.string(item, "displayName"),
        currency,
        new Money(currency, Attr.number(item, BALANCE, 0)),
        ServiceState.valueOf(Attr.string(item, SERVICE_STATE)),
        Language.fromCode(Attr.string(item, "language")),
        Attr.stringList(item, "adminEmails"),
        (int) Attr.number(item, "licensedUsers", 0),
        new AutoRecharge(
            Attr.flag(item, "autoRechargeEnabled"),
            new Money(currency, Attr.number(item, "rechargeAmountMicros", 0)),
            new Money(currency, Attr.number(item, "rechargeTriggerMicros", 0)),
            card,
            Attr.string(item, "rechargePausedReason")),
        Instant.parse(Attr.string(item, "createdAt")),
        LicencesItem.fromItem(item));
  }
}
