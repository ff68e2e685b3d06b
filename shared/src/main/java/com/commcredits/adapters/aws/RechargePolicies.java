package com.commcredits.adapters.aws;

import com.commcredits.domain.funding.RechargePolicy;
import java.time.Duration;

/**
 * Reads the recharge policy from the environment, each setting defaulting to {@link
 * RechargePolicy#standard()}: {@code RECHARGE_SOFT_DECLINE_BACKOFF} and {@code
 * RECHARGE_PROCESSING_ERROR_BACKOFF} (ISO-8601 durations, comma-separated), {@code
 * RECHARGE_BURST_LIMIT} (recharges per hour), {@code RECHARGE_STALE_REQUEST_AFTER}, {@code
 * RECHARGE_UNKNOWN_OUTCOME_LIMIT} (answers without an outcome before recharging pauses).
 */
public final class RechargePolicies {

  private RechargePolicies() {}

  public static RechargePolicy from(LambdaEnvironment environment) {
    RechargePolicy standard = RechargePolicy.standard();
    return new RechargePolicy(
        environment
            .optional("RECHARGE_SOFT_DECLINE_BACKOFF")
            .map(RechargePolicy::backoff)
            .orElse(standard.softDeclineBackoff()),
        environment
            .optional("RECHARGE_PROCESSING_ERROR_BACKOFF")
            .map(RechargePolicy::backoff)
            .orElse(standard.processingErrorBackoff()),
        environment
            .optional("RECHARGE_BURST_LIMIT")
            .map(Integer::parseInt)
            .orElse(standard.burstLimit()),
        standard.burstWindow(),
        environment
            .optional("RECHARGE_STALE_REQUEST_AFTER")
            .map(Duration::parse)
            .orElse(standard.staleRequestAfter()),
        environment
            .optional("RECHARGE_UNKNOWN_OUTCOME_LIMIT")
            .map(Integer::parseInt)
            .orElse(standard.unknownOutcomeLimit()),
        standard.unknownOutcomeRecheck(),
        standard.stuckAlarmAfter());
  }
}
