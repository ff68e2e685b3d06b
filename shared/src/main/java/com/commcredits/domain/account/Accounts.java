package com.commcredits.domain.account;

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
}
