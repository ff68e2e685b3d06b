package com.commcredits.adapters.lambda;

import com.commcredits.domain.authorize.CallHold;
import com.commcredits.domain.authorize.CallHolds;
import java.time.Instant;

/**
 * Call holds for a priming run of the authorize-call path: the real read (no holds for the priming
 * org) and the real placing transaction, which DynamoDB cancels because the priming org has no
 * account item; the hold then counts as placed, so that priming goes on into the answer a real
 * authorization writes. Nothing is written.
 */
public final class PrimingCallHolds implements CallHolds {

  private final CallHolds real;

  public PrimingCallHolds(CallHolds real) {
    this.real = real;
  }

  @Override
  public Snapshot read(String orgId, Instant now) {
    return real.read(orgId, now);
  }

  @Override
  public boolean place(CallHold hold, long expectedVersion) {
    if (!SnapStartPriming.PRIMING_ORG.equals(hold.orgId())) {
      throw new IllegalArgumentException("priming places no hold but on the priming org");
    }
    real.place(hold, expectedVersion);
    return true;
  }
}
