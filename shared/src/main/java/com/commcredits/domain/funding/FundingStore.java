package com.commcredits.domain.funding;

import com.commcredits.domain.account.PauseReason;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.ledger.Credit;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Where balance checks and recharges keep their state. Every change is conditional on the state it
 * was decided from, so two instances deciding at once cannot both act: the loser gets {@code false}
 * and nothing changes.
 */
public interface FundingStore {

  Optional<BalanceSnapshot> snapshot(String orgId);

  /** Sets the service state if it was {@code from}; counts a zero crossing when suspending. */
  boolean changeServiceState(String orgId, ServiceState from, ServiceState to, Instant at);

  boolean changeLowBalanceWarned(String orgId, boolean from, boolean to);

  /** Records that the coming expiry of the card expiring in {@code expires} was announced. */
  boolean markCardExpiryWarned(String orgId, YearMonth expires);

  /**
   * Opens a recharge attempt and marks it in flight, if none is in flight and the sequence is still
   * {@code attempt}'s predecessor.
   */
  boolean openRecharge(RechargeAttempt attempt, long expectedSequence);

  Optional<RechargeAttempt> attempt(String orgId, String attemptId);

  /**
   * Writes the attempt's new state if it is still in {@code expected} status with the same tries.
   */
  boolean updateAttempt(
      RechargeAttempt updated, RechargeAttempt.Status expected, int expectedTries);

  /**
   * In one transaction: credits the ledger with the recharge, closes the attempt as succeeded and
   * clears the in-flight mark, recording the recharge for the guards.
   *
   * @return false if the attempt was no longer charging (someone completed it already)
   */
  boolean completeRecharge(RechargeAttempt succeeded, Credit credit, FundingState after);

  /**
   * Closes the attempt (failed or cancelled) and clears the in-flight mark; pauses auto-recharge
   * with {@code pauseReason} unless it is null.
   */
  boolean closeRecharge(
      RechargeAttempt closed, RechargeAttempt.Status expected, PauseReason pauseReason);

  /** Pauses auto-recharge for {@code reason}, unless it is paused already (for any reason). */
  boolean pauseAutoRecharge(String orgId, PauseReason reason);

  /** Lifts the pause, only if it is still for {@code reason}. */
  boolean liftPause(String orgId, PauseReason reason);

  Optional<CreditPurchase> purchase(String orgId, String purchaseId);

  /**
   * The org's purchases still CHARGING (their card's answer unknown), for the daily sweep to settle
   * those whose own settlement messages were lost.
   */
  List<CreditPurchase> openPurchases(String orgId);

  /** Records a purchase as CHARGING before its card is charged, if its id is new. */
  boolean openPurchase(CreditPurchase charging);

  /**
   * In one transaction: credits the ledger with the purchase and closes it as succeeded.
   *
   * @return false if it was no longer charging (completed by someone else already)
   */
  boolean completePurchase(CreditPurchase succeeded, Credit credit);

  /** Closes a charging purchase as declined; false if it was no longer charging. */
  boolean closePurchase(CreditPurchase declined);
}
