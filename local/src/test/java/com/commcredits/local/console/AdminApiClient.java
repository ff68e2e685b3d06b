package com.commcredits.local.console;

import com.commcredits.testing.TestCards;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The Admin API over HTTP with a bearer token, for setting the browser tests' orgs up. */
record AdminApiClient(URI base, String token) {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HttpResponse<String> send(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens an org with a good card on file, funded by an operator's credit, auto-recharge off. */
  void openFundedOrg(String orgId, String currency, String language, String funds) {
    send(
        "POST",
        "/orgs",
        """
        {"orgId":"%s","displayName":"%s","currency":"%s","language":"%s",
         "adminEmails":["admin@%s.example"],"licensedUsers":120}"""
            .formatted(orgId, displayName(orgId), currency, language, orgId));
    send(
        "PUT",
        "/orgs/" + orgId + "/payment-method",
        """
        {"token":"pm_card_visa","brand":"Visa","last4":"4242","expires":"%s"}"""
            .formatted(TestCards.FAR_EXPIRY));
    send(
        "PUT",
        "/orgs/" + orgId + "/auto-recharge",
        """
        {"enabled":false,"amount":{"currency":"%s","amount":"50"},
         "trigger":{"currency":"%s","amount":"20"},"monthlyCap":null}"""
            .formatted(currency, currency));
    send(
        "POST",
        "/orgs/" + orgId + "/credits",
        """
        {"amount":{"currency":"%s","amount":"%s"},"reason":"opening balance for the browser test"}"""
            .formatted(currency, funds));
  }

  static String displayName(String orgId) {
    return "Org " + orgId;
  }
}
