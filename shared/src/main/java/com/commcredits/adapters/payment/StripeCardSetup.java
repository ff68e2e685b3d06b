package com.commcredits.adapters.payment;

import com.commcredits.adapters.json.Json;
import com.commcredits.domain.payment.CardSetup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts saving a card with Stripe Elements: an off-session card SetupIntent for the org's Stripe
 * customer, whose client secret the console hands to {@code stripe.confirmCardSetup}.
 *
 * <p>The customer lives where the charge reads it, in the card token on file ({@code cus_…:pm_…}),
 * so there is one owner of it and no second place to keep in step. An org without a Stripe card yet
 * gets a new customer, created under the key {@code customer:<org>}: retries and a second setup
 * within Stripe's 24-hour idempotency window get the same customer back. A customer whose setup was
 * abandoned after that holds no card and costs nothing.
 */
public final class StripeCardSetup implements CardSetup {

  private static final Pattern CUSTOMER = Pattern.compile("(cus_[A-Za-z0-9]+):pm_[A-Za-z0-9_]+");

  private final StripeApi stripe;
  private final String publishableKey;

  StripeCardSetup(StripeApi stripe, String publishableKey) {
    this.stripe = stripe;
    if (publishableKey == null || !publishableKey.startsWith("pk_")) {
      throw new IllegalArgumentException(
          "the Stripe publishable key (StripePublishableKey, pk_…) is missing");
    }
    this.publishableKey = publishableKey;
  }

  public static StripeCardSetup at(URI baseUrl, String secretKey, String publishableKey) {
    return new StripeCardSetup(
        new StripeApi(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build(),
            Json.mapper(),
            baseUrl,
            secretKey,
            Duration.ofSeconds(10)),
        publishableKey);
  }

  @Override
  public Result begin(String orgId, Optional<String> cardOnFileToken, String idempotencyKey) {
    try {
      Optional<String> onFile =
          cardOnFileToken.map(CUSTOMER::matcher).filter(Matcher::matches).map(m -> m.group(1));
      String customer;
      if (onFile.isPresent()) {
        customer = onFile.get();
      } else {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("metadata[org_id]", orgId);
        StripeApi.Response created = stripe.post("/v1/customers", form, "customer:" + orgId);
        if (created.status() != 200 || !created.body().path("id").asText().startsWith("cus_")) {
          return failed("create the customer", created);
        }
        customer = created.body().path("id").asText();
      }
      Map<String, String> form = new LinkedHashMap<>();
      form.put("customer", customer);
      form.put("usage", "off_session");
      form.put("payment_method_types[]", "card");
      form.put("metadata[org_id]", orgId);
      StripeApi.Response intent =
          stripe.post("/v1/setup_intents", form, "setup-intent:" + orgId + ":" + idempotencyKey);
      String secret = intent.body().path("client_secret").asText("");
      if (intent.status() != 200 || secret.isEmpty()) {
        return failed("create the SetupIntent", intent);
      }
      return new Started(secret, customer, publishableKey);
    } catch (IOException e) {
      // nothing is saved before the browser confirms, so the admin simply tries again
      return new Failed("no answer from Stripe: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Failed("interrupted while waiting for Stripe");
    }
  }

  private static Failed failed(String what, StripeApi.Response response) {
    String message = response.error().path("message").asText("");
    return new Failed(
        "Stripe could not "
            + what
            + " ("
            + response.status()
            + (message.isEmpty() ? "" : ": " + message)
            + ")");
  }
}
