package com.commcredits.domain.ledger;

import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A balance movement that is not a call: funds added (deposit, recharge), an operator's adjustment,
 * or purchased funds expiring. Idempotent on kind and {@code sourceId}: the same deposit or
 * recharge credited twice changes the balance once.
 */
public record Credit(
    String orgId, EntryKind kind, String sourceId, Money amount, Instant at, String memo) {

  private static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,159}");

  public Credit {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(kind, "kind");
    if (kind == EntryKind.CALL_CHARGE) {
      throw new IllegalArgumentException("calls are debited through their charge, not credited");
    }
    if (sourceId == null || !SOURCE_ID.matcher(sourceId).matches()) {
      throw new IllegalArgumentException(
          "credit id must be 1-160 letters, digits or . _ : @ -, got " + sourceId);
    }
    Objects.requireNonNull(amount, "amount");
    if (kind == EntryKind.EXPIRY && !amount.isNegative()) {
      throw new IllegalArgumentException("expiring funds take a negative amount, got " + amount);
    }
    if ((kind == EntryKind.DEPOSIT || kind == EntryKind.RECHARGE || kind == EntryKind.PURCHASE)
        && !amount.isPositive()) {
      throw new IllegalArgumentException(kind + " must add a positive amount, got " + amount);
    }
    Objects.requireNonNull(at, "at");
  }

  public LedgerEntry toEntry() {
    return new LedgerEntry(orgId, kind, sourceId, amount, at, memo);
  }
}
