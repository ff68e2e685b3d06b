package com.commcredits.domain.balance;

import java.time.Instant;
import java.util.Objects;

/**
 * Tells the balance check that an org's balance moved. It carries no amount: the check reads the
 * current balance, so late, duplicate or reordered events are harmless.
 *
 * @param cause what moved it
 */
public record BalanceChanged(String orgId, BalanceChangeCause cause, Instant at) {

  public BalanceChanged {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(at, "at");
  }
}
