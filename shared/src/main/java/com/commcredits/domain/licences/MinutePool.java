package com.commcredits.domain.licences;

import java.util.Objects;

/**
 * Minutes an org's licences include per calendar month (UTC), shared by all its users.
 *
 * @param poolId stable key of the pool, e.g. {@code audio-conferencing} or {@code domestic-DE}
 * @param capability what the usage report shows as having paid, e.g. {@code AudioConferencing}
 * @param minutes the pool's size this month, in whole minutes
 */
public record MinutePool(String poolId, String capability, long minutes) {
  public MinutePool {
    Objects.requireNonNull(poolId, "poolId");
    Objects.requireNonNull(capability, "capability");
    if (minutes < 0) {
      throw new IllegalArgumentException("a pool cannot hold negative minutes");
    }
  }
}
