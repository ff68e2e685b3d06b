package com.commcredits.domain.rating;

import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.licences.PoolUsage;

/**
 * Prices a call for an org: which rate applies, what the org's licences and pools cover, and what
 * credits pay. Pure: no I/O, the same inputs give the same charge.
 */
public interface CallRater {

  /**
   * @param usage the org's pool usage in the month of the call's start (UTC)
   */
  RatingOutcome rate(CallRecord call, OrgAccount account, PoolUsage usage);
}
