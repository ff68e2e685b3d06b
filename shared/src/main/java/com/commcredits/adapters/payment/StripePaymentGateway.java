package com.commcredits.adapters.payment;

import com.commcredits.domain.money.Money;
import com.commcredits.domain.payment.CardCharge;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.domain.payment.PaymentGateway;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * retry loop on a card. Rate limits and Stripe's server errors are processing errors; no answer at
 * all (a timeout, a lost connection, a concurrent request under the same key) is an unknown
 * outcome, to be reconciled with {@link #find}.
 *
 * <p>{@link #find} searches PaymentIntents by the metadata this adapter writes ({@code org_id},
 * {@code idempotency_key}). The port gives no customer to list by, and search needs none. Stripe's
 * search index may lag a new PaymentIntent by up to about a minute, so "not found" shortly after a
 * lost reply is safe only because the caller charges again under the same idempotency key, which
 * Stripe answers with the first result rather than a second charge.
 */
public final class StripePaymentGateway implements PaymentGateway {

  private static final Pattern TOKEN = Pattern.compile("(cus_[A-Za-z0-9]+):(pm_[A-Za-z0-9_]+)");
  private static final Set<String> SOFT =
      Set.of("insufficient_funds", "try_again_later", "withdrawal_count_limit_exceeded");
  private static final Set<String> PROCESSING = Set.of("processing_error", "issuer_not_available");

  private final StripeClient stripe;

  public StripePaymentGateway(StripeClient stripe) {
    this.stripe = stripe;
  }

  /**
   * With the account's secret key, and timeouts that fit a 30-second function: a network retry is
   * safe because every request carries its idempotency key.
   */
  public static StripePaymentGateway withSecretKey(String secretKey, String apiBase) {
    if (secretKey == null || secretKey.isBlank()) {
      throw new IllegalArgumentException("the Stripe secret key is missing");
    }
    return new StripePaymentGateway(
        StripeClient.builder()
            .setApiKey(secretKey)
            .setApiBase(apiBase)
            .setConnectTimeout(3_000)
            .setReadTimeout(10_000)
            .setMaxNetworkRetries(1)
            .build());
  }

  @Override
  public ChargeResult charge(CardCharge charge) {
    var token = TOKEN.matcher(charge.paymentMethodToken());
    if (!token.matches()) {
      return new ChargeResult.HardDecline(
          "invalid_payment_method", "the card on file is not a Stripe customer:payment method");
    }
    PaymentIntentCreateParams params =
        PaymentIntentCreateParams.builder()
            .setAmount(minorUnits(charge.amount()))
            .setCurrency(charge.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
            .setCustomer(token.group(1))
            .setPaymentMethod(token.group(2))
            .addPaymentMethodType("card")
            .setConfirm(true)
            .setOffSession(true)
            .setDescription(charge.description().isBlank() ? null : charge.description())
            .putMetadata("org_id", charge.orgId())
            .putMetadata("idempotency_key", charge.idempotencyKey())
            .build();
    try {
      return fromIntent(
          stripe.v1().paymentIntents().create(params, withKey(charge.idempotencyKey())));
    } catch (CardException e) {
      return fromDecline(e.getDeclineCode(), e.getCode(), e.getMessage());
    } catch (RateLimitException e) {
      return new ChargeResult.ProcessingError("rate_limit", stripeMessage(e));
    } catch (ApiException e) {
      return new ChargeResult.ProcessingError(codeOr(e, "api_error"), stripeMessage(e));
    } catch (ApiConnectionException e) {
      return new ChargeResult.OutcomeUnknown("no answer from Stripe: " + e.getMessage());
    } catch (IdempotencyException e) {
      // another request under this key is under way, or the key was used with other parameters:
      // what happened to the card is for find() to tell
      return new ChargeResult.OutcomeUnknown("Stripe idempotency conflict: " + stripeMessage(e));
    } catch (InvalidRequestException e) {
      return fromInvalidRequest(e);
    } catch (AuthenticationException e) {
      // a PermissionException too: the set-up is at fault, not the card
      throw new IllegalStateException("Stripe refused the secret key: " + stripeMessage(e), e);
    } catch (StripeException e) {
      return new ChargeResult.ProcessingError(codeOr(e, "stripe_error"), stripeMessage(e));
    }
  }

  @Override
  public ChargeResult find(String orgId, String idempotencyKey) {
    PaymentIntentSearchParams params =
        PaymentIntentSearchParams.builder()
            .setQuery(
                "metadata['idempotency_key']:'"
                    + quoted(idempotencyKey)
                    + "' AND metadata['org_id']:'"
                    + quoted(orgId)
                    + "'")
            .setLimit(10L)
            .build();
    List<PaymentIntent> found;
    try {
      found = stripe.v1().paymentIntents().search(params).getData();
    } catch (AuthenticationException e) {
      // a PermissionException too: the set-up is at fault, not the card
      throw new IllegalStateException("Stripe refused the secret key: " + stripeMessage(e), e);
    } catch (StripeException e) {
      return new ChargeResult.OutcomeUnknown("Stripe search failed: " + stripeMessage(e));
    }
    return found.stream()
        .filter(intent -> idempotencyKey.equals(intent.getMetadata().get("idempotency_key")))
        .max(
            Comparator.comparing((PaymentIntent intent) -> "succeeded".equals(intent.getStatus()))
                .thenComparing(intent -> intent.getCreated() == null ? 0L : intent.getCreated()))
        .map(StripePaymentGateway::fromIntent)
        .orElseGet(() -> new ChargeResult.NotFound(idempotencyKey));
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

  private static ChargeResult fromIntent(PaymentIntent intent) {
    String status = String.valueOf(intent.getStatus());
    switch (status) {
      case "succeeded":
        Currency currency = Currency.getInstance(intent.getCurrency().toUpperCase(Locale.ROOT));
        return new ChargeResult.Succeeded(
            intent.getId(),
            Money.of(
                BigDecimal.valueOf(
                    intent.getAmount(), Math.max(0, currency.getDefaultFractionDigits())),
                currency));
      case "requires_action":
        return new ChargeResult.HardDecline(
            "authentication_required", "the bank asks the cardholder to authenticate");
      case "requires_payment_method":
        StripeError error = intent.getLastPaymentError();
        return error == null
            ? new ChargeResult.HardDecline("card_declined", "payment method required")
            : fromDecline(error.getDeclineCode(), error.getCode(), error.getMessage());
      case "canceled":
        return new ChargeResult.ProcessingError("canceled", "the payment was canceled");
      default:
        // processing, requires_capture, requires_confirmation: not (yet) charged or declined
        return new ChargeResult.OutcomeUnknown(
            "payment " + intent.getId() + " is " + status + " at Stripe");
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
  private static ChargeResult fromInvalidRequest(InvalidRequestException e) {
    String code = codeOr(e, "invalid_request");
    boolean cardUnusable =
        code.startsWith("payment_method_")
            || ("resource_missing".equals(code)
                && ("payment_method".equals(e.getParam()) || "customer".equals(e.getParam())));
    return cardUnusable
        ? new ChargeResult.HardDecline(code, stripeMessage(e))
        : new ChargeResult.ProcessingError(code, stripeMessage(e));
  }

  private static RequestOptions withKey(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  private static String codeOr(StripeException e, String fallback) {
    return e.getCode() == null || e.getCode().isBlank() ? fallback : e.getCode();
  }

  /** Stripe's own message, without the request id and status it appends. */
  private static String stripeMessage(StripeException e) {
    return e.getStripeError() != null && e.getStripeError().getMessage() != null
        ? e.getStripeError().getMessage()
        : String.valueOf(e.getMessage());
  }

  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }
}
