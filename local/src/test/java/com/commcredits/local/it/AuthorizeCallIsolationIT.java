package com.commcredits.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.commcredits.authorizecall.AuthorizeCallHandler;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.authorize.AuthorizeCall;
import com.commcredits.domain.money.Money;
import com.commcredits.local.LocalAdmin;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.testing.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9 defect 12 through the deployed authorize-call function on DynamoDB Local: a caller cannot
 * pin an org's credit with endless holds, cannot read its balance from a denial, and one org's full
 * cap leaves other orgs' calls alone.
 */
@ExtendWith(LocalDeploymentExtension.class)
class AuthorizeCallIsolationIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JAPAN = "+81312345678";

  private final LocalDeployment deployment;
  private final LocalAdmin admin;
  private final AuthorizeCallHandler handler;

  AuthorizeCallIsolationIT(LocalDeployment deployment) {
    this.deployment = deployment;
    this.admin = new LocalAdmin(deployment);
    this.handler =
        new AuthorizeCallHandler(deployment.functionEnvironment("AuthorizeCallFunction"));
  }

  @Test
  void holdsPerOrg_areCapped_andTheCapPinsNoOtherOrg_guardsIssue9Defect12() {
    // given: two orgs with far more credit than the cap's holds need (0.25 USD a minute)
    String pinned = anOrgWith("500");
    String other = anOrgWith("500");
    for (int i = 0; i < AuthorizeCall.MAX_OPEN_HOLDS; i++) {
      assertThat(ask(pinned, "call-" + i, 1).path("decision").asText())
          .as("hold %d", i)
          .isEqualTo("AUTHORIZED");
    }

    // when
    JsonNode beyondTheCap = ask(pinned, "call-beyond", 1);
    JsonNode otherOrgsCall = ask(other, "call-0", 1);

    // then: denied with the cap as reason, which tells nothing of the org's money
    assertThat(beyondTheCap.path("decision").asText()).isEqualTo("DENIED");
    String reason = beyondTheCap.path("reason").asText();
    assertThat(reason)
        .contains("too many calls in progress")
        .contains(Integer.toString(AuthorizeCall.MAX_OPEN_HOLDS));
    assertNoAmountIn(beyondTheCap, "500", "437.5", "437.50");
    // the same call asked again is its hold, still granted: the cap refuses only new holds
    assertThat(ask(pinned, "call-0", 1).path("decision").asText()).isEqualTo("AUTHORIZED");
    assertThat(otherOrgsCall.path("decision").asText()).isEqualTo("AUTHORIZED");
    assertThat(otherOrgsCall.path("maxMinutes").asInt()).isEqualTo(1);
  }

  @Test
  void denialForTooLittleCredit_tellsNoBalance_guardsIssue9Defect12() {
    // given: 1.10 USD buys four minutes to Japan, with 0.10 USD left over
    String org = anOrgWith("1.10");
    assertThat(ask(org, "call-a", 60).path("maxMinutes").asInt()).isEqualTo(4);

    // when
    JsonNode denied = ask(org, "call-b", 60);

    // then
    assertThat(denied.path("decision").asText()).isEqualTo("DENIED");
    assertThat(denied.path("reason").asText()).contains("not enough credit");
    assertNoAmountIn(denied, "1.10", "1.1", "0.10", "0.1", "USD", "$");
  }

  private static void assertNoAmountIn(JsonNode answer, String... amounts) {
    assertThat(answer.has("balance")).isFalse();
    assertThat(answer.has("amount")).isFalse();
    assertThat(answer.path("reason").asText()).doesNotContain(amounts);
    assertThat(answer.path("reason").asText()).doesNotContainPattern("\\d+\\.\\d");
  }

  private String anOrgWith(String deposit) {
    String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
    admin
        .administration()
        .openAccount(
            org,
            org,
            Currency.getInstance("USD"),
            Language.EN,
            List.of("admin@" + org + ".example"),
            10,
            Instant.now());
    admin.administration().addFunds(org, "initial", Money.of(deposit, "USD"), Instant.now());
    // the balance check switches the new account's credit-funded services on
    deployment.startEventSources();
    deployment.awaitQuiescence(OrgOnTheStack.SETTLE);
    return org;
  }

  private JsonNode ask(String org, String callId, int wantedMinutes) {
    var event = new APIGatewayV2HTTPEvent();
    event.setBody(
        """
        {"orgId":"%s","callId":"%s","userLocation":"US","callType":"conf_out",
         "numberType":"toll","callerNumber":"+12065550100","calleeNumber":"%s",
         "wantedMinutes":%d}"""
            .formatted(org, callId, JAPAN, wantedMinutes));
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext());
    assertThat(response.getStatusCode()).isEqualTo(200);
    try {
      return JSON.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
