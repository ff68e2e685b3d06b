package com.commcredits.local.it;

import static com.commcredits.testing.TestCallRecords.aRecentCallRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.commcredits.authorizecall.AuthorizeCallHandler;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.authorize.CallRestrictions;
import com.commcredits.domain.money.Money;
import com.commcredits.local.LocalAdmin;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.testing.LambdaEvents;
import com.commcredits.testing.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The authorize-call function through the SDK against the emulators. */
@ExtendWith(LocalDeploymentExtension.class)
class AuthorizeCallIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalDeployment deployment;
  private final LocalAdmin admin;
  private final AuthorizeCallHandler handler;
  private String org;

  AuthorizeCallIT(LocalDeployment deployment) {
    this.deployment = deployment;
    this.admin = new LocalAdmin(deployment);
    this.handler =
        new AuthorizeCallHandler(deployment.functionEnvironment("AuthorizeCallFunction"));
  }

  @BeforeEach
  void anOrgWithOneDollar() {
    org = "org-" + UUID.randomUUID().toString().substring(0, 8);
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
    admin.administration().addFunds(org, "initial", Money.of("1", "USD"), Instant.now());
    // the balance check switches the new account's credit-funded services on
    deployment.startEventSources();
    deployment.awaitQuiescence(OrgOnTheStack.SETTLE);
  }

  @Test
  void simultaneousDialOuts_areNeverGrantedMoreThanTheBalance() throws Exception {
    var first = CompletableFuture.supplyAsync(() -> ask("call-a", "+81312345678", 60));
    var second = CompletableFuture.supplyAsync(() -> ask("call-b", "+81312345678", 60));

    int granted = minutes(first.get()) + minutes(second.get());

    assertThat(granted).isEqualTo(4);
  }

  @Test
  void chargingTheCallsRecord_releasesItsHold() {
    assertThat(minutes(ask("call-a", "+81312345678", 60))).isEqualTo(4);
    assertThat(ask("call-b", "+81312345678", 60).path("decision").asText()).isEqualTo("DENIED");

    deployment
        .newHandler("RateCallsFunction")
        .handleRequest(
            LambdaEvents.withBodies(
                aRecentCallRecord()
                    .org(org)
                    .usageId(org + "-a")
                    .callId("call-a")
                    .to("+81312345678")
                    .lasting(60)
                    .json()),
            new TestContext());

    assertThat(minutes(ask("call-b", "+81312345678", 60))).isEqualTo(3);
  }

  @Test
  void organizerRestrictedToTheirCountry_isDeniedAnInternationalDialOut() {
    admin
        .restrictions()
        .save(
            org,
            new CallRestrictions(
                CallRestrictions.DialOut.SAME_COUNTRY,
                Map.of(),
                CallRestrictions.UserCalls.INTERNATIONAL_AND_DOMESTIC,
                Map.of()));

    JsonNode answer = ask("call-c", "+442079460123", 10);

    assertThat(answer.path("decision").asText()).isEqualTo("DENIED");
    assertThat(answer.path("reason").asText()).contains("organizer's country");
    assertThat(minutes(ask("call-d", "+12125550123", 10))).isEqualTo(10);
  }

  @Test
  void requestBreakingTheContract_getsA400WithTheReason() {
    var event = new APIGatewayV2HTTPEvent();
    event.setBody("{\"orgId\":\"" + org + "\",\"callId\":\"c\"}");

    APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext());

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getBody()).contains("userLocation is missing");
  }

  private JsonNode ask(String callId, String callee, int wantedMinutes) {
    var event = new APIGatewayV2HTTPEvent();
    event.setBody(
        """
        {"orgId":"%s","callId":"%s","userLocation":"US","callType":"conf_out",
         "numberType":"toll","callerNumber":"+12065550100","calleeNumber":"%s",
         "wantedMinutes":%d}"""
            .formatted(org, callId, callee, wantedMinutes));
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext());
    assertThat(response.getStatusCode()).isEqualTo(200);
    try {
      return JSON.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static int minutes(JsonNode answer) {
    return answer.path("decision").asText().equals("AUTHORIZED")
        ? answer.path("maxMinutes").asInt()
        : 0;
  }
}
