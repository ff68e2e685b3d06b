package com.commcredits.domain.funding;

import java.time.Instant;
import java.util.Objects;

/**
 * Asks the auto-recharge step to work on an attempt. Carries only ids: the attempt's state is read
 * when the request is handled, so duplicates and late arrivals are harmless.
 */
public record RechargeRequest(String orgId, String attemptId, Instant notBefore)
    implements FundingRequest {

  public RechargeRequest {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(attemptId, "attemptId");
    Objects.requireNonNull(notBefore, "notBefore");
  }
}
