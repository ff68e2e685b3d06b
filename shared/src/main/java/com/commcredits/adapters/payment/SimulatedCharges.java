package com.commcredits.adapters.payment;

import java.util.List;
import java.util.Optional;

/** Where the simulated provider keeps its charges, so they outlive one Lambda invocation. */
public interface SimulatedCharges {

  /**
   * Keeps the charge unless one with the same org and idempotency key is kept already.
   *
   * @return the earlier charge under that key (this one was not kept), or empty if this one was
   */
  Optional<SimulatedCharge> recordFirst(SimulatedCharge charge);

  Optional<SimulatedCharge> find(String orgId, String idempotencyKey);

  /** Every charge kept for the org, declined ones included, oldest first. */
  List<SimulatedCharge> all(String orgId);
}
