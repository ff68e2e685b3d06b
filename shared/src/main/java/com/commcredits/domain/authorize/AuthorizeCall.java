package com.commcredits.domain.authorize;

import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.ledger.Ledger;
import com.commcredits.domain.licences.PoolUsage;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.CallCharge;
import com.commcredits.domain.rating.CallRater;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.domain.rating.RatingOutcome;
import com.commcredits.domain.rating.ZoneA;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers "may this call start, and for how many minutes?": prices one minute of the call as the
 * rater would price its record, and when credits pay, sets aside the credit for the minutes it
 * grants from what the balance has left after the holds of other calls in progress. A call that a
 * licence or plan pays for (or an emergency call) needs no hold. Calls the org's restrictions
 * forbid (dial-out per organizer, users' own calls) are denied with the rule that forbids them.
 */
public final class AuthorizeCall {

  /** Holds lapse this long after the longest call they allow, if its record never comes. */
  static final Duration HOLD_GRACE = Duration.ofMinutes(30);

  static final int MAX_PLACING_ATTEMPTS = 5;

  /**
   * Most calls in progress (open holds) per org, so a caller cannot pin an org's credit with
   * endless holds (guards issue 9 defect 12); the total an org holds is never more than its
   * balance, and each hold lapses {@link #HOLD_GRACE} after the longest call it allows.
   */
  public static final int MAX_OPEN_HOLDS = 250;

  private final Accounts accounts;
  private final CallRater rater;
  private final Ledger ledger;
  private final CallHolds holds;
  private final CallRestrictionsStore restrictions;
  private final ZoneA zoneA;

  public AuthorizeCall(
      Accounts accounts,
      CallRater rater,
      Ledger ledger,
      CallHolds holds,
      CallRestrictionsStore restrictions,
      ZoneA zoneA) {
    this.accounts = accounts;
    this.rater = rater;
    this.ledger = ledger;
    this.holds = holds;
    this.restrictions = restrictions;
    this.zoneA = zoneA;
  }

  public Authorization authorize(CallAuthorizationRequest request, Instant now) {
    String callId = request.callId();
    for (int attempt = 1; attempt <= MAX_PLACING_ATTEMPTS; attempt++) {
      Optional<OrgAccount> found = accounts.find(request.orgId());
      if (found.isEmpty()) {
        return new Authorization.Denied(callId, "unknown org '" + request.orgId() + "'");
      }
      OrgAccount account = found.get();
      CallRecord oneMinute = request.asOneMinuteCall(now);
      PoolUsage usage =
          account.licences().hasPools()
              ? ledger.poolUsage(request.orgId(), RateCardRater.monthOf(oneMinute))
              : PoolUsage.none(request.orgId(), RateCardRater.monthOf(oneMinute));
      RatingOutcome rating = rater.rate(oneMinute, account, usage);
      if (rating instanceof RatingOutcome.Unratable unratable) {
        return new Authorization.Denied(callId, unratable.reason());
      }
      CallCharge minute = ((RatingOutcome.Rated) rating).charge();
      Optional<String> refusal =
          restrictions
              .of(request.orgId())
              .refusal(
                  request.callType(),
                  request.userPrincipalName(),
                  request.userLocation(),
                  minute.destinationCountry(),
                  CallCharge.EMERGENCY.equals(minute.capability()),
                  zoneA);
      if (refusal.isPresent()) {
        return new Authorization.Denied(callId, refusal.get());
      }
      if (minute.amount().isZero()) {
        return new Authorization.Authorized(
            callId, request.wantedMinutes(), Money.zero(account.currency()));
      }
      if (account.serviceState() == ServiceState.SUSPENDED || !account.balance().isPositive()) {
        return new Authorization.Denied(
            callId, "credit-funded calls are suspended: the balance is at or below zero");
      }
      CallHolds.Snapshot snapshot = holds.read(request.orgId(), now);
      Optional<CallHold> earlier =
          snapshot.active().stream().filter(h -> h.callId().equals(callId)).findFirst();
      if (earlier.isPresent()) {
        return new Authorization.Authorized(
            callId, earlier.get().minutes(), earlier.get().amount());
      }
      if (snapshot.active().size() >= MAX_OPEN_HOLDS) {
        return new Authorization.Denied(
            callId, "too many calls in progress for this org (at most " + MAX_OPEN_HOLDS + ")");
      }
      Money available =
          snapshot.active().stream()
              .map(CallHold::amount)
              .reduce(account.balance(), Money::minus)
              .minus(minute.connectionFee());
      Money perMinute = minute.amount().minus(minute.connectionFee());
      long affordable =
          perMinute.isPositive()
              ? available
                  .toBigDecimal()
                  .divide(perMinute.toBigDecimal(), 0, RoundingMode.DOWN)
                  .longValue()
              : request.wantedMinutes();
      int minutes = (int) Math.min(request.wantedMinutes(), affordable);
      if (minutes < 1) {
        // No amounts: the caller may not be the org, and a reason must not tell its balance.
        return new Authorization.Denied(
            callId, "not enough credit for one minute after the calls in progress");
      }
      Money held = perMinute.times(minutes).plus(minute.connectionFee());
      CallHold hold =
          new CallHold(
              request.orgId(),
              callId,
              held,
              minutes,
              now.plus(Duration.ofMinutes(minutes)).plus(HOLD_GRACE));
      if (holds.place(hold, snapshot.version())) {
        return new Authorization.Authorized(callId, minutes, held);
      }
    }
    throw new IllegalStateException(
        "org " + request.orgId() + ": holds kept changing; the platform should ask again");
  }
}
