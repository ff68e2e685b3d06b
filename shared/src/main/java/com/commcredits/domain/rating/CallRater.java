package com.commcredits.domain.rating;

import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.calls.CallRecord;

/** Prices a call for an org. Pure: no I/O, same inputs give the same charge. */
public interface CallRater {
  RatingOutcome rate(CallRecord call, OrgAccount account);
}
