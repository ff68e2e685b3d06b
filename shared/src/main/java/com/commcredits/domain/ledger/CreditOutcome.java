package com.commcredits.domain.ledger;

/** What the ledger did with a credit. */
public sealed interface CreditOutcome {

  record Credited(LedgerEntry entry) implements CreditOutcome {}

  /** A credit with this kind and source id was applied before; nothing changed. */
  record AlreadyCredited(String sourceId) implements CreditOutcome {}

  record UnknownAccount(String orgId) implements CreditOutcome {}
}
