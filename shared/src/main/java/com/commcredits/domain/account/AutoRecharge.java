package com.commcredits.domain.account;

import com.commcredits.domain.money.Money;
import java.util.Objects;

/**
 * An org's auto-recharge setting: when the balance falls below {@code trigger}, buy {@code amount}
 * of credits with the card on file.
 *
 * @param pausedReason why recharging is paused until an admin acts (a hard decline, a guard), or
 *     {@code null} when it is not paused
 */
public record AutoRecharge(
    boolean enabled,
    Money amount,
    Money trigger,
    PaymentMethod paymentMethod,
    PauseReason pausedReason) {

  public AutoRecharge {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(trigger, "trigger");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("recharge amount must be positive, got " + amount);
    }
    if (trigger.isNegative()) {
      throw new IllegalArgumentException("trigger must not be negative, got " + trigger);
    }
    if (enabled && paymentMethod == null) {
      throw new IllegalArgumentException("auto-recharge needs a payment method on file");
    }
  }

  public static AutoRecharge off(Money amount, Money trigger) {
    return new AutoRecharge(false, amount, trigger, null, null);
  }

  /** The same setting, paused for {@code reason} or unpaused with {@code null}. */
  public AutoRecharge withPause(PauseReason reason) {
    return new AutoRecharge(enabled, amount, trigger, paymentMethod, reason);
  }

  /** Whether a recharge may be started now: on, and not paused by a decline or a guard. */
  public boolean isActive() {
    return enabled && pausedReason == null;
  }
}
