package com.commcredits.autorecharge;

import com.commcredits.adapters.json.RechargeRequestJson;
import com.commcredits.adapters.lambda.BatchFailures;
import com.commcredits.adapters.lambda.SqsDelivery;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.domain.funding.RechargeAutomatically;
import com.commcredits.domain.funding.RechargeRequest;
import java.time.Clock;
import java.util.List;

/** Works each recharge request forward; a fault leaves the request for SQS to bring back. */
final class RechargeRequestBatch {

  private final RechargeRequestJson json;
  private final RechargeAutomatically recharging;
  private final Clock clock;
  private final StructuredLog log;

  RechargeRequestBatch(
      RechargeRequestJson json, RechargeAutomatically recharging, Clock clock, StructuredLog log) {
    this.json = json;
    this.recharging = recharging;
    this.clock = clock;
    this.log = log;
  }

  BatchFailures process(List<SqsDelivery> deliveries) {
    BatchFailures failures = new BatchFailures();
    for (SqsDelivery delivery : deliveries) {
      RechargeRequest request;
      try {
        request = json.read(delivery.body());
      } catch (IllegalArgumentException malformed) {
        // Only our balance check writes these: a malformed one is a bug and belongs in the DLQ.
        log.error("recharge_request.malformed", malformed, "messageId", delivery.messageId());
        failures.add(delivery.messageId());
        continue;
      }
      try {
        var outcome = recharging.handle(request, clock.instant());
        log.info(
            "recharge." + outcome.getClass().getSimpleName(),
            "orgId",
            request.orgId(),
            "attemptId",
            request.attemptId(),
            "outcome",
            outcome.toString());
        if (outcome instanceof RechargeAutomatically.Outcome.Unreconciled unknown
            && unknown.paused()) {
          // An operator's alarm: the provider keeps giving no answer; the try stays open.
          log.error(
              "recharge.outcome_unknown_paused",
              null,
              "orgId",
              request.orgId(),
              "attemptId",
              request.attemptId());
        }
      } catch (RuntimeException fault) {
        log.error(
            "recharge.fault", fault, "orgId", request.orgId(), "attemptId", request.attemptId());
        failures.add(delivery.messageId());
      }
    }
    return failures;
  }
}
