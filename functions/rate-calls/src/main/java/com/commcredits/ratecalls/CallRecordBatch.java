package com.commcredits.ratecalls;

import com.commcredits.adapters.json.CallRecordJson;
import com.commcredits.adapters.lambda.BatchFailures;
import com.commcredits.adapters.lambda.SqsDelivery;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.metrics.Metrics;
import com.commcredits.domain.balance.BalanceChangeCause;
import com.commcredits.domain.balance.BalanceChanged;
import com.commcredits.domain.balance.BalanceChangedPublisher;
import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.calls.InvalidCallRecord;
import com.commcredits.domain.charging.CallRecordOutcome;
import com.commcredits.domain.charging.ChargeCallRecords;
import com.commcredits.domain.charging.OrgCharges;
import com.commcredits.domain.charging.RejectedCallRecord;
import com.commcredits.domain.charging.RejectedCallRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Charges one SQS batch of call records, each org's records together. Each record ends charged,
 * already charged, or rejected and kept with its reason; a fault fails only the records it touched
 * (its own, or its org's in this batch), so SQS brings them back. An org whose balance may have
 * crossed the balance check's line gets one balance-changed event per batch; if that cannot be
 * sent, the org's records fail too, and their redelivery (already charged) sends it again.
 */
final class CallRecordBatch {

  private final CallRecordJson json;
  private final ChargeCallRecords charging;
  private final RejectedCallRecords rejected;
  private final BalanceChangedPublisher balanceChanges;
  private final Clock clock;
  private final StructuredLog log;
  private final Metrics metrics;

  CallRecordBatch(
      CallRecordJson json,
      ChargeCallRecords charging,
      RejectedCallRecords rejected,
      BalanceChangedPublisher balanceChanges,
      Clock clock,
      StructuredLog log) {
    this(json, charging, rejected, balanceChanges, clock, log, Metrics.NONE);
  }

  CallRecordBatch(
      CallRecordJson json,
      ChargeCallRecords charging,
      RejectedCallRecords rejected,
      BalanceChangedPublisher balanceChanges,
      Clock clock,
      StructuredLog log,
      Metrics metrics) {
    this.metrics = metrics;
    this.json = json;
    this.charging = charging;
    this.rejected = rejected;
    this.balanceChanges = balanceChanges;
    this.clock = clock;
    this.log = log;
  }

  BatchFailures process(List<SqsDelivery> deliveries) {
    BatchFailures failures = new BatchFailures();
    Instant now = clock.instant();
    Map<String, List<Parsed>> byOrg = new LinkedHashMap<>();
    for (SqsDelivery delivery : deliveries) {
      try {
        CallRecord call = json.parse(delivery.body());
        byOrg.computeIfAbsent(call.orgId(), o -> new ArrayList<>()).add(new Parsed(delivery, call));
      } catch (InvalidCallRecord invalid) {
        keepOrFail(delivery, invalid.getMessage(), now, failures);
      } catch (RuntimeException fault) {
        fail(delivery, fault, failures);
      }
    }
    byOrg.forEach((orgId, records) -> chargeOrg(orgId, records, now, failures));
    // The batch's metrics line is its summary at INFO (a line per charged record was most of the
    // log bill, issue 10); each record's detail is at DEBUG, and every charge is in the ledger.
    metrics.flush();
    return failures;
  }

  private record Parsed(SqsDelivery delivery, CallRecord call) {}

  /**
   * Charges one org's records together. A fault fails all of them (they come back and are charged
   * once); the balance check is told only if the charges may have crossed its line, and if that
   * message cannot be sent the records fail too, so their redelivery sends it.
   */
  private void chargeOrg(String orgId, List<Parsed> records, Instant now, BatchFailures failures) {
    OrgCharges charges;
    try {
      charges = charging.chargeTogether(records.stream().map(Parsed::call).toList(), now);
    } catch (RuntimeException fault) {
      records.forEach(r -> fail(r.delivery(), fault, failures));
      return;
    }
    List<String> touched = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Parsed record = records.get(i);
      CallRecordOutcome outcome = charges.outcomes().get(i);
      if (outcome instanceof CallRecordOutcome.Rejected rejection) {
        keepOrFail(record.delivery(), rejection.reason(), now, failures);
      } else {
        logCharged(record.call(), outcome);
        touched.add(record.delivery().messageId());
      }
    }
    if (!charges.balanceCheckNeeded() || touched.isEmpty()) {
      return;
    }
    try {
      balanceChanges.publish(new BalanceChanged(orgId, BalanceChangeCause.CALL_CHARGE, now));
    } catch (RuntimeException fault) {
      log.error("balance_changed.publish_failed", fault, "orgId", orgId);
      failures.addAll(touched);
    }
  }

  private void logCharged(CallRecord call, CallRecordOutcome outcome) {
    if (outcome instanceof CallRecordOutcome.Charged charged) {
      metrics.add("CdrsCharged", 1);
      metrics.add(
          "AmountChargedMicros",
          charged.charge().amount().micros(),
          "currency",
          charged.charge().amount().currency().getCurrencyCode());
      log.debug(
          "call_record.charged",
          "orgId",
          call.orgId(),
          "usageId",
          call.usageId(),
          "amount",
          charged.charge().amount().toString(),
          "rateRef",
          charged.charge().rateRef(),
          "capability",
          charged.charge().capability(),
          "poolMinutes",
          Long.toString(charged.charge().poolMinutes()),
          "premium",
          Boolean.toString(charged.charge().premium()));
    } else {
      metrics.add("CdrsAlreadyCharged", 1);
      log.debug("call_record.already_charged", "orgId", call.orgId(), "usageId", call.usageId());
    }
  }

  private void fail(SqsDelivery delivery, RuntimeException fault, BatchFailures failures) {
    log.error("call_record.fault", fault, "messageId", delivery.messageId());
    metrics.add("CdrsFailed", 1);
    failures.add(delivery.messageId());
  }

  private void keepOrFail(
      SqsDelivery delivery, String reason, Instant now, BatchFailures failures) {
    try {
      keep(delivery, reason, now);
    } catch (RuntimeException fault) {
      fail(delivery, fault, failures);
    }
  }

  private void keep(SqsDelivery delivery, String reason, Instant now) {
    String orgId = json.orgIdOf(delivery.body()).orElse(null);
    String usageId = json.usageIdOf(delivery.body()).orElse(null);
    rejected.keep(
        new RejectedCallRecord(delivery.messageId(), orgId, usageId, reason, delivery.body(), now));
    metrics.add("CdrsRejected", 1, "reason", reason);
    log.warn(
        "call_record.rejected",
        "messageId",
        delivery.messageId(),
        "orgId",
        String.valueOf(orgId),
        "usageId",
        String.valueOf(usageId),
        "reason",
        reason);
  }
}
