package com.commcredits.testing.contracts;

import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemoryFundingStore;
import com.commcredits.testing.InMemoryLedger;

/** The money stores' contract against the in-memory fakes. */
class InMemoryMoneyStoresTest extends MoneyStoresContract {

  @Override
  protected Stores stores() {
    InMemoryAccounts accounts = new InMemoryAccounts();
    InMemoryLedger ledger = new InMemoryLedger(accounts);
    return new Stores(accounts, ledger, new InMemoryFundingStore(accounts, ledger));
  }
}
