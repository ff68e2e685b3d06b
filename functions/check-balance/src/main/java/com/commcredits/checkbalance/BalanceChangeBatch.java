package com.commcredits.checkbalance;

import com.commcredits.adapters.json.BalanceChangedJson;
import com.commcredits.adapters.lambda.BatchFailures;
import com.commcredits.adapters.lambda.SqsDelivery;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.metrics.Metrics;
import com.commcredits.domain.balance.BalanceChangeCause;
import com.commcredits.domain.balance.BalanceChanged;
import com.commcredits.domain.funding.CheckBalance;
import com.commcredits.domain.ledger.ExpireFunds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks each org named in a batch of balance changes once: the check reads the current balance, so
 * ten changes of one org need one check. A fault fails that org's messages only.
 */
final class BalanceChangeBatch {

  /** The cause sent by the daily sweep (sweep-accounts), which also expires old funds. */
  private final BalanceChangedJson json;

  private final CheckBalance checkBalance;
  private final ExpireFunds expireFunds;
  private final Clock clock;
  private final StructuredLog log;
  private final Metrics metrics;

  BalanceChangeBatch(
      BalanceChangedJson json,
      CheckBalance checkBalance,
      ExpireFunds expireFunds,
      Clock clock,
      StructuredLog log) {
    this(json, checkBalance, expireFunds, clock, log, Metrics.NONE);
  }

  BalanceChangeBatch(
      BalanceChangedJson json,
      CheckBalance checkBalance,
      ExpireFunds expireFunds,
      Clock clock,
      StructuredLog log,
      Metrics metrics) {
    this.metrics = metrics;
    this.json = json;
    this.checkBalance = checkBalance;
    this.expireFunds = expireFunds;
    this.clock = clock;
    this.log = log;
  }

  BatchFailures process(List<SqsDelivery> deliveries) {
    BatchFailures failures = new BatchFailures();
    Map<String, List<String>> messagesByOrg = new LinkedHashMap<>();
    Set<String> swept = new HashSet<>();
    Map<String, Set<BalanceChangeCause>> causesByOrg = new LinkedHashMap<>();
    for (SqsDelivery delivery : deliveries) {
      try {
        BalanceChanged change = json.read(delivery.body());
        String orgId = change.orgId();
        if (change.cause() == BalanceChangeCause.DAILY_SWEEP) {
          swept.add(orgId);
        }
        messagesByOrg.computeIfAbsent(orgId, o -> new ArrayList<>()).add(delivery.messageId());
        causesByOrg
            .computeIfAbsent(orgId, o -> EnumSet.noneOf(BalanceChangeCause.class))
            .add(change.cause());
      } catch (IllegalArgumentException malformed) {
        // Our own steps write these messages: a malformed one is a bug, so it goes to the DLQ.
        log.error("balance_changed.malformed", malformed, "messageId", delivery.messageId());
        failures.add(delivery.messageId());
      }
    }
    messagesByOrg.forEach(
        (orgId, messageIds) -> {
          try {
            if (swept.contains(orgId)) {
              // Reads the org's whole ledger: done by the daily sweep, never per call.
              expireFunds
                  .expire(orgId, clock.instant())
                  .forEach(
                      expired ->
                          log.info(
                              "funds.expired",
                              "orgId",
                              orgId,
                              "entryId",
                              expired.entryId(),
                              "amount",
                              expired.amount().toString()));
            }
            CheckBalance.Outcome outcome =
                checkBalance.check(orgId, causesByOrg.get(orgId), clock.instant());
            if (outcome instanceof CheckBalance.Outcome.Checked checked) {
              // RECHARGE_REQUESTED_AGAIN: an attempt in flight too long (the alarm's metric).
              checked.actions().forEach(a -> metrics.add("BalanceActions", 1, "action", a.name()));
              if (checked.actions().contains(CheckBalance.Action.RECHARGE_REQUESTED_AGAIN)) {
                metrics.add("RechargeInFlightTooLong", 1);
              }
              log.info(
                  "balance.checked",
                  "orgId",
                  orgId,
                  "balance",
                  checked.balance().toString(),
                  "actions",
                  checked.actions().toString());
              if (checked.actions().contains(CheckBalance.Action.RECHARGE_STUCK)) {
                // An operator's alarm: auto-recharge of this org may have stopped.
                log.error("recharge.stuck", null, "orgId", orgId);
              }
              if (checked.actions().contains(CheckBalance.Action.PURCHASE_STUCK)) {
                // An operator's alarm: a card may be charged and the org not credited for a day.
                log.error("purchase.stuck", null, "orgId", orgId);
              }
            } else {
              log.warn("balance.unknown_org", "orgId", orgId);
            }
          } catch (RuntimeException fault) {
            log.error("balance.check_failed", fault, "orgId", orgId);
            failures.addAll(messageIds);
          }
        });
    metrics.flush();
    return failures;
  }
}
