package com.commcredits.domain.ledger;

/** Why the balance moved. */
public enum EntryKind {
  /** A rated call drawn from credits (negative). */
  CALL_CHARGE,
  /** A one-time deposit or funds added by hand (positive). */
  DEPOSIT,
  /** An automatic recharge paid by the card on file (positive). */
  RECHARGE,
  /** Credits bought by an admin with the card on file (positive). */
  PURCHASE,
  /** A correction by an operator, either sign. */
  ADJUSTMENT,
  /** Purchased funds that reached their 12-month expiry (negative). */
  EXPIRY
}
