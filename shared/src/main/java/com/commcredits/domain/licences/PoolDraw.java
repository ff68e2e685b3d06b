package com.commcredits.domain.licences;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Minutes a charge takes from a pool. The ledger records them with the debit, in one transaction,
 * and refuses the draw if the pool would then exceed its size (another call drew it first).
 *
 * @param month the calendar month (UTC) of the call's start, whose pool is drawn
 * @param minutes whole minutes taken, at least 1
 * @param poolSize the pool's size this month: the draw must leave usage at or below it
 */
public record PoolDraw(
    String poolId, String capability, YearMonth month, long minutes, long poolSize) {
  public PoolDraw {
    Objects.requireNonNull(poolId, "poolId");
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(month, "month");
    if (minutes < 1 || minutes > poolSize) {
      throw new IllegalArgumentException(
          "a draw takes 1 to " + poolSize + " minutes, got " + minutes);
    }
  }
}
