package com.commcredits.autorecharge;

import com.commcredits.adapters.json.RechargeRequestJson;
import com.commcredits.adapters.lambda.BatchFailures;
import com.commcredits.adapters.lambda.SqsDelivery;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.metrics.Metrics;
import com.commcredits.domain.funding.FundingRequest;
import com.commcredits.domain.funding.PurchaseCredit;
import com.commcredits.domain.funding.PurchaseOutcome;
import com.commcredits.domain.funding.PurchaseSettlement;
import com.commcredits.domain.funding.RechargeAutomatically;
import com.commcredits.domain.funding.RechargeRequest;
import com.commcredits.domain.funding.SettlePendingPurchases;
import java.time.Clock;
import java.util.List;

/**
 * Works each recharge request forward and settles each open purchase (telling its admins how it
 * ended); a fault leaves the message for SQS to bring back.
 */
final class RechargeRequestBatch {

  private final RechargeRequestJson json;
  private final RechargeAutomatically recharging;
  private final SettlePendingPurchases purchases;
  private final Clock clock;
  private final StructuredLog log;
  private final Metrics metrics;

  RechargeRequestBatch(
      RechargeRequestJson json,
      RechargeAutomatically recharging,
      SettlePendingPurchases purchases,
      Clock clock,
      StructuredLog log) {
    this(json, recharging, purchases, clock, log, Metrics.NONE);
  }

  RechargeRequestBatch(
      RechargeRequestJson json,
      RechargeAutomatically recharging,
      SettlePendingPurchases purchases,
      Clock clock,
      StructuredLog log,
      Metrics metrics) {
    this.metrics = metrics;
    this.json = json;
    this.recharging = recharging;
    this.purchases = purchases;
    this.clock = clock;
    this.log = log;
  }

  BatchFailures process(List<SqsDelivery> deliveries) {
    BatchFailures failures = new BatchFailures();
    for (SqsDelivery delivery : deliveries) {
      FundingRequest request;
      try {
        request = json.read(delivery.body());
      } catch (IllegalArgumentException malformed) {
        // Only our own steps write these: a malformed one is a bug and belongs in the DLQ.
        log.error("recharge_request.malformed", malformed, "messageId", delivery.messageId());
        failures.add(delivery.messageId());
        continue;
      }
      try {
        if (request instanceof PurchaseSettlement settlement) {
          settle(settlement);
        } else {
          recharge((RechargeRequest) request);
        }
      } catch (RuntimeException fault) {
        log.error("recharge.fault", fault, "orgId", request.orgId(), "request", request.toString());
        failures.add(delivery.messageId());
      }
    }
    metrics.flush();
    return failures;
  }

  private void recharge(RechargeRequest request) {
    var outcome = recharging.handle(request, clock.instant());
    metrics.add("Recharges", 1, "outcome", outcome.getClass().getSimpleName());
    log.info(
        "recharge." + outcome.getClass().getSimpleName(),
        "orgId",
        request.orgId(),
        "attemptId",
        request.attemptId(),
        "outcome",
        outcome.toString());
    if (outcome instanceof RechargeAutomatically.Outcome.Unreconciled unknown && unknown.paused()) {
      // An operator's alarm: the provider keeps giving no answer; the try stays open.
      log.error(
          "recharge.outcome_unknown_paused",
          null,
          "orgId",
          request.orgId(),
          "attemptId",
          request.attemptId());
    }
  }

  private static String settledAs(PurchaseOutcome outcome) {
    return outcome instanceof PurchaseOutcome.Declined declined
        ? "Declined " + declined.kind() + " " + declined.code()
        : outcome.getClass().getSimpleName();
  }

  private void settle(PurchaseSettlement settlement) {
    var outcome = purchases.settle(settlement, clock.instant());
    metrics.add("PurchaseSettlements", 1, "outcome", outcome.getClass().getSimpleName());
    log.info(
        "purchase_settlement." + outcome.getClass().getSimpleName(),
        "orgId",
        settlement.orgId(),
        "purchaseId",
        settlement.purchaseId(),
        "outcome",
        // A settled purchase by how it ended, not its whole record (amounts and card details).
        outcome instanceof PurchaseCredit.SettlementOutcome.Settled settled
            ? settledAs(settled.outcome())
            : outcome.toString());
    if (outcome instanceof PurchaseCredit.SettlementOutcome.Unanswered) {
      // An operator's alarm: the card may be charged and the org not credited yet.
      log.error(
          "purchase.outcome_unknown",
          null,
          "orgId",
          settlement.orgId(),
          "purchaseId",
          settlement.purchaseId());
    }
  }
}
