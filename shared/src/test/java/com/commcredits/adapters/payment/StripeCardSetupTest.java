package com.commcredits.adapters.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.adapters.payment.StripePaymentGatewayTest.LocalStripe;
import com.commcredits.adapters.payment.StripePaymentGatewayTest.Request;
import com.commcredits.domain.payment.CardSetup;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starting a Stripe Elements card setup against canned Stripe answers on 127.0.0.1. */
class StripeCardSetupTest {

  private static final String CUSTOMER =
      """
      {"id":"cus_New1","object":"customer","metadata":{"org_id":"acme"}}
      """;
  private static final String SETUP_INTENT =
      """
      {"id":"seti_1Abc","object":"setup_intent","client_secret":"seti_1Abc_secret_Xyz",
       "customer":"cus_New1","status":"requires_payment_method","usage":"off_session",
       "payment_method_types":["card"],"metadata":{"org_id":"acme"}}
      """;

  private LocalStripe stripe;
  private CardSetup setup;

  @BeforeEach
  void serveStripe() throws IOException {
    stripe = new LocalStripe();
    setup = StripeCardSetup.at(URI.create(stripe.base()), "sk_test_local", "pk_test_local");
  }

  @AfterEach
  void stop() {
    stripe.stop();
  }

  @Test
  void begin_createsACustomerForTheOrg_thenAnOffSessionCardSetupIntent_whenNoStripeCardIsOnFile() {
    // given
    stripe.answer(500, "{}");
    stripe.answer("/v1/customers", 200, CUSTOMER);
    stripe.answer("/v1/setup_intents", 200, SETUP_INTENT);

    // when
    CardSetup.Result result = setup.begin("acme", Optional.of("pm_card_visa"), "key-1");

    // then
    assertThat(result)
        .isEqualTo(new CardSetup.Started("seti_1Abc_secret_Xyz", "cus_New1", "pk_test_local"));
    assertThat(stripe.requests()).hasSize(2);
    Request customer = stripe.requests().get(0);
    assertThat(customer.method()).isEqualTo("POST");
    assertThat(customer.path()).isEqualTo("/v1/customers");
    assertThat(customer.idempotencyKey()).isEqualTo("customer:acme");
    assertThat(customer.authorization()).isEqualTo("Bearer sk_test_local");
    assertThat(customer.form())
        .containsExactlyEntriesOf(java.util.Map.of("metadata[org_id]", "acme"));
    Request intent = stripe.requests().get(1);
    assertThat(intent.method()).isEqualTo("POST");
    assertThat(intent.path()).isEqualTo("/v1/setup_intents");
    assertThat(intent.idempotencyKey()).isEqualTo("setup-intent:acme:key-1");
    assertThat(intent.form())
        .containsEntry("customer", "cus_New1")
        .containsEntry("usage", "off_session")
        .containsEntry("payment_method_types[]", "card")
        .containsEntry("metadata[org_id]", "acme")
        .hasSize(4);
  }

  @Test
  void begin_reusesTheCustomerOfTheStripeCardOnFile_andCreatesNoOther() {
    // given
    stripe.answer(500, "{}");
    stripe.answer("/v1/setup_intents", 200, SETUP_INTENT.replace("cus_New1", "cus_Acme1"));

    // when
    CardSetup.Result result = setup.begin("acme", Optional.of("cus_Acme1:pm_1Card"), "key-2");

    // then
    assertThat(result)
        .isEqualTo(new CardSetup.Started("seti_1Abc_secret_Xyz", "cus_Acme1", "pk_test_local"));
    Request only = stripe.onlyRequest();
    assertThat(only.path()).isEqualTo("/v1/setup_intents");
    assertThat(only.form()).containsEntry("customer", "cus_Acme1");
  }

  @Test
  void begin_fails_withStripesReason_whenStripeRefusesTheSetupIntent() {
    // given
    stripe.answer(
        400,
        """
        {"error":{"type":"invalid_request_error","code":"resource_missing","param":"customer",
                  "message":"No such customer: 'cus_Gone'"}}
        """);

    // when
    CardSetup.Result result = setup.begin("acme", Optional.of("cus_Gone:pm_1Card"), "key-3");

    // then
    assertThat(result)
        .isEqualTo(
            new CardSetup.Failed(
                "Stripe could not create the SetupIntent (400: No such customer: 'cus_Gone')"));
  }

  @Test
  void begin_fails_withoutAnswer_whenStripeIsUnreachable() {
    // given
    stripe.stop();

    // when
    CardSetup.Result result = setup.begin("acme", Optional.empty(), "key-4");

    // then
    assertThat(result).isInstanceOf(CardSetup.Failed.class);
    assertThat(((CardSetup.Failed) result).reason()).startsWith("no answer from Stripe");
  }

  @Test
  void simulatedGateway_startsNoSetup_andSaysToPutATestToken() {
    CardSetup.Result result = new SimulatedCardSetup().begin("acme", Optional.empty(), "key-5");

    assertThat(result).isInstanceOf(CardSetup.Unavailable.class);
    assertThat(((CardSetup.Unavailable) result).reason())
        .contains("the simulated gateway takes a test token in PUT /payment-method");
  }
}
