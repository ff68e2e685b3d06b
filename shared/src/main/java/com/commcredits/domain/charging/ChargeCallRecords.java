package com.commcredits.domain.charging;

import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.ledger.DebitOutcome;
import com.commcredits.domain.ledger.Ledger;
import com.commcredits.domain.rating.CallRater;
import com.commcredits.domain.rating.RatingOutcome;
import java.time.Instant;
import java.util.Optional;

/** Rates a valid call record for its org and debits the charge from the org's credits, once. */
public final class ChargeCallRecords {

  private final Accounts accounts;
  private final CallRater rater;
  private final Ledger ledger;

  public ChargeCallRecords(Accounts accounts, CallRater rater, Ledger ledger) {
    this.accounts = accounts;
    this.rater = rater;
    this.ledger = ledger;
  }

  public CallRecordOutcome charge(CallRecord call, Instant now) {
    Optional<OrgAccount> account = accounts.find(call.orgId());
    if (account.isEmpty()) {
      return rejected(call, "unknown org '" + call.orgId() + "': no credits account");
    }
    RatingOutcome rating = rater.rate(call, account.get());
    if (rating instanceof RatingOutcome.Unratable unratable) {
      return rejected(call, unratable.reason());
    }
    var charge = ((RatingOutcome.Rated) rating).charge();
    DebitOutcome debit = ledger.debit(charge, now);
    if (debit instanceof DebitOutcome.Debited debited) {
      return new CallRecordOutcome.Charged(charge, debited.entry());
    }
    if (debit instanceof DebitOutcome.AlreadyDebited) {
      return new CallRecordOutcome.AlreadyCharged(call.orgId(), call.usageId());
    }
    if (debit instanceof DebitOutcome.UsageIdConflict conflict) {
      return rejected(
          call,
          "usage id '"
              + call.usageId()
              + "' was already charged to org '"
              + conflict.chargedOrgId()
              + "' for a different call record; not charged again");
    }
    return rejected(call, "unknown org '" + call.orgId() + "': no credits account");
  }

  private static CallRecordOutcome rejected(CallRecord call, String reason) {
    return new CallRecordOutcome.Rejected(call.orgId(), call.usageId(), reason);
  }
}
