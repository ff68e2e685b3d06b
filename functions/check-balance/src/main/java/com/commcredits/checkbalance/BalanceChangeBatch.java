package com.commcredits.checkbalance;

import com.commcredits.adapters.json.BalanceChangedJson;
import com.commcredits.adapters.lambda.BatchFailures;
import com.commcredits.adapters.lambda.SqsDelivery;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.domain.funding.CheckBalance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks each org named in a batch of balance changes once: the check reads the current balance, so
 * ten changes of one org need one check. A fault fails that org's messages only.
 */
final class BalanceChangeBatch {

  private final BalanceChangedJson json;
  private final CheckBalance checkBalance;
  private final Clock clock;
  private final StructuredLog log;

  BalanceChangeBatch(
      BalanceChangedJson json, CheckBalance checkBalance, Clock clock, StructuredLog log) {
    this.json = json;
    this.checkBalance = checkBalance;
    this.clock = clock;
    this.log = log;
  }

  BatchFailures process(List<SqsDelivery> deliveries) {
    BatchFailures failures = new BatchFailures();
    Map<String, List<String>> messagesByOrg = new LinkedHashMap<>();
    for (SqsDelivery delivery : deliveries) {
      try {
        String orgId = json.read(delivery.body()).orgId();
        messagesByOrg.computeIfAbsent(orgId, o -> new ArrayList<>()).add(delivery.messageId());
      } catch (IllegalArgumentException malformed) {
        // Our own steps write these messages: a malformed one is a bug, so it goes to the DLQ.
        log.error("balance_changed.malformed", malformed, "messageId", delivery.messageId());
        failures.add(delivery.messageId());
      }
    }
    messagesByOrg.forEach(
        (orgId, messageIds) -> {
          try {
            CheckBalance.Outcome outcome = checkBalance.check(orgId, clock.instant());
            if (outcome instanceof CheckBalance.Outcome.Checked checked) {
              log.info(
                  "balance.checked",
                  "orgId",
                  orgId,
                  "balance",
                  checked.balance().toString(),
                  "actions",
                  checked.actions().toString());
            } else {
              log.warn("balance.unknown_org", "orgId", orgId);
            }
          } catch (RuntimeException fault) {
            log.error("balance.check_failed", fault, "orgId", orgId);
            failures.addAll(messageIds);
          }
        });
    return failures;
  }
}
