package com.commcredits.domain.ledger;

import java.time.Instant;
import java.util.List;

/** Writes off the unspent part of purchases older than 12 months ({@link FundsExpiry}). */
public final class ExpireFunds {

  private final Ledger ledger;

  public ExpireFunds(Ledger ledger) {
    this.ledger = ledger;
  }

  /** The expiries written now; none when nothing is due or they were written before. */
  public List<LedgerEntry> expire(String orgId, Instant now) {
    return FundsExpiry.due(ledger.entries(orgId), now).stream()
        .map(ledger::credit)
        .filter(CreditOutcome.Credited.class::isInstance)
        .map(outcome -> ((CreditOutcome.Credited) outcome).entry())
        .toList();
  }
}
