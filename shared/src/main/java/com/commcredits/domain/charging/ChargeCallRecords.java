package com.commcredits.domain.charging;

import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.balance.BalanceCheckLine;
import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.calls.CallTimeWindow;
import com.commcredits.domain.ledger.DebitOutcome;
import com.commcredits.domain.ledger.Debits;
import com.commcredits.domain.ledger.Ledger;
import com.commcredits.domain.licences.PoolUsage;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.CallCharge;
import com.commcredits.domain.rating.CallRater;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.domain.rating.RatingOutcome;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rates valid call records of an org and debits the charges from the org's credits, once each. The
 * records of one org arriving together are debited together (one ledger write for all of them);
 * those that draw a licence pool are debited one by one with the minutes they draw in the same
 * write, and if a concurrent call drew the pool between reading its usage and debiting, the record
 * is rated again with fresh usage.
 *
 * <p>It also decides whether the balance check must look: only if a debit may have taken the
 * balance below the org's {@link BalanceCheckLine}, which the ledger answers exactly under
 * concurrent writes.
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
    return chargeTogether(List.of(call), now).outcomes().get(0);
  }

  /** Charges records that all name the same org; the outcomes come in the records' order. */
  public OrgCharges chargeTogether(List<CallRecord> calls, Instant now) {
    String orgId = calls.get(0).orgId();
    if (calls.stream().anyMatch(c -> !c.orgId().equals(orgId))) {
      throw new IllegalArgumentException("records charged together must name one org");
    }
    CallRecordOutcome[] outcomes = new CallRecordOutcome[calls.size()];
    List<Integer> inWindow = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      Optional<String> outOfWindow = CallTimeWindow.refusal(calls.get(i).startTime(), now);
      if (outOfWindow.isPresent()) {
        outcomes[i] = rejected(calls.get(i), outOfWindow.get());
      } else {
        inWindow.add(i);
      }
    }
    if (inWindow.isEmpty()) {
      return new OrgCharges(Arrays.asList(outcomes), false);
    }
    OrgCharges charged = chargeInWindow(inWindow.stream().map(calls::get).toList(), now);
    for (int k = 0; k < inWindow.size(); k++) {
      outcomes[inWindow.get(k)] = charged.outcomes().get(k);
    }
    return new OrgCharges(Arrays.asList(outcomes), charged.balanceCheckNeeded());
  }

  private OrgCharges chargeInWindow(List<CallRecord> calls, Instant now) {
    String orgId = calls.get(0).orgId();
    Optional<OrgAccount> found = accounts.find(orgId);
    if (found.isEmpty()) {
      return new OrgCharges(
          calls.stream()
              .map(c -> rejected(c, "unknown org '" + orgId + "': no credits account"))
              .toList(),
          false);
    }
    OrgAccount account = found.get();
    Group group = new Group(account, calls.size());
    if (account.licences().hasPools()) {
      // Each draw changes the usage the next record is rated with: one by one.
      for (int i = 0; i < calls.size(); i++) {
        group.outcomes[i] = chargeDrawingPools(calls.get(i), group, now);
      }
    } else {
      chargeAtOnce(calls, group, now);
    }
    return new OrgCharges(Arrays.asList(group.outcomes), group.checkNeeded);
  }

  /** What is known of one org's records while they are charged. */
  private static final class Group {
    final OrgAccount account;
    final Money line;
    final CallRecordOutcome[] outcomes;

    /** The balance as read, less what this group has debited since. */
    Money projected;

    boolean checkNeeded;

    Group(OrgAccount account, int size) {
      this.account = account;
      this.line = BalanceCheckLine.of(account);
      this.outcomes = new CallRecordOutcome[size];
      this.projected = account.balance();
    }

    /**
     * The line to have the ledger watch for these charges; none when the balance as read already
     * ends below it (then the check is needed whatever concurrent writes do).
     */
    Optional<Money> watch(Money charged) {
      return projected.minus(charged).isLessThan(line) ? Optional.empty() : Optional.of(line);
    }

    void record(Debits debits, Optional<Money> watched, List<CallCharge> charges) {
      for (int i = 0; i < charges.size(); i++) {
        DebitOutcome outcome = debits.outcomes().get(i);
        if (outcome instanceof DebitOutcome.Debited) {
          projected = projected.minus(charges.get(i).amount());
          checkNeeded |= watched.isEmpty() || debits.mayHaveEndedBelowLine();
        } else if (outcome instanceof DebitOutcome.AlreadyDebited) {
          // Its first delivery may have died before telling the check; the balance as read
          // already holds that charge.
          checkNeeded |= account.balance().isLessThan(line);
        }
      }
    }
  }

  private void chargeAtOnce(List<CallRecord> calls, Group group, Instant now) {
    List<Integer> together = new ArrayList<>();
    List<CallCharge> charges = new ArrayList<>();
    List<Integer> repeated = new ArrayList<>();
    Set<String> usageIds = new HashSet<>();
    Money total = Money.zero(group.account.currency());
    for (int i = 0; i < calls.size(); i++) {
      CallRecord call = calls.get(i);
      if (!usageIds.add(call.usageId())) {
        repeated.add(i);
        continue;
      }
      RatingOutcome rating =
          rater.rate(
              call, group.account, PoolUsage.none(call.orgId(), RateCardRater.monthOf(call)));
      if (rating instanceof RatingOutcome.Unratable unratable) {
        group.outcomes[i] = rejected(call, unratable.reason());
        continue;
      }
      CallCharge charge = ((RatingOutcome.Rated) rating).charge();
      together.add(i);
      charges.add(charge);
      total = total.plus(charge.amount());
    }
    if (!charges.isEmpty()) {
      Optional<Money> watched = group.watch(total);
      Debits debits = ledger.debitAll(charges, watched, now);
      group.record(debits, watched, charges);
      for (int k = 0; k < together.size(); k++) {
        int i = together.get(k);
        group.outcomes[i] = outcome(calls.get(i), charges.get(k), debits.outcomes().get(k));
      }
    }
    // The same usage id twice in one delivery: its second copy is charged (or not) on its own.
    for (int i : repeated) {
      group.outcomes[i] = chargeDrawingPools(calls.get(i), group, now);
    }
  }

  private CallRecordOutcome chargeDrawingPools(CallRecord call, Group group, Instant now) {
    OrgAccount account = group.account;
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
      Optional<Money> watched = group.watch(charge.amount());
      Debits debits = ledger.debitAll(List.of(charge), watched, now);
      DebitOutcome debit = debits.outcomes().get(0);
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
      group.record(debits, watched, List.of(charge));
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
    if (debit instanceof DebitOutcome.UsageIdConflict) {
      return rejected(
          call,
          "usage id '"
              + call.usageId()
              + "' was already charged for a different call record; not charged again");
    }
    if (debit instanceof DebitOutcome.PoolUsageChanged changed) {
      throw new IllegalStateException(
          "pool " + changed.poolId() + " changed under a record that draws none");
    }
    return rejected(call, "unknown org '" + call.orgId() + "': no credits account");
  }

  private static CallRecordOutcome rejected(CallRecord call, String reason) {
    return new CallRecordOutcome.Rejected(call.orgId(), call.usageId(), reason);
  }
}
