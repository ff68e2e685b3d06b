package com.commcredits.ratecalls;

import com.commcredits.adapters.json.CallRecordJson;
import com.commcredits.adapters.lambda.BatchFailures;
import com.commcredits.adapters.lambda.SqsDelivery;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.domain.balance.BalanceChangeCause;
import com.commcredits.domain.balance.BalanceChanged;
import com.commcredits.domain.balance.BalanceChangedPublisher;
import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.calls.InvalidCallRecord;
import com.commcredits.domain.charging.CallRecordOutcome;
import com.commcredits.domain.charging.ChargeCallRecords;
import com.commcredits.domain.charging.RejectedCallRecord;
import com.commcredits.domain.charging.RejectedCallRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Charges one SQS batch of call records. Each record ends charged, already charged, or rejected and
 * kept with its reason; a fault fails only its own record, so SQS brings it back. Every org whose
 * balance moved gets one balance-changed event per batch; if that cannot be sent, the org's records
 * fail too, and their redelivery (already charged) sends it again.
 */
final class CallRecordBatch {

  private final CallRecordJson json;
  private final ChargeCallRecords charging;
  private final RejectedCallRecords rejected;
  private final BalanceChangedPublisher balanceChanges;
  private final Clock clock;
  private final StructuredLog log;

  CallRecordBatch(
      CallRecordJson json,
      ChargeCallRecords charging,
      RejectedCallRecords rejected,
      BalanceChangedPublisher balanceChanges,
      Clock clock,
      StructuredLog log) {
    this.json = json;
    this.charging = charging;
    this.rejected = rejected;
    this.balanceChanges = balanceChanges;
    this.clock = clock;
    this.log = log;
  }

  BatchFailures process(List<SqsDelivery> deliveries) {
    BatchFailures failures = new BatchFailures();
    Map<String, List<String>> messagesByChargedOrg = new LinkedHashMap<>();
    for (SqsDelivery delivery : deliveries) {
      try {
        chargedOrg(delivery)
            .ifPresent(
                org ->
                    messagesByChargedOrg
                        .computeIfAbsent(org, o -> new ArrayList<>())
                        .add(delivery.messageId()));
      } catch (RuntimeException fault) {
        log.error("call_record.fault", fault, "messageId", delivery.messageId());
        failures.add(delivery.messageId());
      }
    }
    messagesByChargedOrg.forEach(
        (orgId, messageIds) -> {
          try {
            balanceChanges.publish(
                new BalanceChanged(orgId, BalanceChangeCause.CALL_CHARGE, clock.instant()));
          } catch (RuntimeException fault) {
            log.error("balance_changed.publish_failed", fault, "orgId", orgId);
            failures.addAll(messageIds);
          }
        });
    return failures;
  }

  /** The org whose balance this record moved (or may have moved before a crash), if any. */
  private Optional<String> chargedOrg(SqsDelivery delivery) {
    Instant now = clock.instant();
    CallRecord call;
    try {
      call = json.parse(delivery.body());
    } catch (InvalidCallRecord invalid) {
      keep(delivery, invalid.getMessage(), now);
      return Optional.empty();
    }
    CallRecordOutcome outcome = charging.charge(call, now);
    if (outcome instanceof CallRecordOutcome.Charged charged) {
      log.info(
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
      return Optional.of(call.orgId());
    }
    if (outcome instanceof CallRecordOutcome.AlreadyCharged) {
      log.info("call_record.already_charged", "orgId", call.orgId(), "usageId", call.usageId());
      return Optional.of(call.orgId());
    }
    keep(delivery, ((CallRecordOutcome.Rejected) outcome).reason(), now);
    return Optional.empty();
  }

  private void keep(SqsDelivery delivery, String reason, Instant now) {
    String orgId = json.orgIdOf(delivery.body()).orElse(null);
    String usageId = json.usageIdOf(delivery.body()).orElse(null);
    rejected.keep(
        new RejectedCallRecord(delivery.messageId(), orgId, usageId, reason, delivery.body(), now));
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
