package com.commcredits.domain.authorize;

import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * Credit set aside for an authorized call until its record is charged; it lapses at {@code
 * expiresAt} if no record ever comes.
 */
public record CallHold(String orgId, String callId, Money amount, int minutes, Instant expiresAt) {

  public CallHold {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
