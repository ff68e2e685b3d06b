package com.commcredits.domain.payment;

import java.util.Objects;
import java.util.Optional;

/**
 * Starts saving a new card in the browser with the payment provider's own form (Stripe Elements and
 * a SetupIntent), so the card number never touches this system: the provider answers a client
 * secret for the browser, which then saves the card and puts the resulting token on file.
 */
public interface CardSetup {

  /**
   * @param cardOnFileToken the org's current token, whose provider customer is reused if it has one
   * @param idempotencyKey the request's key: a retry starts the same setup, not a second one
   */
  Result begin(String orgId, Optional<String> cardOnFileToken, String idempotencyKey);

  /** What {@link #begin} came to. */
  sealed interface Result {}

  /**
   * The provider is ready for the card.
   *
   * @param clientSecret for the browser's {@code confirmCardSetup}; not a card secret, but only for
   *     the org's admin
   * @param customer the provider's customer the card will be saved for ({@code cus_…})
   * @param publishableKey the provider's public key for its browser library
   */
  record Started(String clientSecret, String customer, String publishableKey) implements Result {
    public Started {
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(publishableKey, "publishableKey");
    }
  }

  /** This gateway saves no cards in the browser (the simulated one takes a test token). */
  record Unavailable(String reason) implements Result {}

  /** The provider could not start the setup (no answer, an error): nothing was saved. */
  record Failed(String reason) implements Result {}
}
