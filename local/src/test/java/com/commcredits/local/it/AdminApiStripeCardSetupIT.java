package com.commcredits.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.local.LocalDeployment;
import com.commcredits.local.api.ApiClient;
import com.commcredits.local.api.ApiClient.Answer;
import com.commcredits.local.api.LocalHttpApi;
import com.commcredits.local.api.LocalTokenIssuer;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.local.template.FunctionSpec;
import com.commcredits.testing.TestCards;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Saving a card with Stripe Elements, through the Admin API over HTTP with real tokens, on a stack
 * deployed with {@code PaymentGateway=stripe} whose {@code StripeApiBaseUrl} is a stand-in Stripe
 * on 127.0.0.1 answering customers and SetupIntents as Stripe does. (The browser half, Stripe.js,
 * needs js.stripe.com and is not run here.)
 */
class AdminApiStripeCardSetupIT {

  private static final CannedStripe STRIPE = CannedStripe.start();

  @RegisterExtension
  static final LocalDeploymentExtension STRIPE_STACK =
      LocalDeploymentExtension.withOptions(
          LocalDeployment.Options.defaults()
              .withStackName("stripe-setup")
              .withParameter("PaymentGateway", "stripe")
              .withParameter("AllowSimulatedPayments", "false")
              .withParameter("StripeApiBaseUrl", STRIPE.base())
              .withParameter("StripePublishableKey", "pk_test_console"));

  private static LocalTokenIssuer issuer;
  private static LocalHttpApi api;
  private static ApiClient client;
  private static AdminApiOnTheStack operatorSide;

  @BeforeAll
  static void serve(LocalDeployment deployment) {
    issuer = LocalTokenIssuer.ephemeral();
    // the deployed function reads its key from Secrets Manager, which the local stack has not:
    // the stand-in's key is given in the environment, as for local runs
    api =
        new LocalHttpApi(
            deployment.template(),
            id -> handler(deployment, id),
            issuer.publicKeys(),
            LocalTokenIssuer.ISSUER,
            LocalTokenIssuer.AUDIENCE,
            "127.0.0.1",
            0,
            System.out);
    client = new ApiClient(api.baseUri(), AdminApiOnTheStack.CONTRACT);
  }

  @AfterAll
  static void stop() {
    api.close();
    STRIPE.stop();
  }

  private static Object handler(LocalDeployment deployment, String functionId) {
    FunctionSpec spec = deployment.template().functions().get(functionId);
    Map<String, String> environment = new HashMap<>(deployment.functionEnvironment(functionId));
    environment.put("STRIPE_SECRET_KEY", "sk_test_standin");
    try {
      return Class.forName(spec.handlerClassName())
          .getConstructor(Map.class)
          .newInstance(environment);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(functionId + ": " + e, e);
    }
  }

  @Test
  void me_saysTheGatewayIsStripe() {
    String org = newOrg();

    JsonNode me = client.get(issuer.orgAdminToken(org), "/me").json();

    assertThat(me.path("paymentGateway").asText()).isEqualTo("stripe");
  }

  @Test
  void setupIntent_createsACustomerForTheOrgAndAnOffSessionCardSetupIntent_thenReusesTheCustomer() {
    String org = newOrg();
    String admin = issuer.orgAdminToken(org);
    String key = UUID.randomUUID().toString();

    Answer first =
        client.send(admin, "POST", "/orgs/" + org + "/payment-method/setup-intent", null, key);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String customer = first.json().path("customer").asText();
    assertThat(customer).startsWith("cus_");
    assertThat(first.json().path("publishableKey").asText()).isEqualTo("pk_test_console");
    assertThat(first.json().path("clientSecret").asText()).startsWith("seti_").contains("_secret_");
    List<CannedStripe.Request> made = STRIPE.requestsFor(org);
    assertThat(made)
        .extracting(CannedStripe.Request::path)
        .containsExactly("/v1/customers", "/v1/setup_intents");
    assertThat(made.get(0).idempotencyKey()).isEqualTo("customer:" + org);
    assertThat(made.get(0).authorization()).isEqualTo("Bearer sk_test_standin");
    assertThat(made.get(1).idempotencyKey()).isEqualTo("setup-intent:" + org + ":" + key);
    assertThat(made.get(1).form())
        .containsEntry("customer", customer)
        .containsEntry("usage", "off_session")
        .containsEntry("payment_method_types[]", "card")
        .containsEntry("metadata[org_id]", org);

    // the browser confirmed the SetupIntent and puts the saved card
    Answer put =
        client.send(
            admin,
            "PUT",
            "/orgs/" + org + "/payment-method",
            "{\"token\":\""
                + customer
                + ":pm_1Saved\",\"brand\":\"Visa\",\"last4\":\"4242\",\"expires\":\""
                + TestCards.FAR_EXPIRY
                + "\"}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    Answer second =
        client.send(admin, "POST", "/orgs/" + org + "/payment-method/setup-intent", null);

    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().path("customer").asText()).isEqualTo(customer);
    assertThat(STRIPE.requestsFor(org))
        .extracting(CannedStripe.Request::path)
        .containsExactly("/v1/customers", "/v1/setup_intents", "/v1/setup_intents");
  }

  @Test
  void setupIntent_isRefused503_andSavesNothing_whenStripeRefuses() {
    String org = newOrg();
    STRIPE.refuseOrg(org);

    Answer answer =
        client.send(
            issuer.orgAdminToken(org),
            "POST",
            "/orgs/" + org + "/payment-method/setup-intent",
            null);

    assertThat(answer.status()).as(answer.body()).isEqualTo(503);
    assertThat(answer.json().path("detail").asText()).contains("Stripe could not create");
    JsonNode view = client.get(issuer.orgAdminToken(org), "/orgs/" + org).json();
    assertThat(view.path("card").isNull() || view.path("card").isMissingNode()).isTrue();
  }

  private static String newOrg() {
    String org = AdminApiOnTheStack.newOrgId();
    Answer opened =
        client.send(
            issuer.operatorToken(),
            "POST",
            "/orgs",
            "{\"orgId\":\""
                + org
                + "\",\"displayName\":\"Org "
                + org
                + "\",\"currency\":\"USD\",\"language\":\"en\",\"adminEmails\":[\"admin@"
                + org
                + ".example\"],\"licensedUsers\":5}");
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    return org;
  }

  /** Stripe's customers and SetupIntents create calls, answered as Stripe answers them. */
  static final class CannedStripe {
    record Request(
        String path, Map<String, String> form, String idempotencyKey, String authorization) {}

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();

    private CannedStripe(HttpServer server) {
      this.server = server;
    }

    static CannedStripe start() {
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CannedStripe stripe = new CannedStripe(server);
        server.createContext("/", stripe::handle);
        server.start();
        return stripe;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String base() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void refuseOrg(String org) {
      refused.add(org);
    }

    synchronized List<Request> requestsFor(String org) {
      return requests.stream().filter(r -> org.equals(r.form().get("metadata[org_id]"))).toList();
    }

    void stop() {
      server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
      Map<String, String> form =
          decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String path = exchange.getRequestURI().getPath();
      String org = form.getOrDefault("metadata[org_id]", "");
      int status;
      String body;
      synchronized (this) {
        requests.add(
            new Request(
                path,
                form,
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("Authorization")));
        String id = Integer.toString(requests.size());
        if (refused.contains(org) && path.equals("/v1/setup_intents")) {
          status = 400;
          body =
              "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
                  + "\"param\":\"customer\",\"message\":\"No such customer\"}}";
        } else if (path.equals("/v1/customers")) {
          status = 200;
          body = "{\"id\":\"cus_Std" + id + "\",\"object\":\"customer\"}";
        } else if (path.equals("/v1/setup_intents")) {
          status = 200;
          body =
              "{\"id\":\"seti_Std"
                  + id
                  + "\",\"object\":\"setup_intent\",\"client_secret\":\"seti_Std"
                  + id
                  + "_secret_Q"
                  + id
                  + "\",\"customer\":\""
                  + form.get("customer")
                  + "\",\"status\":\"requires_payment_method\",\"usage\":\"off_session\"}";
        } else {
          status = 404;
          body =
              "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}";
        }
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    }

    private static Map<String, String> decode(String encoded) {
      Map<String, String> values = new LinkedHashMap<>();
      if (encoded.isEmpty()) {
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
