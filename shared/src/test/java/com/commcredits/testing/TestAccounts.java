package com.commcredits.testing;

import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/** Test data for org accounts. */
public final class TestAccounts {

  public static final Instant OPENED = Instant.parse("2026-01-01T00:00:00Z");

  private TestAccounts() {}

  /** A USD org with a zero balance, auto-recharge off, English emails. */
  public static OrgAccount anAccount(String orgId) {
    return anAccount(orgId, "USD");
  }

  public static OrgAccount anAccount(String orgId, String currency) {
    Currency code = Currency.getInstance(currency);
    return new OrgAccount(
        orgId,
        "Org " + orgId,
        code,
        Money.zero(code),
        ServiceState.ACTIVE,
        Language.EN,
        List.of("admin@" + orgId + ".example"),
        100,
        AutoRecharge.off(Money.of("1000", currency), Money.of("200", currency)),
        OPENED,
        OrgLicences.NONE);
  }

  public static PaymentMethod aVisa(String token) {
    return new PaymentMethod(token, "Visa", "4242", YearMonth.of(2030, 12));
  }

  public static OrgAccount withBalance(OrgAccount account, Money balance) {
    return changed(
        account, balance, account.serviceState(), account.autoRecharge(), account.licences());
  }

  public static OrgAccount withAutoRecharge(OrgAccount account, AutoRecharge autoRecharge) {
    return changed(
        account, account.balance(), account.serviceState(), autoRecharge, account.licences());
  }

  public static OrgAccount withServiceState(OrgAccount account, ServiceState state) {
    return changed(account, account.balance(), state, account.autoRecharge(), account.licences());
  }

  public static OrgAccount withLicences(OrgAccount account, OrgLicences licences) {
    return changed(
        account, account.balance(), account.serviceState(), account.autoRecharge(), licences);
  }

  /** The account as the stores change it: balance, services, auto-recharge and licences. */
  private static OrgAccount changed(
      OrgAccount account,
      Money balance,
      ServiceState state,
      AutoRecharge autoRecharge,
      OrgLicences licences) {
    return new OrgAccount(
        account.orgId(),
        account.displayName(),
        account.currency(),
        balance,
        state,
        account.language(),
        account.adminEmails(),
        account.licensedUsers(),
        autoRecharge,
        account.createdAt(),
        licences);
  }

  /** A USD org recharging 100 when below 20, with the given card token. */
  public static OrgAccount anAutoRechargingAccount(String orgId, String cardToken) {
    return withAutoRecharge(
        anAccount(orgId),
        new AutoRecharge(
            true, Money.of("100", "USD"), Money.of("20", "USD"), aVisa(cardToken), null));
  }
}
