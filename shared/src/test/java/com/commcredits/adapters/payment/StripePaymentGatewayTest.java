package com.commcredits.adapters.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.domain.money.Money;
import com.commcredits.domain.payment.CardCharge;
import com.commcredits.domain.payment.ChargeResult;
import com.stripe.StripeClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Stripe adapter against recorded-style answers served on 127.0.0.1; no network. */
class StripePaymentGatewayTest {

  private static final String SUCCEEDED =
      """
      {"id":"pi_3QxYz","object":"payment_intent","amount":10000,"currency":"usd",
       "status":"succeeded","customer":"cus_Acme1","payment_method":"pm_1Card",
       "created":1795426200,"latest_charge":"ch_3QxYz",
       "metadata":{"org_id":"acme","idempotency_key":"recharge:acme:000042"}}
      """;

  private LocalStripe stripe;
  private StripePaymentGateway gateway;

  @BeforeEach
  void serveStripe() throws IOException {
    stripe = new LocalStripe();
    gateway =
        new StripePaymentGateway(
            StripeClient.builder()
                .setApiKey("sk_test_local")
                .setApiBase(stripe.base())
                .setMaxNetworkRetries(0)
                .setConnectTimeout(1_000)
                .setReadTimeout(500)
                .build());
  }

  @AfterEach
  void stop() {
    stripe.stop();
  }

  @Test
  void charge_createsAConfirmedOffSessionPaymentIntent_underTheIdempotencyKey() {
    // given
    stripe.answer(200, SUCCEEDED);

    // when
    ChargeResult result = gateway.charge(aCharge("100.00"));

    // then
    assertThat(result).isEqualTo(new ChargeResult.Succeeded("pi_3QxYz", Money.of("100.00", "USD")));
    Request request = stripe.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/payment_intents");
    assertThat(request.idempotencyKey()).isEqualTo("recharge:acme:000042");
    assertThat(request.authorization()).isEqualTo("Bearer sk_test_local");
    assertThat(request.form())
        .containsEntry("amount", "10000")
        .containsEntry("currency", "usd")
        .containsEntry("customer", "cus_Acme1")
        .containsEntry("payment_method", "pm_1Card")
        .containsEntry("payment_method_types[0]", "card")
        .containsEntry("confirm", "true")
        .containsEntry("off_session", "true")
        .containsEntry("description", "Comm Credits recharge")
        .containsEntry("metadata[org_id]", "acme")
        .containsEntry("metadata[idempotency_key]", "recharge:acme:000042");
  }

  @Test
  void amountBelowTheMinorUnit_isRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> gateway.charge(aCharge("10.005")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("below the currency's minor unit");
    assertThat(stripe.requests()).isEmpty();
  }

  @Test
  void minorUnits_followTheCurrency() {
    assertThat(StripePaymentGateway.minorUnits(Money.of("12.5", "USD"))).isEqualTo(1250);
    assertThat(StripePaymentGateway.minorUnits(Money.of("1200", "JPY"))).isEqualTo(1200);
    assertThatThrownBy(() -> StripePaymentGateway.minorUnits(Money.of("0.5", "JPY")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "expired_card,            expired_card,            HardDecline,     expired_card",
    "card_declined,           generic_decline,         HardDecline,     card_declined",
    "card_declined,           lost_card,               HardDecline,     lost_card",
    "card_declined,           stolen_card,             HardDecline,     stolen_card",
    "incorrect_cvc,           '',                      HardDecline,     incorrect_cvc",
    "authentication_required, authentication_required, HardDecline,     authentication_required",
    "card_declined,           do_not_honor,            HardDecline,     do_not_honor",
    "card_declined,           insufficient_funds,      SoftDecline,     insufficient_funds",
    "processing_error,        '',                      ProcessingError, processing_error",
  })
  void cardErrors_areMappedByDeclineCode(
      String code, String declineCode, String kind, String mappedCode) {
    // given
    stripe.answer(
        402,
        """
        {"error":{"type":"card_error","code":"%s",%s"message":"Your card was declined.",
         "payment_intent":{"id":"pi_3Decl","object":"payment_intent","status":"requires_payment_method"}}}
        """
            .formatted(
                code, declineCode.isEmpty() ? "" : "\"decline_code\":\"" + declineCode + "\","));

    // when
    ChargeResult result = gateway.charge(aCharge("100.00"));

    // then
    assertThat(result.getClass().getSimpleName()).isEqualTo(kind);
    assertThat(codeOf(result)).isEqualTo(mappedCode);
  }

  @Test
  void rateLimit_isAProcessingError() {
    stripe.answer(
        429,
        "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"rate_limit\",\"message\":\"Too"
            + " many requests\"}}");

    assertThat(gateway.charge(aCharge("100.00")))
        .isEqualTo(new ChargeResult.ProcessingError("rate_limit", "Too many requests"));
  }

  @Test
  void stripeServerError_isAProcessingError() {
    stripe.answer(500, "{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}");

    assertThat(gateway.charge(aCharge("100.00")))
        .isEqualTo(new ChargeResult.ProcessingError("api_error", "Something went wrong"));
  }

  @Test
  void noAnswerInTime_isAnUnknownOutcome() {
    stripe.answerAfter(1_500, 200, SUCCEEDED);

    assertThat(gateway.charge(aCharge("100.00"))).isInstanceOf(ChargeResult.OutcomeUnknown.class);
  }

  @Test
  void detachedPaymentMethod_isAHardDecline_soTheAdminUpdatesTheCard() {
    stripe.answer(
        400,
        "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
            + "\"param\":\"payment_method\",\"message\":\"No such PaymentMethod: 'pm_1Card'\"}}");

    assertThat(gateway.charge(aCharge("100.00")))
        .isEqualTo(
            new ChargeResult.HardDecline("resource_missing", "No such PaymentMethod: 'pm_1Card'"));
  }

  @Test
  void wrongSecretKey_isAFault() {
    stripe.answer(
        401,
        "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided\"}}");

    assertThatThrownBy(() -> gateway.charge(aCharge("100.00")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Invalid API Key");
  }

  @Test
  void tokenThatIsNoStripeCustomerAndPaymentMethod_isAHardDecline_withoutARequest() {
    ChargeResult result =
        gateway.charge(
            new CardCharge("acme", "k", Money.of("1", "USD"), "pm_card_visa", "Comm Credits"));

    assertThat(result).isInstanceOf(ChargeResult.HardDecline.class);
    assertThat(stripe.requests()).isEmpty();
  }

  @Test
  void find_searchesByTheMetadataItWrote() {
    // given
    stripe.answer(
        200,
        "{\"object\":\"search_result\",\"url\":\"/v1/payment_intents/search\",\"has_more\":false,"
            + "\"data\":["
            + SUCCEEDED
            + "]}");

    // when
    ChargeResult found = gateway.find("acme", "recharge:acme:000042");

    // then
    assertThat(found).isEqualTo(new ChargeResult.Succeeded("pi_3QxYz", Money.of("100", "USD")));
    Request request = stripe.onlyRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/v1/payment_intents/search");
    assertThat(request.query())
        .containsEntry(
            "query",
            "metadata['idempotency_key']:'recharge:acme:000042' AND metadata['org_id']:'acme'");
  }

  @Test
  void find_ofADeclinedCharge_tellsTheDecline() {
    stripe.answer(
        200,
        """
        {"object":"search_result","has_more":false,"data":[
          {"id":"pi_3Decl","object":"payment_intent","amount":10000,"currency":"usd",
           "status":"requires_payment_method",
           "last_payment_error":{"type":"card_error","code":"card_declined",
              "decline_code":"insufficient_funds","message":"Your card has insufficient funds."},
           "metadata":{"org_id":"acme","idempotency_key":"recharge:acme:000042"}}]}
        """);

    assertThat(gateway.find("acme", "recharge:acme:000042"))
        .isEqualTo(
            new ChargeResult.SoftDecline(
                "insufficient_funds", "Your card has insufficient funds."));
  }

  @Test
  void find_withNoMatch_isNotFound_andWithoutAnAnswer_isUnknown() {
    stripe.answer(200, "{\"object\":\"search_result\",\"has_more\":false,\"data\":[]}");
    assertThat(gateway.find("acme", "k404")).isEqualTo(new ChargeResult.NotFound("k404"));

    stripe.answer(500, "{\"error\":{\"type\":\"api_error\",\"message\":\"down\"}}");
    assertThat(gateway.find("acme", "k404")).isInstanceOf(ChargeResult.OutcomeUnknown.class);
  }

  private static CardCharge aCharge(String amount) {
    return new CardCharge(
        "acme",
        "recharge:acme:000042",
        Money.of(amount, "USD"),
        "cus_Acme1:pm_1Card",
        "Comm Credits recharge");
  }

  private static String codeOf(ChargeResult result) {
    if (result instanceof ChargeResult.HardDecline r) {
      return r.code();
    }
    if (result instanceof ChargeResult.SoftDecline r) {
      return r.code();
    }
    if (result instanceof ChargeResult.ProcessingError r) {
      return r.code();
    }
    return "";
  }

  record Request(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> form,
      String idempotencyKey,
      String authorization) {}

  /** Answers every request with the last answer it was given, and keeps the requests. */
  static final class LocalStripe {
    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private volatile int status = 500;
    private volatile String body = "{}";
    private volatile long delayMillis;

    LocalStripe() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/", this::handle);
      server.start();
    }

    String base() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(int status, String body) {
      answerAfter(0, status, body);
    }

    void answerAfter(long delayMillis, int status, String body) {
      this.delayMillis = delayMillis;
      this.status = status;
      this.body = body;
      synchronized (requests) {
        requests.clear();
      }
    }

    List<Request> requests() {
      synchronized (requests) {
        return List.copyOf(requests);
      }
    }

    Request onlyRequest() {
      assertThat(requests()).hasSize(1);
      return requests().get(0);
    }

    void stop() {
      server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      synchronized (requests) {
        requests.add(
            new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                decode(exchange.getRequestURI().getRawQuery()),
                decode(form),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("Authorization")));
      }
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] answer = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("Request-Id", "req_local");
      try {
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
      } catch (IOException clientGaveUp) {
        // the client timed out first, as the test intends
      } finally {
        exchange.close();
      }
    }

    private static Map<String, String> decode(String encoded) {
      Map<String, String> values = new LinkedHashMap<>();
      if (encoded == null || encoded.isEmpty()) {
        return values;
      }
      for (String pair : encoded.split("&")) {
        int eq = pair.indexOf('=');
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      return values;
    }
  }
}
