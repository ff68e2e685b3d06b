package com.commcredits.testing;

import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.CreditOutcome;
import com.commcredits.domain.ledger.DebitOutcome;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.ledger.Ledger;
import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.rating.CallCharge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A ledger in memory with the same idempotency rules as the DynamoDB one. */
public final class InMemoryLedger implements Ledger {

  private record Claim(String orgId, String fingerprint) {}

  private final InMemoryAccounts accounts;
  private final Map<String, Claim> claims = new HashMap<>();
  private final Map<String, LedgerEntry> entries = new HashMap<>();

  public InMemoryLedger(InMemoryAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public synchronized DebitOutcome debit(CallCharge charge, Instant at) {
    Claim claim = claims.get(charge.usageId());
    if (claim != null) {
      return claim.fingerprint().equals(charge.call().fingerprint())
          ? new DebitOutcome.AlreadyDebited(charge.usageId())
          : new DebitOutcome.UsageIdConflict(charge.usageId(), claim.orgId());
    }
    if (accounts.find(charge.orgId()).isEmpty()) {
      return new DebitOutcome.UnknownAccount(charge.orgId());
    }
    LedgerEntry entry =
        new LedgerEntry(
            charge.orgId(),
            EntryKind.CALL_CHARGE,
            charge.usageId(),
            charge.amount().negate(),
            at,
            charge.rateRef());
    claims.put(charge.usageId(), new Claim(charge.orgId(), charge.call().fingerprint()));
    apply(entry);
    return new DebitOutcome.Debited(entry);
  }

  @Override
  public synchronized CreditOutcome credit(Credit credit) {
    LedgerEntry entry = credit.toEntry();
    if (entries.containsKey(key(entry))) {
      return new CreditOutcome.AlreadyCredited(credit.sourceId());
    }
    if (accounts.find(credit.orgId()).isEmpty()) {
      return new CreditOutcome.UnknownAccount(credit.orgId());
    }
    apply(entry);
    return new CreditOutcome.Credited(entry);
  }

  @Override
  public synchronized List<LedgerEntry> entries(String orgId) {
    return new ArrayList<>(
        entries.values().stream()
            .filter(e -> e.orgId().equals(orgId))
            .sorted(
                java.util.Comparator.comparing(LedgerEntry::at).thenComparing(LedgerEntry::entryId))
            .toList());
  }

  private void apply(LedgerEntry entry) {
    entries.put(key(entry), entry);
    accounts.addToBalance(entry.orgId(), entry.amount());
  }

  private static String key(LedgerEntry entry) {
    return entry.orgId() + "/" + entry.entryId();
  }
}
