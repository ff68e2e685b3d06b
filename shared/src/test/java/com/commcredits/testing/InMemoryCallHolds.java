package com.commcredits.testing;

import com.commcredits.domain.authorize.CallHold;
import com.commcredits.domain.authorize.CallHolds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Call holds in memory, with the DynamoDB store's version check. */
public final class InMemoryCallHolds implements CallHolds {

  private final Map<String, Long> versions = new HashMap<>();
  private final List<CallHold> holds = new ArrayList<>();
  private Runnable beforeNextPlace = () -> {};

  @Override
  public synchronized Snapshot read(String orgId, Instant now) {
    return new Snapshot(
        versions.getOrDefault(orgId, 0L),
        holds.stream().filter(h -> h.orgId().equals(orgId) && h.expiresAt().isAfter(now)).toList());
  }

  @Override
  public boolean place(CallHold hold, long expectedVersion) {
    Runnable interleaved = beforeNextPlace;
    beforeNextPlace = () -> {};
    interleaved.run();
    synchronized (this) {
      if (versions.getOrDefault(hold.orgId(), 0L) != expectedVersion
          || holds.stream().anyMatch(h -> h.callId().equals(hold.callId()))) {
        return false;
      }
      versions.put(hold.orgId(), expectedVersion + 1);
      holds.add(hold);
      return true;
    }
  }

  /** Lets another authorization place its hold between this one's read and its write. */
  public void beforeNextPlace(Runnable concurrentAuthorization) {
    beforeNextPlace = concurrentAuthorization;
  }
}
