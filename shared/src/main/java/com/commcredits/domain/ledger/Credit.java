package com.commcredits.domain.ledger;

import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Funds to add to an org's balance, idempotent on {@code sourceId}: the same deposit or recharge
 * credited twice changes the balance once.
 */
public record Credit(
    String orgId, EntryKind kind, String sourceId, Money amount, Instant at, String memo) {

  private static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

  public Credit {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(kind, "kind");
    if (kind == EntryKind.CALL_CHARGE || kind == EntryKind.EXPIRY) {
      throw new IllegalArgumentException(kind + " is not a credit");
    }
    if (sourceId == null || !SOURCE_ID.matcher(sourceId).matches()) {
      throw new IllegalArgumentException(
          "credit id must be 1-128 letters, digits or . _ : @ -, got " + sourceId);
    }
    Objects.requireNonNull(amount, "amount");
    if (kind != EntryKind.ADJUSTMENT && !amount.isPositive()) {
      throw new IllegalArgumentException(kind + " must add a positive amount, got " + amount);
    }
    Objects.requireNonNull(at, "at");
  }

  public LedgerEntry toEntry() {
    return new LedgerEntry(orgId, kind, sourceId, amount, at, memo);
  }
}
