package com.commcredits.adapters.payment;

import com.commcredits.domain.payment.CardSetup;
import java.util.Optional;

/** The simulated gateway has no browser form: its cards are Stripe's test tokens put directly. */
public final class SimulatedCardSetup implements CardSetup {

  @Override
  public Result begin(String orgId, Optional<String> cardOnFileToken, String idempotencyKey) {
    return new Unavailable(
        "the simulated gateway takes a test token in PUT /payment-method (such as pm_card_visa);"
            + " it creates no SetupIntents");
  }
}
