package com.commcredits.domain.funding;

/** Queues recharge requests; one whose {@code notBefore} lies ahead is delivered no earlier. */
public interface RechargeRequestPublisher {
  void publish(RechargeRequest request);
}
