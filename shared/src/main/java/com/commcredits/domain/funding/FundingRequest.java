package com.commcredits.domain.funding;

import java.time.Instant;

/**
 * A message to the auto-recharge step, which settles everything that charges a card: work a
 * recharge attempt forward, or settle a purchase whose charge got no clear answer.
 */
public sealed interface FundingRequest permits RechargeRequest, PurchaseSettlement {

  String orgId();

  /** Delivered no earlier; the step re-queues one that arrives early. */
  Instant notBefore();
}
