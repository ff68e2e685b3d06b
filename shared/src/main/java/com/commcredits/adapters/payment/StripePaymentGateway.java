package com.commcredits.adapters.payment;

import com.commcredits.adapters.json.Json;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.payment.CardCharge;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.domain.payment.PaymentGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Charges the card on file through Stripe: one off-session PaymentIntent, created and confirmed in
 * one request with the saved payment method, under the charge's idempotency key (Stripe replays the
 * first answer for 24 hours instead of charging again). The token on file is {@code cus_…:pm_…},
 * the Stripe customer and the payment method saved for it.
 *
 * <p>Declines are mapped by Stripe's decline code (or error code): {@code insufficient_funds},
 * {@code try_again_later} and {@code withdrawal_count_limit_exceeded} are soft declines; {@code
 * processing_error} and {@code issuer_not_available} are processing errors; every other decline
 * ({@code expired_card}, {@code card_declined}, {@code lost_card}, {@code stolen_card}, {@code
 * incorrect_cvc}, {@code authentication_required}, …) is hard, so an unknown code never starts a
 * retry loop on a card. A rate limit (429: Stripe did not run the request) is a processing error.
 *
 * <p>Everything else is <em>indeterminate</em> and answered {@link ChargeResult.OutcomeUnknown}: a
 * 5xx (Stripe may have charged the card; a replay under the same key returns the saved 5xx), no
 * answer at all (timeout, lost connection), a concurrent request under the same key (409,
 * idempotency errors), and any status or body this adapter does not know. The caller keeps the try
 * open and reconciles it with {@link #find}, never charging under a new key first.
 *
 * <p>{@link #find} lists the customer's PaymentIntents (a consistent read, unlike Stripe Search,
 * whose index lags new PaymentIntents by about a minute, so its "not found" cannot be trusted) and
 * picks the one whose metadata carries the idempotency key this adapter wrote.
 */
public final class StripePaymentGateway implements PaymentGateway {

  /** Where Stripe's API is unless {@code STRIPE_API_BASE_URL} says otherwise. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.stripe.com");

  private static final Pattern TOKEN = Pattern.compile("(cus_[A-Za-z0-9]+):(pm_[A-Za-z0-9_]+)");
  private static final Set<String> SOFT =
      Set.of("insufficient_funds", "try_again_later", "withdrawal_count_limit_exceeded");
  private static final Set<String> PROCESSING = Set.of("processing_error", "issuer_not_available");

  /** How many pages of the customer's PaymentIntents {@link #find} reads before giving up. */
  private static final int FIND_PAGES = 5;

  private final StripeApi stripe;

  StripePaymentGateway(StripeApi stripe) {
    this.stripe = stripe;
  }

  /**
   * With the account's secret key and timeouts that fit a 30-second function. No network retries:
   * an unanswered charge is reconciled by the recharge step under the same key.
   *
   * @param baseUrl Stripe's API ({@link #DEFAULT_BASE_URL}) or a stand-in for tests
   */
  public static StripePaymentGateway at(URI baseUrl, String secretKey, Duration requestTimeout) {
    return new StripePaymentGateway(
        new StripeApi(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build(),
            Json.mapper(),
            baseUrl,
            secretKey,
            requestTimeout));
  }

  public static StripePaymentGateway withSecretKey(URI baseUrl, String secretKey) {
    return at(baseUrl, secretKey, Duration.ofSeconds(10));
  }

  @Override
  public ChargeResult charge(CardCharge charge) {
    Matcher token = TOKEN.matcher(charge.paymentMethodToken());
    if (!token.matches()) {
      return new ChargeResult.HardDecline(
          "invalid_payment_method", "the card on file is not a Stripe customer:payment method");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("amount", Long.toString(minorUnits(charge.amount())));
    form.put("currency", charge.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT));
    form.put("customer", token.group(1));
    form.put("payment_method", token.group(2));
    form.put("payment_method_types[0]", "card");
    form.put("confirm", "true");
    form.put("off_session", "true");
    if (!charge.description().isBlank()) {
      form.put("description", charge.description());
    }
    form.put("metadata[org_id]", charge.orgId());
    form.put("metadata[idempotency_key]", charge.idempotencyKey());
    StripeApi.Response response;
    try {
      response = stripe.post("/v1/payment_intents", form, charge.idempotencyKey());
    } catch (IOException e) {
      return new ChargeResult.OutcomeUnknown("no answer from Stripe: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ChargeResult.OutcomeUnknown("interrupted while waiting for Stripe");
    }
    return fromCreate(response);
  }

  @Override
  public ChargeResult find(CardCharge charge) {
    Matcher token = TOKEN.matcher(charge.paymentMethodToken());
    if (!token.matches()) {
      // never sent: charge() refuses such a token before any request
      return new ChargeResult.NotFound(charge.idempotencyKey());
    }
    String startingAfter = null;
    for (int page = 0; page < FIND_PAGES; page++) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("customer", token.group(1));
      query.put("limit", "100");
      if (startingAfter != null) {
        query.put("starting_after", startingAfter);
      }
      StripeApi.Response response;
      try {
        response = stripe.get("/v1/payment_intents", query);
      } catch (IOException e) {
        return new ChargeResult.OutcomeUnknown("no answer from Stripe: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ChargeResult.OutcomeUnknown("interrupted while waiting for Stripe");
      }
      refuseBadKey(response);
      if (response.status() != 200 || !response.body().path("data").isArray()) {
        return new ChargeResult.OutcomeUnknown(
            "Stripe could not list payments (" + response.status() + ")");
      }
      JsonNode match = null;
      for (JsonNode intent : response.body().path("data")) {
        if (charge.idempotencyKey().equals(intent.path("metadata").path("idempotency_key").asText())
            && (match == null || "succeeded".equals(intent.path("status").asText()))) {
          match = intent;
        }
        startingAfter = intent.path("id").asText(null);
      }
      if (match != null) {
        return fromIntent(match);
      }
      if (!response.body().path("has_more").asBoolean(false) || startingAfter == null) {
        return new ChargeResult.NotFound(charge.idempotencyKey());
      }
    }
    return new ChargeResult.OutcomeUnknown(
        "no payment under " + charge.idempotencyKey() + " in the customer's latest payments");
  }

  /**
   * The amount in the currency's minor units (cents), which is how Stripe takes amounts.
   *
   * @throws IllegalArgumentException if the amount has digits below the minor unit: a card is
   *     charged in whole cents, and rounding here would charge what nobody asked for
   */
  static long minorUnits(Money amount) {
    int digits = Math.max(0, amount.currency().getDefaultFractionDigits());
    try {
      return amount
          .toBigDecimal()
          .setScale(digits, RoundingMode.UNNECESSARY)
          .movePointRight(digits)
          .longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "cannot charge " + amount + ": it has digits below the currency's minor unit", e);
    }
  }

  private static ChargeResult fromCreate(StripeApi.Response response) {
    refuseBadKey(response);
    int status = response.status();
    JsonNode error = response.error();
    if (status == 200) {
      return fromIntent(response.body());
    }
    if (status == 402 && "card_error".equals(error.path("type").asText())) {
      return fromDecline(text(error, "decline_code"), text(error, "code"), text(error, "message"));
    }
    if (status == 429) {
      return new ChargeResult.ProcessingError("rate_limit", text(error, "message"));
    }
    if ((status == 400 || status == 404)
        && "invalid_request_error".equals(error.path("type").asText())) {
      return fromInvalidRequest(error);
    }
    // 5xx, 409, idempotency errors, anything unknown: Stripe may have charged the card.
    String code = text(error, "code");
    return new ChargeResult.OutcomeUnknown(
        "Stripe answered "
            + status
            + (code == null ? "" : " " + code)
            + (text(error, "message") == null ? "" : ": " + text(error, "message")));
  }

  /** A wrong or revoked key is the set-up's fault, not the card's: it fails loudly. */
  private static void refuseBadKey(StripeApi.Response response) {
    if (response.status() == 401 || response.status() == 403) {
      throw new IllegalStateException(
          "Stripe refused the secret key: " + text(response.error(), "message"));
    }
  }

  private static ChargeResult fromIntent(JsonNode intent) {
    String status = intent.path("status").asText();
    String id = intent.path("id").asText();
    switch (status) {
      case "succeeded":
        Currency currency =
            Currency.getInstance(intent.path("currency").asText().toUpperCase(Locale.ROOT));
        return new ChargeResult.Succeeded(
            id,
            Money.of(
                BigDecimal.valueOf(
                    intent.path("amount").asLong(),
                    Math.max(0, currency.getDefaultFractionDigits())),
                currency));
      case "requires_action":
        return new ChargeResult.HardDecline(
            "authentication_required", "the bank asks the cardholder to authenticate");
      case "requires_payment_method":
        JsonNode error = intent.path("last_payment_error");
        return error.isMissingNode() || error.isNull()
            ? new ChargeResult.HardDecline("card_declined", "payment method required")
            : fromDecline(text(error, "decline_code"), text(error, "code"), text(error, "message"));
      case "canceled":
        return new ChargeResult.ProcessingError("canceled", "the payment was canceled");
      default:
        // processing, requires_capture, requires_confirmation: not (yet) charged or declined
        return new ChargeResult.OutcomeUnknown("payment " + id + " is " + status + " at Stripe");
    }
  }

  private static ChargeResult fromDecline(String declineCode, String code, String message) {
    String reason =
        declineCode != null && !declineCode.isBlank() && !"generic_decline".equals(declineCode)
            ? declineCode
            : code == null || code.isBlank() ? "card_declined" : code;
    String text = message == null ? "" : message;
    if (SOFT.contains(reason)) {
      return new ChargeResult.SoftDecline(reason, text);
    }
    if (PROCESSING.contains(reason)) {
      return new ChargeResult.ProcessingError(reason, text);
    }
    return new ChargeResult.HardDecline(reason, text);
  }

  /**
   * A payment method that is gone or unusable (detached, deleted, never activated) needs a new card
   * as much as a decline does; other invalid requests are ours to fix, and surface as errors.
   */
  private static ChargeResult fromInvalidRequest(JsonNode error) {
    String code = text(error, "code") == null ? "invalid_request" : text(error, "code");
    String param = text(error, "param");
    String message = text(error, "message") == null ? "" : text(error, "message");
    boolean cardUnusable =
        code.startsWith("payment_method_")
            || ("resource_missing".equals(code)
                && ("payment_method".equals(param) || "customer".equals(param)));
    return cardUnusable
        ? new ChargeResult.HardDecline(code, message)
        : new ChargeResult.ProcessingError(code, message);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }
}
