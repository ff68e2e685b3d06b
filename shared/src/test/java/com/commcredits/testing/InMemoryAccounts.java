package com.commcredits.testing;

import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Accounts held in memory, for domain and handler tests. */
public final class InMemoryAccounts implements Accounts {

  private final Map<String, OrgAccount> accounts = new ConcurrentHashMap<>();
  private final Map<String, Money> monthlyCaps = new ConcurrentHashMap<>();

  @Override
  public Optional<OrgAccount> find(String orgId) {
    return Optional.ofNullable(accounts.get(orgId));
  }

  @Override
  public boolean open(OrgAccount account) {
    return accounts.putIfAbsent(account.orgId(), account) == null;
  }

  @Override
  public boolean updateLicences(String orgId, OrgLicences licences) {
    boolean exists = accounts.containsKey(orgId);
    update(orgId, account -> TestAccounts.withLicences(account, licences));
    return exists;
  }

  @Override
  public boolean updateAutoRecharge(String orgId, AutoRecharge autoRecharge) {
    boolean exists = accounts.containsKey(orgId);
    update(orgId, account -> TestAccounts.withAutoRecharge(account, autoRecharge));
    return exists;
  }

  @Override
  public boolean updateMonthlyCap(String orgId, Money monthlyCap) {
    if (monthlyCap == null) {
      monthlyCaps.remove(orgId);
    } else {
      monthlyCaps.put(orgId, monthlyCap);
    }
    return accounts.containsKey(orgId);
  }

  Money monthlyCap(String orgId) {
    return monthlyCaps.get(orgId);
  }

  /** Replaces an account as a stored update would. */
  public void update(String orgId, UnaryOperator<OrgAccount> change) {
    accounts.computeIfPresent(orgId, (id, account) -> change.apply(account));
  }

  void addToBalance(String orgId, Money amount) {
    update(orgId, account -> TestAccounts.withBalance(account, account.balance().plus(amount)));
  }
}
