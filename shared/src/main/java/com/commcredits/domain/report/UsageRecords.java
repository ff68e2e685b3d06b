package com.commcredits.domain.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The charged calls of an org, as recorded with their ledger entries. */
public interface UsageRecords {

  /** The org's calls that started in {@code [from, to)}, oldest first. */
  List<UsageRecord> startedBetween(String orgId, Instant from, Instant to);

  /** One charged call of the org, by its usage id: the audit trail of its ledger entry. */
  Optional<UsageRecord> find(String orgId, String usageId);
}
