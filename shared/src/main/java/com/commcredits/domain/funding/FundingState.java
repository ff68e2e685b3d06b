package com.commcredits.domain.funding;

import com.commcredits.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The state an org's balance checks and recharges keep beside its account, so that every decision
 * is made once: which recharge is in flight, which crossings were announced, and what the guards
 * against recharge loops have counted.
 *
 * @param rechargeInFlight the attempt id of the one recharge in flight, or {@code null}
 * @param rechargeSequence how many recharge attempts were ever opened; attempt ids derive from it
 * @param lowBalanceWarned whether the current fall below the trigger was announced
 * @param lowBalanceWarnings how many falls below the trigger were announced; the n-th warning has
 *     id n
 * @param zeroCrossings how many times the balance reached zero; the n-th zero email has id n
 * @param recentRecharges when the latest successful recharges happened (for the burst guard)
 * @param rechargeMonth the month {@code rechargedThisMonth} counts
 * @param monthlyCap the most that auto-recharge may buy in a calendar month, or {@code null}
 * @param cardExpiryWarnedFor the expiry month of the card whose coming expiry was announced, or
 *     {@code null}
 */
public record FundingState(
    String rechargeInFlight,
    long rechargeSequence,
    boolean lowBalanceWarned,
    long lowBalanceWarnings,
    long zeroCrossings,
    List<Instant> recentRecharges,
    YearMonth rechargeMonth,
    Money rechargedThisMonth,
    Money monthlyCap,
    YearMonth cardExpiryWarnedFor) {

  /** The burst guard remembers this many recharges; more than the guard could ever allow. */
  public static final int REMEMBERED_RECHARGES = 10;

  public FundingState {
    recentRecharges = List.copyOf(recentRecharges);
    Objects.requireNonNull(rechargedThisMonth, "rechargedThisMonth");
  }

  public static FundingState initial(Money zero) {
    return new FundingState(null, 0, false, 0, 0, List.of(), null, zero, null, null);
  }

  public boolean hasRechargeInFlight() {
    return rechargeInFlight != null;
  }

  public String nextAttemptId(String orgId) {
    return RechargeAttempt.attemptId(orgId, rechargeSequence + 1);
  }

  public long rechargesWithin(Duration window, Instant now) {
    Instant since = now.minus(window);
    return recentRecharges.stream().filter(at -> at.isAfter(since)).count();
  }

  public Money rechargedIn(YearMonth month) {
    return month.equals(rechargeMonth)
        ? rechargedThisMonth
        : Money.zero(rechargedThisMonth.currency());
  }

  /**
   * Whether the monthly cap (if any) leaves room for a recharge of {@code amount} in {@code month}:
   * the guard that pauses auto-recharge, and the rule that lifts the pause when the month turns.
   */
  public boolean monthlyCapAllows(Money amount, YearMonth month) {
    return monthlyCap == null || !monthlyCap.isLessThan(rechargedIn(month).plus(amount));
  }

  /** The state after a successful recharge of {@code amount} at {@code at}. */
  public FundingState afterRecharge(Money amount, Instant at) {
    YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
    List<Instant> recent =
        java.util.stream.Stream.concat(recentRecharges.stream(), java.util.stream.Stream.of(at))
            .sorted(Comparator.reverseOrder())
            .limit(REMEMBERED_RECHARGES)
            .sorted()
            .toList();
    return new FundingState(
        null,
        rechargeSequence,
        lowBalanceWarned,
        lowBalanceWarnings,
        zeroCrossings,
        recent,
        month,
        rechargedIn(month).plus(amount),
        monthlyCap,
        cardExpiryWarnedFor);
  }

  /** The state after a recharge attempt was opened as number {@code sequence}. */
  public FundingState withRechargeOpened(String attemptId, long sequence) {
    return new FundingState(
        attemptId,
        sequence,
        lowBalanceWarned,
        lowBalanceWarnings,
        zeroCrossings,
        recentRecharges,
        rechargeMonth,
        rechargedThisMonth,
        monthlyCap,
        cardExpiryWarnedFor);
  }

  /** The state after the recharge in flight was closed without credit. */
  public FundingState withRechargeClosed() {
    return withRechargeOpened(null, rechargeSequence);
  }

  public FundingState withLowBalanceWarned(boolean warned) {
    return new FundingState(
        rechargeInFlight,
        rechargeSequence,
        warned,
        lowBalanceWarnings + (warned ? 1 : 0),
        zeroCrossings,
        recentRecharges,
        rechargeMonth,
        rechargedThisMonth,
        monthlyCap,
        cardExpiryWarnedFor);
  }

  public FundingState withZeroCrossing() {
    return new FundingState(
        rechargeInFlight,
        rechargeSequence,
        lowBalanceWarned,
        lowBalanceWarnings,
        zeroCrossings + 1,
        recentRecharges,
        rechargeMonth,
        rechargedThisMonth,
        monthlyCap,
        cardExpiryWarnedFor);
  }

  public FundingState withMonthlyCap(Money cap) {
    return new FundingState(
        rechargeInFlight,
        rechargeSequence,
        lowBalanceWarned,
        lowBalanceWarnings,
        zeroCrossings,
        recentRecharges,
        rechargeMonth,
        rechargedThisMonth,
        cap,
        cardExpiryWarnedFor);
  }

  public FundingState withCardExpiryWarned(YearMonth expires) {
    return new FundingState(
        rechargeInFlight,
        rechargeSequence,
        lowBalanceWarned,
        lowBalanceWarnings,
        zeroCrossings,
        recentRecharges,
        rechargeMonth,
        rechargedThisMonth,
        monthlyCap,
        expires);
  }
}
