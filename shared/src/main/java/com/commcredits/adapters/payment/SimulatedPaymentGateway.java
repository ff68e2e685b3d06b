package com.commcredits.adapters.payment;

import com.commcredits.domain.payment.CardCharge;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.domain.payment.PaymentGateway;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A payment provider for local runs, demos and tests that answers as Stripe's test cards do. The
 * outcome is chosen by the payment-method token (a {@code cus_…:} customer prefix is ignored):
 *
 * <table>
 *   <tr><th>token</th><th>outcome</th></tr>
 *   <tr><td>{@code pm_card_chargeDeclinedExpiredCard}</td><td>hard decline {@code expired_card}</td></tr>
 *   <tr><td>{@code pm_card_chargeDeclined}</td><td>hard decline {@code card_declined}</td></tr>
 *   <tr><td>{@code pm_card_chargeDeclinedLostCard}, {@code …StolenCard}, {@code …IncorrectCvc},
 *       {@code pm_card_authenticationRequired}</td><td>hard decline with that code</td></tr>
 *   <tr><td>{@code pm_card_chargeDeclinedInsufficientFunds}</td><td>soft decline {@code insufficient_funds}</td></tr>
 *   <tr><td>{@code pm_card_chargeDeclinedProcessingError}</td><td>processing error {@code processing_error}</td></tr>
 *   <tr><td>{@code pm_card_timeout}</td><td>charged, but the reply is lost: {@link ChargeResult.OutcomeUnknown}</td></tr>
 *   <tr><td>{@code pm_card_visa}, {@code pm_card_visa_debit}, {@code pm_card_mastercard}, {@code pm_card_amex}, {@code pm_card_discover}</td><td>charged</td></tr>
 *   <tr><td>anything else (a real card's token, a typo)</td><td>hard decline {@code unknown_test_card}: it never "charges" a card it does not know (guards issue 9 defect 2)</td></tr>
 * </table>
 *
 * <p>Like Stripe, every charge is kept under its idempotency key and a repeated request gets the
 * first result back without charging again; the same key with another amount is refused as Stripe
 * refuses it.
 */
public final class SimulatedPaymentGateway implements PaymentGateway {

  private record Decision(SimulatedCharge.Kind kind, String code, String message, boolean lost) {}

  private static final Decision CHARGED =
      new Decision(SimulatedCharge.Kind.SUCCEEDED, "", "", false);

  private static final Set<String> CHARGED_CARDS =
      Set.of(
          "pm_card_visa",
          "pm_card_visa_debit",
          "pm_card_mastercard",
          "pm_card_amex",
          "pm_card_discover");

  private static final Decision UNKNOWN =
      hard("unknown_test_card", "The simulated gateway charges only Stripe's test cards.");

  private static final Map<String, Decision> TEST_CARDS =
      Map.of(
          "pm_card_chargeDeclinedExpiredCard",
          hard("expired_card", "Your card has expired."),
          "pm_card_chargeDeclined",
          hard("card_declined", "Your card was declined."),
          "pm_card_chargeDeclinedLostCard",
          hard("lost_card", "Your card was declined."),
          "pm_card_chargeDeclinedStolenCard",
          hard("stolen_card", "Your card was declined."),
          "pm_card_chargeDeclinedIncorrectCvc",
          hard("incorrect_cvc", "Your card's security code is incorrect."),
          "pm_card_authenticationRequired",
          hard("authentication_required", "Your card requires authentication."),
          "pm_card_chargeDeclinedInsufficientFunds",
          new Decision(
              SimulatedCharge.Kind.SOFT_DECLINE,
              "insufficient_funds",
              "Your card has insufficient funds.",
              false),
          "pm_card_chargeDeclinedProcessingError",
          new Decision(
              SimulatedCharge.Kind.PROCESSING_ERROR,
              "processing_error",
              "An error occurred while processing your card. Try again in a little bit.",
              false),
          "pm_card_timeout",
          new Decision(SimulatedCharge.Kind.SUCCEEDED, "", "", true));

  private final SimulatedCharges charges;
  private final Clock clock;

  public SimulatedPaymentGateway(SimulatedCharges charges, Clock clock) {
    this.charges = charges;
    this.clock = clock;
  }

  @Override
  public ChargeResult charge(CardCharge charge) {
    String card = paymentMethodOf(charge);
    Decision decision =
        CHARGED_CARDS.contains(card) ? CHARGED : TEST_CARDS.getOrDefault(card, UNKNOWN);
    SimulatedCharge made =
        new SimulatedCharge(
            charge.orgId(),
            charge.idempotencyKey(),
            decision.kind(),
            decision.code(),
            decision.message(),
            charge.amount(),
            decision.kind() == SimulatedCharge.Kind.SUCCEEDED ? paymentId(charge) : null,
            decision.lost(),
            clock.instant());
    var earlier = charges.recordFirst(made);
    if (earlier.isPresent()) {
      if (!earlier.get().amount().equals(charge.amount())) {
        throw new IllegalStateException(
            "idempotency key "
                + charge.idempotencyKey()
                + " was used before with another amount; a provider refuses such a request");
      }
      return earlier.get().result();
    }
    if (made.replyLost()) {
      return new ChargeResult.OutcomeUnknown("simulated timeout: charged, but the reply was lost");
    }
    return made.result();
  }

  @Override
  public ChargeResult find(CardCharge charge) {
    return charges
        .find(charge.orgId(), charge.idempotencyKey())
        .map(SimulatedCharge::result)
        .orElseGet(() -> new ChargeResult.NotFound(charge.idempotencyKey()));
  }

  /** The charges that took money from the org's card, oldest first. */
  public List<SimulatedCharge> chargesFor(String orgId) {
    return charges.all(orgId).stream().filter(SimulatedCharge::tookMoney).toList();
  }

  private static Decision hard(String code, String message) {
    return new Decision(SimulatedCharge.Kind.HARD_DECLINE, code, message, false);
  }

  private static String paymentMethodOf(CardCharge charge) {
    String token = charge.paymentMethodToken();
    int customerEnd = token.indexOf(':');
    return customerEnd < 0 ? token : token.substring(customerEnd + 1);
  }

  /** Derived from the key, so a replay answers with the same id, as the provider's would. */
  private static String paymentId(CardCharge charge) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (charge.orgId() + "\n" + charge.idempotencyKey())
                      .getBytes(StandardCharsets.UTF_8));
      return "pi_sim_" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
