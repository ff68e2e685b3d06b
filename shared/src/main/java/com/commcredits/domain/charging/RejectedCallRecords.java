package com.commcredits.domain.charging;

import java.util.List;

/** Where rejected call records are kept for review. Keeping one twice keeps it once. */
public interface RejectedCallRecords {

  void keep(RejectedCallRecord rejected);

  /** The org's rejected records, or those that named no readable org when {@code orgId} is null. */
  List<RejectedCallRecord> list(String orgId);
}
