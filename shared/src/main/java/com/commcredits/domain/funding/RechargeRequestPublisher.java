package com.commcredits.domain.funding;

/**
 * Queues requests to the auto-recharge step; one whose {@code notBefore} lies ahead is delivered no
 * earlier.
 */
public interface RechargeRequestPublisher {
  void publish(RechargeRequest request);

  void publish(PurchaseSettlement settlement);
}
