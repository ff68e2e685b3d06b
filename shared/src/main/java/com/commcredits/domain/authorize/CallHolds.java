package com.commcredits.domain.authorize;

import java.time.Instant;
import java.util.List;

/**
 * The holds of an org's authorized calls. Placing one is conditional on the org's hold version, so
 * two authorizations deciding at once cannot both set aside the same credit.
 */
public interface CallHolds {

  /** The holds not yet lapsed at {@code now}, and the version to place the next one against. */
  Snapshot read(String orgId, Instant now);

  /**
   * @return false if another hold was placed since {@code expectedVersion} (read again, decide
   *     again) or this call holds credit already
   */
  boolean place(CallHold hold, long expectedVersion);

  record Snapshot(long version, List<CallHold> active) {}
}
