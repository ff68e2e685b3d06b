package com.commcredits.domain.charging;

import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.rating.CallCharge;

/** What became of one call record. */
public sealed interface CallRecordOutcome {

  /** Rated and debited, once. */
  record Charged(CallCharge charge, LedgerEntry entry) implements CallRecordOutcome {}

  /** A redelivery of a record that was charged before; nothing changed. */
  record AlreadyCharged(String orgId, String usageId) implements CallRecordOutcome {}

  /** Not charged, for a reason an admin can act on; the record is kept for review. */
  record Rejected(String orgId, String usageId, String reason) implements CallRecordOutcome {}
}
