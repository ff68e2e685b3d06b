package com.commcredits.domain.ledger;

import com.commcredits.domain.licences.PoolUsage;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.CallCharge;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The credit ledger: every balance change is written atomically with its entry, and each is
 * idempotent on its source (usage id, deposit id, recharge attempt).
 */
public interface Ledger {

  /**
   * Debits a rated call from the org's credits, at most once per usage id of the org, and adds the
   * minutes it draws from a licence pool in the same atomic write. The draw is refused, and nothing
   * written ({@link DebitOutcome.PoolUsageChanged}), if it would take the pool past its size.
   */
  default DebitOutcome debit(CallCharge charge, Instant at) {
    return debitAll(List.of(charge), Optional.empty(), at).outcomes().get(0);
  }

  /**
   * Debits rated calls of one org, each at most once per usage id of the org, in as few atomic
   * writes as possible (each write keeps the balance equal to the sum of the entries). The charges
   * have distinct usage ids and no two draw the same pool.
   *
   * @param watchedLine when present, the ledger reports whether any of its writes took the balance
   *     below it (the balance check's line: trigger or zero), exactly, even under concurrent writes
   */
  Debits debitAll(List<CallCharge> charges, Optional<Money> watchedLine, Instant at);

  /** The minutes the org has drawn from each of its pools in the month (UTC). */
  PoolUsage poolUsage(String orgId, YearMonth month);

  /** Adds funds, at most once per kind and source id. */
  CreditOutcome credit(Credit credit);

  /** The org's entries, oldest first. */
  List<LedgerEntry> entries(String orgId);
}
