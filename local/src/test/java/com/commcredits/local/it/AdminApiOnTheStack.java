package com.commcredits.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.local.LocalDeployment;
import com.commcredits.local.api.ApiClient;
import com.commcredits.local.api.LocalHttpApi;
import com.commcredits.local.api.LocalTokenIssuer;
import com.commcredits.local.api.OpenApiContract;
import com.commcredits.testing.TestCards;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;

/**
 * The Admin API served from the local deployment on a free port, as {@code local/run serve} serves
 * it: the template's routes, the local issuer's JWKS playing the authorizer, and a client whose
 * every answer is held against docs/openapi.yaml.
 */
final class AdminApiOnTheStack implements AutoCloseable {

  /** One contract for the JVM, so it remembers every operation any suite saw. */
  static final OpenApiContract CONTRACT = OpenApiContract.ofProject();

  final LocalTokenIssuer issuer;
  final LocalHttpApi api;
  final ApiClient client;

  private AdminApiOnTheStack(LocalTokenIssuer issuer, LocalHttpApi api) {
    this.issuer = issuer;
    this.api = api;
    this.client = new ApiClient(api.baseUri(), CONTRACT);
  }

  static AdminApiOnTheStack start(LocalDeployment deployment) {
    try {
      LocalTokenIssuer issuer =
          LocalTokenIssuer.withKeyFile(
              Files.createTempDirectory("dev-issuer").resolve("signing-key.json"));
      return new AdminApiOnTheStack(issuer, deployment.startHttpApi("127.0.0.1", 0, issuer));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String operator() {
    return issuer.operatorToken();
  }

  String admin(String orgId) {
    return issuer.orgAdminToken(orgId);
  }

  static String newOrgId() {
    return "api-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Opens an org through the API, as an operator. */
  JsonNode openOrg(String orgId, String currency, String language, int licensedUsers) {
    ApiClient.Answer answer =
        client.send(
            operator(),
            "POST",
            "/orgs",
            "{\"orgId\":\""
                + orgId
                + "\",\"displayName\":\"Org "
                + orgId
                + "\",\"currency\":\""
                + currency
                + "\",\"language\":\""
                + language
                + "\",\"adminEmails\":[\"admin@"
                + orgId
                + ".example\"],\"licensedUsers\":"
                + licensedUsers
                + "}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json();
  }

  /** Puts a card on file, as the org's admin. */
  void putCard(String orgId, String token) {
    ApiClient.Answer answer =
        client.send(
            admin(orgId),
            "PUT",
            "/orgs/" + orgId + "/payment-method",
            "{\"token\":\""
                + token
                + "\",\"brand\":\"Visa\",\"last4\":\"4242\",\"expires\":\""
                + TestCards.FAR_EXPIRY
                + "\"}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  /** Grants credit, as an operator. */
  void grant(String orgId, String currency, String amount) {
    ApiClient.Answer answer =
        client.send(
            operator(),
            "POST",
            "/orgs/" + orgId + "/credits",
            "{\"amount\":{\"currency\":\""
                + currency
                + "\",\"amount\":\""
                + amount
                + "\"},"
                + "\"reason\":\"opening balance\"}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }

  String balance(String orgId) {
    return client.get(operator(), "/orgs/" + orgId).json().path("balance").path("amount").asText();
  }

  @Override
  public void close() {
    api.close();
  }
}
