package com.commcredits.domain.account;

import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import java.util.Optional;

/** Where org accounts are kept. Balances change only through the {@code Ledger}. */
public interface Accounts {

  Optional<OrgAccount> find(String orgId);

  /**
   * Opens an account with a zero balance.
   *
   * @return false if an account with that org id exists already (it is left as it was)
   */
  boolean open(OrgAccount account);

  /**
   * Replaces the licences the org holds (per-user audio conferencing, calling plans); pool usage
   * already drawn this month stays.
   *
   * @return false if there is no such account
   */
  boolean updateLicences(String orgId, OrgLicences licences);

  /**
   * Replaces the org's auto-recharge setting; the balance and the funding state stay as they are.
   *
   * @return false if there is no such account
   */
  boolean updateAutoRecharge(String orgId, AutoRecharge autoRecharge);

  /**
   * Sets the most auto-recharge may buy in a calendar month, or removes the cap when {@code null}.
   *
   * @return false if there is no such account
   */
  boolean updateMonthlyCap(String orgId, Money monthlyCap);
}
