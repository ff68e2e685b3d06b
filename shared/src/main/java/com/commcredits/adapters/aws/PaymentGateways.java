package com.commcredits.adapters.aws;

import com.commcredits.adapters.dynamodb.DynamoDbSimulatedCharges;
import com.commcredits.adapters.payment.SimulatedCardSetup;
import com.commcredits.adapters.payment.SimulatedPaymentGateway;
import com.commcredits.adapters.payment.StripeCardSetup;
import com.commcredits.adapters.payment.StripePaymentGateway;
import com.commcredits.domain.payment.CardSetup;
import com.commcredits.domain.payment.PaymentGateway;
import java.net.URI;
import java.time.Clock;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Chooses the payment gateway from the environment, for every function that charges cards (the
 * recharge step, credit purchases). There is no default, so a deployment never hands out credit
 * without charging by accident (guards issue 9 defect 2):
 *
 * <ul>
 *   <li>{@code PAYMENT_GATEWAY=stripe}: Stripe at {@code STRIPE_API_BASE_URL} (default {@code
 *       https://api.stripe.com}; a stand-in Stripe server for tests and simulations), with the
 *       secret key from {@code stripeSecretKey};
 *   <li>{@code PAYMENT_GATEWAY=simulated}: the test-card gateway, only together with {@code
 *       ALLOW_SIMULATED_PAYMENTS=true}, which the template sets only for a stage its deployer marks
 *       as a test stage.
 * </ul>
 */
public final class PaymentGateways {

  private PaymentGateways() {}

  /**
   * @param stripeSecretKey read only when Stripe is chosen (a Secrets Manager call in Lambda)
   * @throws IllegalStateException if the choice is missing, unknown or not allowed
   */
  public static PaymentGateway from(
      LambdaEnvironment environment,
      DynamoDbClient dynamoDb,
      String ledgerTable,
      Supplier<String> stripeSecretKey) {
    String gateway =
        environment
            .optional("PAYMENT_GATEWAY")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "PAYMENT_GATEWAY must be set to stripe (or simulated on a test stage)"));
    return switch (gateway) {
      case "stripe" ->
          StripePaymentGateway.withSecretKey(stripeBaseUrl(environment), stripeSecretKey.get());
      case "simulated" -> {
        if (!"true".equals(environment.optional("ALLOW_SIMULATED_PAYMENTS").orElse("false"))) {
          throw new IllegalStateException(
              "PAYMENT_GATEWAY=simulated credits without charging; it needs"
                  + " ALLOW_SIMULATED_PAYMENTS=true (AllowSimulatedPayments on a test stage)");
        }
        yield new SimulatedPaymentGateway(
            new DynamoDbSimulatedCharges(dynamoDb, ledgerTable), Clock.systemUTC());
      }
      default ->
          throw new IllegalStateException(
              "PAYMENT_GATEWAY must be stripe or simulated, got " + gateway);
    };
  }

  /**
   * How the Admin API starts saving a card in the browser, for the same gateway as {@link #from}:
   * with Stripe a SetupIntent shown with the publishable key {@code STRIPE_PUBLISHABLE_KEY}; with
   * the simulated gateway none (its cards are test tokens put directly).
   */
  public static CardSetup cardSetup(
      LambdaEnvironment environment, Supplier<String> stripeSecretKey) {
    String gateway = environment.optional("PAYMENT_GATEWAY").orElse("");
    if ("stripe".equals(gateway)) {
      return StripeCardSetup.at(
          stripeBaseUrl(environment),
          stripeSecretKey.get(),
          environment.optional("STRIPE_PUBLISHABLE_KEY").orElse(""));
    }
    // from() has refused every other choice already
    return new SimulatedCardSetup();
  }

  /** {@code STRIPE_API_BASE_URL}, or Stripe's own API. */
  public static URI stripeBaseUrl(LambdaEnvironment environment) {
    return environment
        .optional("STRIPE_API_BASE_URL")
        .filter(url -> !url.isBlank())
        .map(URI::create)
        .orElse(StripePaymentGateway.DEFAULT_BASE_URL);
  }
}
