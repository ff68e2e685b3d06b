package com.commcredits.domain.charging;

import java.util.List;

/**
 * The outcomes of one org's call records charged together.
 *
 * @param outcomes one per record, in the order given
 * @param balanceCheckNeeded whether the org's balance may have ended below its {@link
 *     com.commcredits.domain.balance.BalanceCheckLine}, so the balance check must be told
 */
public record OrgCharges(List<CallRecordOutcome> outcomes, boolean balanceCheckNeeded) {

  public OrgCharges {
    outcomes = List.copyOf(outcomes);
  }
}
