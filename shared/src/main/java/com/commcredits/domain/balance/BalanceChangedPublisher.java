package com.commcredits.domain.balance;

/** Hands balance changes on to the balance check. */
public interface BalanceChangedPublisher {
  void publish(BalanceChanged event);
}
