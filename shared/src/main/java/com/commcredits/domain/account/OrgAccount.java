package com.commcredits.domain.account;

import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An organization's prepaid communications-credits account.
 *
 * <p>Everything that later goes into ids, ledger entries and email headers is checked here, when
 * the account is opened (guards issue 9 defect 8): the org id ({@link OrgIds}), the display name
 * (1-{@value #MAX_DISPLAY_NAME} characters, no control characters such as CR or LF, which would
 * break every email of the org) and the admin addresses (1-{@value #MAX_ADMINS}, each a plain
 * address of at most 254 characters).
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

  public static final int MAX_DISPLAY_NAME = 120;
  public static final int MAX_ADMINS = 10;

  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+");

  public OrgAccount {
    OrgIds.require(orgId);
    if (displayName == null
        || displayName.isBlank()
        || displayName.length() > MAX_DISPLAY_NAME
        || displayName.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "displayName must be 1-"
              + MAX_DISPLAY_NAME
              + " characters without line breaks or control characters, got "
              + OrgIds.quoted(displayName));
    }
    Objects.requireNonNull(adminEmails, "adminEmails");
    if (adminEmails.isEmpty() || adminEmails.size() > MAX_ADMINS) {
      throw new IllegalArgumentException(
          "an account needs 1-" + MAX_ADMINS + " admin email addresses, got " + adminEmails.size());
    }
    for (String email : adminEmails) {
      if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
        throw new IllegalArgumentException(
            "admin email must be a plain address like admin@example.com, got "
                + OrgIds.quoted(email));
      }
    }
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

  /** The same account with another auto-recharge setting. */
  public OrgAccount withAutoRecharge(AutoRecharge newAutoRecharge) {
    return new OrgAccount(
        orgId,
        displayName,
        currency,
        balance,
        serviceState,
        language,
        adminEmails,
        licensedUsers,
        newAutoRecharge,
        createdAt,
        licences);
  }

  /** Toll-free numbers and dial-out need credit: they work only while the balance is positive. */
  public boolean creditFundedServicesAvailable() {
    return serviceState == ServiceState.ACTIVE && balance.isPositive();
  }
}
