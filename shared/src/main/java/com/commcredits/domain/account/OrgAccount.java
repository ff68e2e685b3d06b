package com.commcredits.domain.account;

import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An organization's prepaid communications-credits account.
 *
 * @param balance the sum of all the org's ledger entries, in the account's currency
 * @param adminEmails where billing emails go; at least one
 * @param licensedUsers users with a licence, for the recommended deposit and trigger
 * @param licences what the org's licences include before credits pay ({@link OrgLicences#NONE}:
 *     pay-per-minute conferencing, no calling plans)
 */
public record OrgAccount(
    String orgId,
    String displayName,
    Currency currency,
    Money balance,
    ServiceState serviceState,
    Language language,
    List<String> adminEmails,
    int licensedUsers,
    AutoRecharge autoRecharge,
    Instant createdAt,
    OrgLicences licences) {

  public OrgAccount {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(balance, "balance");
    if (!balance.currency().equals(currency)) {
      throw new IllegalArgumentException("balance must be in the account currency " + currency);
    }
    Objects.requireNonNull(serviceState, "serviceState");
    Objects.requireNonNull(language, "language");
    adminEmails = List.copyOf(adminEmails);
    Objects.requireNonNull(autoRecharge, "autoRecharge");
    if (!autoRecharge.amount().currency().equals(currency)
        || !autoRecharge.trigger().currency().equals(currency)) {
      throw new IllegalArgumentException("recharge amounts must be in the account currency");
    }
    if (licensedUsers < 0) {
      throw new IllegalArgumentException("licensedUsers must not be negative");
    }
    Objects.requireNonNull(licences, "licences");
  }

  /** Toll-free numbers and dial-out need credit: they work only while the balance is positive. */
  public boolean creditFundedServicesAvailable() {
    return serviceState == ServiceState.ACTIVE && balance.isPositive();
  }
}
