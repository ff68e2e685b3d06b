package com.commcredits.domain.ledger;

import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * One movement of an org's balance. An org's balance is the sum of its entries' amounts.
 *
 * @param sourceId what caused it, unique per kind and org: the usage id of a call, the deposit id,
 *     the recharge attempt id; it makes every entry idempotent
 * @param amount signed: negative for debits, positive for credits
 */
public record LedgerEntry(
    String orgId, EntryKind kind, String sourceId, Money amount, Instant at, String memo) {

  public LedgerEntry {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(at, "at");
    memo = memo == null ? "" : memo;
  }

  /** The entry's key within the org's ledger. */
  public String entryId() {
    return kind.name() + "#" + sourceId;
  }
}
