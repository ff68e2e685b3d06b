package com.commcredits.domain.ledger;

/** What the ledger did with a call charge. */
public sealed interface DebitOutcome {

  /** The charge and its ledger entry were written together. */
  record Debited(LedgerEntry entry) implements DebitOutcome {}

  /** This very call record was charged before; nothing changed. */
  record AlreadyDebited(String usageId) implements DebitOutcome {}

  /**
   * The org's usage id was charged before for a different call record; nothing changed. (A usage id
   * is a record's identity within its org: the same id in another org is another record.)
   */
  record UsageIdConflict(String usageId) implements DebitOutcome {}

  /**
   * Another call drew the pool first: the charge's split is stale. Nothing changed; re-read the
   * usage and rate again.
   */
  record PoolUsageChanged(String usageId, String poolId) implements DebitOutcome {}

  /** No account exists for the org. */
  record UnknownAccount(String orgId) implements DebitOutcome {}
}
