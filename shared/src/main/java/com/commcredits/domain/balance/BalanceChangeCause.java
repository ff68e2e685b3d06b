package com.commcredits.domain.balance;

/** What moved a balance, or what may have unblocked a recharge, as told to the balance check. */
public enum BalanceChangeCause {
  CALL_CHARGE,
  DEPOSIT,
  RECHARGE,
  PURCHASE,
  AUTO_RECHARGE_SET,
  PAYMENT_METHOD_UPDATED,
  /** The daily sweep: expire funds, and re-drive recharges that lost their message. */
  DAILY_SWEEP
}
