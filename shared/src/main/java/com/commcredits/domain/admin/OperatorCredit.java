package com.commcredits.domain.admin;

import com.commcredits.domain.balance.BalanceChangeCause;
import com.commcredits.domain.balance.BalanceChanged;
import com.commcredits.domain.balance.BalanceChangedPublisher;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.CreditOutcome;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.ledger.Ledger;
import com.commcredits.domain.money.Money;
import java.time.Instant;

/**
 * Credit an operator grants without a payment (invoice customers, goodwill): an {@link
 * EntryKind#ADJUSTMENT} entry that keeps the operator's reason, counted once per credit id, and
 * announced to the balance check like any other funds.
 */
public final class OperatorCredit {

  private final Ledger ledger;
  private final BalanceChangedPublisher balanceChanges;

  public OperatorCredit(Ledger ledger, BalanceChangedPublisher balanceChanges) {
    this.ledger = ledger;
    this.balanceChanges = balanceChanges;
  }

  /**
   * @param reason why the credit is granted; kept in the entry's memo
   * @throws IllegalArgumentException if the amount is not positive or the reason is blank
   */
  public CreditOutcome grant(
      String orgId, String creditId, Money amount, String reason, Instant now) {
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a granted credit must be positive, got " + amount);
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a granted credit needs a reason");
    }
    CreditOutcome outcome =
        ledger.credit(
            new Credit(orgId, EntryKind.ADJUSTMENT, creditId, amount, now, reason.strip()));
    if (outcome instanceof CreditOutcome.Credited) {
      // for the balance check it is funds added by hand, like a deposit
      balanceChanges.publish(new BalanceChanged(orgId, BalanceChangeCause.DEPOSIT, now));
    }
    return outcome;
  }
}
