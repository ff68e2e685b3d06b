package com.commcredits.domain.charging;

import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.calls.CallTimeWindow;
import com.commcredits.domain.ledger.DebitOutcome;
import com.commcredits.domain.ledger.Ledger;
import com.commcredits.domain.licences.PoolUsage;
import com.commcredits.domain.rating.CallCharge;
import com.commcredits.domain.rating.CallRater;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.domain.rating.RatingOutcome;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Rates a valid call record for its org and debits the charge from the org's credits, once, with
 * the minutes it draws from a licence pool in the same write. If a concurrent call drew the pool
 * between reading its usage and debiting, the record is rated again with fresh usage.
 */
public final class ChargeCallRecords {

  /**
   * Ratings of one record when concurrent calls keep drawing its pool first; each loss means
   * another call took minutes, so a few attempts suffice, and after them SQS brings the record
   * back.
   */
  static final int MAX_RATING_ATTEMPTS = 5;

  private final Accounts accounts;
  private final CallRater rater;
  private final Ledger ledger;

  public ChargeCallRecords(Accounts accounts, CallRater rater, Ledger ledger) {
    this.accounts = accounts;
    this.rater = rater;
    this.ledger = ledger;
  }

  public CallRecordOutcome charge(CallRecord call, Instant now) {
    Optional<String> outOfWindow = CallTimeWindow.refusal(call.startTime(), now);
    if (outOfWindow.isPresent()) {
      return rejected(call, outOfWindow.get());
    }
    Optional<OrgAccount> found = accounts.find(call.orgId());
    if (found.isEmpty()) {
      return rejected(call, "unknown org '" + call.orgId() + "': no credits account");
    }
    OrgAccount account = found.get();
    YearMonth month = RateCardRater.monthOf(call);
    for (int attempt = 1; ; attempt++) {
      // Only orgs whose licences pool minutes pay for reading the usage.
      PoolUsage usage =
          account.licences().hasPools()
              ? ledger.poolUsage(call.orgId(), month)
              : PoolUsage.none(call.orgId(), month);
      RatingOutcome rating = rater.rate(call, account, usage);
      if (rating instanceof RatingOutcome.Unratable unratable) {
        return rejected(call, unratable.reason());
      }
      var charge = ((RatingOutcome.Rated) rating).charge();
      DebitOutcome debit = ledger.debit(charge, now);
      if (debit instanceof DebitOutcome.PoolUsageChanged changed) {
        if (attempt < MAX_RATING_ATTEMPTS) {
          continue;
        }
        throw new IllegalStateException(
            "pool "
                + changed.poolId()
                + " of org '"
                + call.orgId()
                + "' changed under "
                + MAX_RATING_ATTEMPTS
                + " ratings in a row; the record is retried later");
      }
      return outcome(call, charge, debit);
    }
  }

  private static CallRecordOutcome outcome(CallRecord call, CallCharge charge, DebitOutcome debit) {
    if (debit instanceof DebitOutcome.Debited debited) {
      return new CallRecordOutcome.Charged(charge, debited.entry());
    }
    if (debit instanceof DebitOutcome.AlreadyDebited) {
      return new CallRecordOutcome.AlreadyCharged(call.orgId(), call.usageId());
    }
    if (debit instanceof DebitOutcome.UsageIdConflict conflict) {
      return rejected(
          call,
          // No other org's id: the reason is shown to this org (guards issue 9 defect 11).
          "usage id '"
              + call.usageId()
              + "' was already charged for a different call record; not charged again");
    }
    return rejected(call, "unknown org '" + call.orgId() + "': no credits account");
  }

  private static CallRecordOutcome rejected(CallRecord call, String reason) {
    return new CallRecordOutcome.Rejected(call.orgId(), call.usageId(), reason);
  }
}
