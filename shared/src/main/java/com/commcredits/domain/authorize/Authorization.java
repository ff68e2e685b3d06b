package com.commcredits.domain.authorize;

import com.commcredits.domain.money.Money;

/** The answer to a call authorization. */
public sealed interface Authorization {

  /**
   * The call may start and last up to {@code maxMinutes}; {@code held} is set aside from the
   * balance until its record is charged (or the hold lapses), so simultaneous calls cannot together
   * spend more than the balance.
   */
  record Authorized(String callId, int maxMinutes, Money held) implements Authorization {}

  record Denied(String callId, String reason) implements Authorization {}
}
