package com.commcredits.domain.balance;

import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.money.Money;

/**
 * When a call charge must tell the balance check: only when the balance ends below this line. The
 * check acts below the recharge trigger (a recharge, a low-balance warning when auto-recharge is
 * off, lifting a pause whose reason has passed) and at or below zero (suspension); zero lies at or
 * below the trigger, so the higher of the two catches both. Above the line a charge changes nothing
 * the check would act on; the daily sweep looks at every org anyway.
 */
public final class BalanceCheckLine {

  private BalanceCheckLine() {}

  /** A balance below the returned amount (in the account's currency) needs the check. */
  public static Money of(OrgAccount account) {
    // "At or below zero" is "below one micro-unit".
    Money zero = new Money(account.currency(), 1);
    Money trigger = account.autoRecharge().trigger();
    return zero.isLessThan(trigger) ? trigger : zero;
  }
}
