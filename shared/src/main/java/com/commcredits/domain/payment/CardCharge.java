package com.commcredits.domain.payment;

import com.commcredits.domain.money.Money;
import java.util.Objects;

/**
 * A request to charge the card on file once. The provider treats every request with the same
 * idempotency key as the same charge, so a retry after a crash or a lost reply never charges twice.
 *
 * @param idempotencyKey derived from the recharge attempt, e.g. {@code recharge:acme:000042}
 * @param paymentMethodToken the provider's token for the card; never card data
 */
public record CardCharge(
    String orgId,
    String idempotencyKey,
    Money amount,
    String paymentMethodToken,
    String description) {

  public CardCharge {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(amount, "amount");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a card charge must be positive, got " + amount);
    }
    Objects.requireNonNull(paymentMethodToken, "paymentMethodToken");
    description = description == null ? "" : description;
  }
}
