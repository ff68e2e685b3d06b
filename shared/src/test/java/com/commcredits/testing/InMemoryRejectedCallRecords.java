package com.commcredits.testing;

import com.commcredits.domain.charging.RejectedCallRecord;
import com.commcredits.domain.charging.RejectedCallRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

public final class InMemoryRejectedCallRecords implements RejectedCallRecords {

  private final List<RejectedCallRecord> kept = new ArrayList<>();

  @Override
  public synchronized void keep(RejectedCallRecord rejected) {
    if (kept.stream().noneMatch(r -> r.messageId().equals(rejected.messageId()))) {
      kept.add(rejected);
    }
  }

  @Override
  public synchronized List<RejectedCallRecord> list(String orgId) {
    return kept.stream().filter(r -> Objects.equals(r.orgId(), orgId)).toList();
  }

  public synchronized List<RejectedCallRecord> all() {
    return List.copyOf(kept);
  }
}
