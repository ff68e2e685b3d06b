package com.commcredits.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.adapters.payment.SimulatedPaymentGateway;
import com.commcredits.adapters.payment.StripePaymentGateway;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Guards issue 9 defect 2: no deployment credits without charging unless a stage says so. */
class PaymentGatewaysTest {

  private final DynamoDbClient dynamoDb =
      DynamoDbClient.builder()
          .region(Region.US_EAST_1)
          .credentialsProvider(AnonymousCredentialsProvider.create())
          .endpointOverride(URI.create("http://127.0.0.1:9"))
          .build();

  @AfterEach
  void close() {
    dynamoDb.close();
  }

  private Object gateway(Map<String, String> variables) {
    return PaymentGateways.from(
        LambdaEnvironment.of(variables), dynamoDb, "ledger", () -> "sk_test_local");
  }

  @Test
  void noChoice_isRefused() {
    assertThatThrownBy(() -> gateway(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PAYMENT_GATEWAY");
  }

  @Test
  void simulated_withoutATestStage_isRefused() {
    assertThatThrownBy(() -> gateway(Map.of("PAYMENT_GATEWAY", "simulated")))
        .hasMessageContaining("ALLOW_SIMULATED_PAYMENTS=true");
    assertThatThrownBy(
            () ->
                gateway(
                    Map.of("PAYMENT_GATEWAY", "simulated", "ALLOW_SIMULATED_PAYMENTS", "false")))
        .hasMessageContaining("ALLOW_SIMULATED_PAYMENTS=true");
  }

  @Test
  void simulated_onATestStage_andStripe_areBuilt() {
    assertThat(gateway(Map.of("PAYMENT_GATEWAY", "simulated", "ALLOW_SIMULATED_PAYMENTS", "true")))
        .isInstanceOf(SimulatedPaymentGateway.class);
    assertThat(gateway(Map.of("PAYMENT_GATEWAY", "stripe")))
        .isInstanceOf(StripePaymentGateway.class);
  }

  @Test
  void stripeBaseUrl_defaultsToStripe_andCanPointAtAStandIn() {
    assertThat(PaymentGateways.stripeBaseUrl(LambdaEnvironment.of(Map.of())))
        .isEqualTo(URI.create("https://api.stripe.com"));
    assertThat(
            PaymentGateways.stripeBaseUrl(
                LambdaEnvironment.of(Map.of("STRIPE_API_BASE_URL", "http://127.0.0.1:4242"))))
        .isEqualTo(URI.create("http://127.0.0.1:4242"));
  }
}
