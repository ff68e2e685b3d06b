package com.commcredits.domain.ledger;

import com.commcredits.domain.rating.CallCharge;
import java.time.Instant;
import java.util.List;

/**
 * The credit ledger: every balance change is written atomically with its entry, and each is
 * idempotent on its source (usage id, deposit id, recharge attempt).
 */
public interface Ledger {

  /** Debits a rated call from the org's credits, at most once per usage id. */
  DebitOutcome debit(CallCharge charge, Instant at);

  /** Adds funds, at most once per kind and source id. */
  CreditOutcome credit(Credit credit);

  /** The org's entries, oldest first. */
  List<LedgerEntry> entries(String orgId);
}
