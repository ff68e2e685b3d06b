package com.commcredits.testing;

import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.CreditOutcome;
import com.commcredits.domain.ledger.DebitOutcome;
import com.commcredits.domain.ledger.Debits;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.ledger.Ledger;
import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.licences.PoolDraw;
import com.commcredits.domain.licences.PoolUsage;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.CallCharge;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A ledger in memory with the same idempotency rules as the DynamoDB one. */
public final class InMemoryLedger implements Ledger {

  /** A call record's identity: its usage id within its org. */
  private record Usage(String orgId, String usageId) {}

  private final InMemoryAccounts accounts;
  private final Map<Usage, String> fingerprints = new HashMap<>();
  private final Map<String, LedgerEntry> entries = new HashMap<>();
  private final Map<String, Long> poolMinutes = new HashMap<>();
  private int poolReads;
  private Runnable afterPoolRead = () -> {};

  public InMemoryLedger(InMemoryAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public synchronized Debits debitAll(
      List<CallCharge> charges, Optional<Money> watchedLine, Instant at) {
    List<DebitOutcome> outcomes = new ArrayList<>();
    boolean below = watchedLine.isEmpty();
    for (CallCharge charge : charges) {
      DebitOutcome outcome = debitOne(charge, at);
      outcomes.add(outcome);
      if (!below && outcome instanceof DebitOutcome.Debited) {
        below = accounts.find(charge.orgId()).orElseThrow().balance().isLessThan(watchedLine.get());
      }
    }
    return new Debits(outcomes, below);
  }

  private DebitOutcome debitOne(CallCharge charge, Instant at) {
    Usage usage = new Usage(charge.orgId(), charge.usageId());
    String fingerprint = fingerprints.get(usage);
    if (fingerprint != null) {
      return fingerprint.equals(charge.call().fingerprint())
          ? new DebitOutcome.AlreadyDebited(charge.usageId())
          : new DebitOutcome.UsageIdConflict(charge.usageId());
    }
    if (accounts.find(charge.orgId()).isEmpty()) {
      return new DebitOutcome.UnknownAccount(charge.orgId());
    }
    if (charge.poolDraw().isPresent()) {
      PoolDraw draw = charge.poolDraw().get();
      String key = poolKey(charge.orgId(), draw.month(), draw.poolId());
      long used = poolMinutes.getOrDefault(key, 0L);
      if (used + draw.minutes() > draw.poolSize()) {
        return new DebitOutcome.PoolUsageChanged(charge.usageId(), draw.poolId());
      }
      poolMinutes.put(key, used + draw.minutes());
    }
    LedgerEntry entry =
        new LedgerEntry(
            charge.orgId(),
            EntryKind.CALL_CHARGE,
            charge.usageId(),
            charge.amount().negate(),
            at,
            charge.rateRef());
    fingerprints.put(usage, charge.call().fingerprint());
    apply(entry);
    return new DebitOutcome.Debited(entry);
  }

  @Override
  public synchronized PoolUsage poolUsage(String orgId, YearMonth month) {
    poolReads++;
    Map<String, Long> used = new HashMap<>();
    String prefix = poolKey(orgId, month, "");
    poolMinutes.forEach(
        (key, minutes) -> {
          if (key.startsWith(prefix)) {
            used.put(key.substring(prefix.length()), minutes);
          }
        });
    PoolUsage usage = new PoolUsage(orgId, month, used);
    afterPoolRead.run();
    return usage;
  }

  /** How often pool usage was read. */
  public synchronized int poolReads() {
    return poolReads;
  }

  /**
   * Runs {@code action} after every read of pool usage, before its caller debits: to play
   * concurrent calls that draw the same pool in between.
   */
  public synchronized void afterEveryPoolRead(Runnable action) {
    afterPoolRead = action;
  }

  /** Adds minutes to a pool directly, as a concurrent call's debit would. */
  public synchronized void drawPool(String orgId, YearMonth month, String poolId, long minutes) {
    poolMinutes.merge(poolKey(orgId, month, poolId), minutes, Long::sum);
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

  private static String poolKey(String orgId, YearMonth month, String poolId) {
    return orgId + "/" + month + "/" + poolId;
  }

  private static String key(LedgerEntry entry) {
    return entry.orgId() + "/" + entry.entryId();
  }
}
