package com.commcredits.testing;

import com.commcredits.adapters.payment.SimulatedCharge;
import com.commcredits.adapters.payment.SimulatedCharges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The simulated provider's charges in memory: first write per key wins, as in DynamoDB. */
public final class InMemorySimulatedCharges implements SimulatedCharges {

  private final Map<String, SimulatedCharge> charges = new LinkedHashMap<>();

  @Override
  public synchronized Optional<SimulatedCharge> recordFirst(SimulatedCharge charge) {
    SimulatedCharge earlier =
        charges.putIfAbsent(key(charge.orgId(), charge.idempotencyKey()), charge);
    return Optional.ofNullable(earlier);
  }

  @Override
  public synchronized Optional<SimulatedCharge> find(String orgId, String idempotencyKey) {
    return Optional.ofNullable(charges.get(key(orgId, idempotencyKey)));
  }

  @Override
  public synchronized List<SimulatedCharge> all(String orgId) {
    List<SimulatedCharge> all = new ArrayList<>();
    charges.values().stream().filter(c -> c.orgId().equals(orgId)).forEach(all::add);
    all.sort(Comparator.comparing(SimulatedCharge::at));
    return all;
  }

  private static String key(String orgId, String idempotencyKey) {
    return orgId + "\n" + idempotencyKey;
  }
}
