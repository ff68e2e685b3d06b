package com.commcredits.adapters.lambda;

import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import java.util.Optional;

/**
 * Accounts for a priming run of a handler: the real read (it finds nothing for the priming org),
 * then a stand-in account, so that priming goes on past "unknown org" into the path a real event
 * takes. It changes no account.
 */
public final class PrimingAccounts implements Accounts {

  private final Accounts real;
  private final OrgAccount standIn;

  public PrimingAccounts(Accounts real, OrgAccount standIn) {
    if (!standIn.orgId().equals(SnapStartPriming.PRIMING_ORG)) {
      throw new IllegalArgumentException("a priming stand-in is for the priming org only");
    }
    this.real = real;
    this.standIn = standIn;
  }

  @Override
  public Optional<OrgAccount> find(String orgId) {
    real.find(orgId);
    return orgId.equals(standIn.orgId()) ? Optional.of(standIn) : Optional.empty();
  }

  @Override
  public boolean open(OrgAccount account) {
    throw new UnsupportedOperationException("priming opens no account");
  }

  @Override
  public boolean updateLicences(String orgId, OrgLicences licences) {
    throw new UnsupportedOperationException("priming changes no account");
  }

  @Override
  public boolean updateAutoRecharge(String orgId, AutoRecharge autoRecharge) {
    throw new UnsupportedOperationException("priming changes no account");
  }

  @Override
  public boolean updateMonthlyCap(String orgId, Money monthlyCap) {
    throw new UnsupportedOperationException("priming changes no account");
  }
}
