package com.commcredits.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.adapters.dynamodb.DynamoDbSentNotifications;
import com.commcredits.adapters.dynamodb.DynamoDbSimulatedCharges;
import com.commcredits.domain.notification.SentNotification;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.api.ApiClient.Answer;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.testing.TestCards;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Admin API over HTTP with real tokens, against the local deployment: every route, replays of
 * state-changing requests, and purchases through the payment path. Every answer is held against
 * docs/openapi.yaml by the client.
 */
@ExtendWith(LocalDeploymentExtension.class)
class AdminApiIT {

  private static AdminApiOnTheStack stack;
  private static LocalDeployment deployment;

  @BeforeAll
  static void serve(LocalDeployment localDeployment) {
    deployment = localDeployment;
    stack = AdminApiOnTheStack.start(localDeployment);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private DynamoDbSimulatedCharges charges() {
    return new DynamoDbSimulatedCharges(deployment.dynamoDb(), deployment.tableName("LedgerTable"));
  }

  // ------------------------------------------------------------------ who and which orgs

  @Test
  void me_tellsAnOrgAdminItsOrgAndLanguage_andAnOperatorItsRole() {
    String org = AdminApiOnTheStack.newOrgId();
    stack.openOrg(org, "EUR", "de", 20);

    JsonNode admin = stack.client.get(stack.admin(org), "/me").json();
    JsonNode operator = stack.client.get(stack.operator(), "/me").json();

    assertThat(admin.path("role").asText()).isEqualTo("org-admin");
    assertThat(admin.path("orgId").asText()).isEqualTo(org);
    assertThat(admin.path("language").asText()).isEqualTo("de");
    assertThat(operator.path("role").asText()).isEqualTo("operator");
    assertThat(admin.path("paymentGateway").asText()).isEqualTo("simulated");
    assertThat(operator.path("orgId").isNull()).isTrue();
  }

  @Test
  void openOrg_showsTheSeedRecommendation_inTheOrgsCurrency_andSaysWhenItIsUsdShownAsEur() {
    String usd = AdminApiOnTheStack.newOrgId();
    String eur = AdminApiOnTheStack.newOrgId();

    JsonNode usdOrg = stack.openOrg(usd, "USD", "en", 300);
    JsonNode eurOrg = stack.openOrg(eur, "EUR", "de", 300);

    assertThat(usdOrg.at("/recommended/initialDeposit/amount").asText()).isEqualTo("1000.00");
    assertThat(usdOrg.at("/recommended/trigger/amount").asText()).isEqualTo("400.00");
    assertThat(usdOrg.at("/recommended/note").isNull()).isTrue();
    assertThat(eurOrg.at("/recommended/trigger/currency").asText()).isEqualTo("EUR");
    assertThat(eurOrg.at("/recommended/currency").asText()).isEqualTo("EUR");
    assertThat(eurOrg.at("/recommended/note").asText()).contains("USD").contains("EUR");
    assertThat(eurOrg.at("/services/state").asText()).isEqualTo("SUSPENDED");
  }

  @Test
  void listOrgs_isPaged_andSearchableByIdPrefix() {
    String prefix = "pg-" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 3; i++) {
      stack.openOrg(prefix + "-" + i, "USD", "en", 10);
    }

    Answer first = stack.client.get(stack.operator(), "/orgs?query=" + prefix + "&limit=2");
    Answer second =
        stack.client.get(
            stack.operator(),
            "/orgs?query="
                + prefix
                + "&limit=2&cursor="
                + first.json().path("nextCursor").asText());

    List<String> ids = new ArrayList<>();
    first.json().path("items").forEach(o -> ids.add(o.path("orgId").asText()));
    second.json().path("items").forEach(o -> ids.add(o.path("orgId").asText()));
    assertThat(ids).containsExactly(prefix + "-0", prefix + "-1", prefix + "-2");
    assertThat(second.json().path("nextCursor").isNull()).isTrue();
  }

  @Test
  void orgOverview_showsBalanceServicesAutoRechargeCardLicencesAndForecast() {
    String org = AdminApiOnTheStack.newOrgId();
    stack.openOrg(org, "USD", "en", 50);
    stack.putCard(org, "pm_card_visa");
    stack.grant(org, "USD", "100");
    Answer licences =
        stack.client.send(
            stack.operator(),
            "PUT",
            "/orgs/" + org + "/licences",
            "{\"audioConferencingUsers\":2,\"callingPlans\":[{\"country\":\"US\",\"users\":3,"
                + "\"domesticMinutesPerUser\":100}]}");
    Answer recharge =
        stack.client.send(
            stack.admin(org),
            "PUT",
            "/orgs/" + org + "/auto-recharge",
            "{\"enabled\":true,\"amount\":{\"currency\":\"USD\",\"amount\":\"50\"},"
                + "\"trigger\":{\"currency\":\"USD\",\"amount\":\"20.00\"},"
                + "\"monthlyCap\":{\"currency\":\"USD\",\"amount\":\"500\"}}");

    // the balance check (a queue consumer) switches services on when funds arrive
    deployment.startEventSources("CheckBalanceFunction");
    deployment.awaitQuiescence(Duration.ofSeconds(60));
    deployment.stopEventSources();

    JsonNode view = stack.client.get(stack.admin(org), "/orgs/" + org).json();

    assertThat(licences.status()).isEqualTo(200);
    assertThat(recharge.status()).as(recharge.body()).isEqualTo(200);
    assertThat(view.at("/balance/amount").asText()).isEqualTo("100.00");
    assertThat(view.at("/services/state").asText()).isEqualTo("ACTIVE");
    assertThat(view.at("/autoRecharge/enabled").asBoolean()).isTrue();
    assertThat(view.at("/autoRecharge/monthlyCap/amount").asText()).isEqualTo("500.00");
    assertThat(view.at("/card/last4").asText()).isEqualTo("4242");
    assertThat(view.at("/card/expires").asText()).isEqualTo(TestCards.FAR_EXPIRY);
    assertThat(view.at("/licences/pools")).hasSize(2);
    assertThat(view.at("/licences/pools/0/minutes").asInt()).isEqualTo(120);
    assertThat(view.at("/forecast/zeroAt").isNull()).isTrue();
  }

  // ------------------------------------------------------------------ funds

  @Test
  void operatorCredit_keepsTheReasonInTheEntry_andTheLedgerListsNewestFirstInPages() {
    String org = AdminApiOnTheStack.newOrgId();
    stack.openOrg(org, "USD", "en", 10);
    for (String amount : List.of("1", "2", "3")) {
      Answer credited =
          stack.client.send(
              stack.operator(),
              "POST",
              "/orgs/" + org + "/credits",
              "{\"amount\":{\"currency\":\"USD\",\"amount\":\""
                  + amount
                  + "\"},"
                  + "\"reason\":\"goodwill for outage #"
                  + amount
                  + "\"}");
      assertThat(credited.status()).isEqualTo(201);
      assertThat(credited.json().at("/entry/memo").asText())
          .isEqualTo("goodwill for outage #" + amount);
    }

    Answer page1 = stack.client.get(stack.admin(org), "/orgs/" + org + "/ledger?limit=2");
    Answer page2 =
        stack.client.get(
            stack.admin(org),
            "/orgs/" + org + "/ledger?limit=2&cursor=" + page1.json().path("nextCursor").asText());
    Answer none =
        stack.client.get(stack.admin(org), "/orgs/" + org + "/ledger?to=2000-01-01T00:00:00Z");

    List<String> amounts = new ArrayList<>();
    page1.json().path("items").forEach(e -> amounts.add(e.at("/amount/amount").asText()));
    page2.json().path("items").forEach(e -> amounts.add(e.at("/amount/amount").asText()));
    assertThat(amounts).containsExactly("3.00", "2.00", "1.00");
    assertThat(none.json().path("items")).isEmpty();
    assertThat(stack.balance(org)).isEqualTo("6.00");
  }

  @Test
  void purchase_chargesTheCardOnce_andCreditsOnce_andAReplayGetsTheFirstAnswer() {
    String org = AdminApiOnTheStack.newOrgId();
    stack.openOrg(org, "USD", "en", 10);
    stack.putCard(org, "pm_card_visa");
    String key = UUID.randomUUID().toString();
    String body = "{\"amount\":{\"currency\":\"USD\",\"amount\":\"25.50\"}}";

    Answer first =
        stack.client.send(stack.admin(org), "POST", "/orgs/" + org + "/purchases", body, key);
    Answer replay =
        stack.client.send(stack.admin(org), "POST", "/orgs/" + org + "/purchases", body, key);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().path("status").asText()).isEqualTo("PURCHASED");
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.header("idempotent-replayed")).contains("true");
    assertThat(charges().all(org)).hasSize(1);
    assertThat(stack.balance(org)).isEqualTo("25.50");
  }

  @Test
  void purchase_withACardThatTimesOutAfterCharging_endsWithOneChargeAndOneCredit() {
    String org = AdminApiOnTheStack.newOrgId();
    stack.openOrg(org, "USD", "en", 10);
    stack.putCard(org, "pm_card_timeout");
    String key = UUID.randomUUID().toString();
    String body = "{\"amount\":{\"currency\":\"USD\",\"amount\":\"40\"}}";

    Answer pending =
        stack.client.send(stack.admin(org), "POST", "/orgs/" + org + "/purchases", body, key);
    Answer again =
        stack.client.send(stack.admin(org), "POST", "/orgs/" + org + "/purchases", body, key);
    Answer once =
        stack.client.send(stack.admin(org), "POST", "/orgs/" + org + "/purchases", body, key);

    assertThat(pending.status()).as(pending.body()).isEqualTo(202);
    assertThat(pending.json().path("status").asText()).isEqualTo("PENDING");
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(once.body()).isEqualTo(again.body());
    assertThat(charges().all(org)).hasSize(1);
    JsonNode ledger = stack.client.get(stack.admin(org), "/orgs/" + org + "/ledger").json();
    assertThat(ledger.path("items")).hasSize(1);
    assertThat(ledger.at("/items/0/kind").asText()).isEqualTo("PURCHASE");
    assertThat(stack.balance(org)).isEqualTo("40.00");
  }

  @Test
  void purchase_withADeclinedCard_answers402WithTheKind_andCreditsNothing() {
    String org = AdminApiOnTheStack.newOrgId();
    stack.openOrg(org, "USD", "en", 10);
    stack.putCard(org, "pm_card_chargeDeclinedExpiredCard");

    Answer declined =
        stack.client.send(
            stack.admin(org),
            "POST",
            "/orgs/" + org + "/purchases",
            "{\"amount\":{\"currency\":\"USD\",\"amount\":\"10\"}}");

    assertThat(declined.status()).isEqualTo(402);
    assertThat(declined.json().path("kind").asText()).isEqualTo("HARD");
    assertThat(stack.balance(org)).isEqualTo("0.00");
  }

  // ------------------------------------------------------------------ idempotency

  @Test
  void sameKeyWithAnotherBody_is409_andChangesNothing() {
    String org = AdminApiOnTheStack.newOrgId();
    stack.openOrg(org, "USD", "en", 10);
    String key = UUID.randomUUID().toString();
    String path = "/orgs/" + org + "/credits";

    Answer first =
        stack.client.send(
            stack.operator(),
            "POST",
            path,
            "{\"amount\":{\"currency\":\"USD\",\"amount\":\"5\"},\"reason\":\"goodwill\"}",
            key);
    Answer other =
        stack.client.send(
            stack.operator(),
            "POST",
            path,
            "{\"amount\":{\"currency\":\"USD\",\"amount\":\"6\"},\"reason\":\"goodwill\"}",
            key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.json().path("detail").asText()).contains("different request");
    assertThat(stack.balance(org)).isEqualTo("5.00");
  }

  @Test
  void replayOfAnOpenedOrg_getsTheFirstAnswer_notAConflict() {
    String org = AdminApiOnTheStack.newOrgId();
    String body =
        "{\"orgId\":\""
            + org
            + "\",\"displayName\":\"Replay\",\"currency\":\"USD\","
            + "\"adminEmails\":[\"a@b.example\"],\"licensedUsers\":5}";
    String key = UUID.randomUUID().toString();

    Answer first = stack.client.send(stack.operator(), "POST", "/orgs", body, key);
    Answer replay = stack.client.send(stack.operator(), "POST", "/orgs", body, key);
    Answer newKey = stack.client.send(stack.operator(), "POST", "/orgs", body);

    assertThat(first.status()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(newKey.status()).isEqualTo(409);
  }

  // ------------------------------------------------------------------ settings

  @Test
  void callRestrictions_areSetAndReadBack() {
    String org = AdminApiOnTheStack.newOrgId();
    stack.openOrg(org, "USD", "en", 10);
    String body =
        "{\"dialOutDefault\":\"ZONE_A\",\"organizers\":{\"anna@x.example\":\"NONE\"},"
            + "\"userCallsDefault\":\"DOMESTIC\",\"users\":{}}";

    Answer set =
        stack.client.send(stack.admin(org), "PUT", "/orgs/" + org + "/call-restrictions", body);
    JsonNode read =
        stack.client.get(stack.admin(org), "/orgs/" + org + "/call-restrictions").json();

    assertThat(set.status()).isEqualTo(200);
    assertThat(read.path("dialOutDefault").asText()).isEqualTo("ZONE_A");
    assertThat(read.at("/organizers/anna@x.example").asText()).isEqualTo("NONE");
    assertThat(read.path("userCallsDefault").asText()).isEqualTo("DOMESTIC");
  }

  @Test
  void setupIntent_withTheSimulatedGateway_is409_sayingToPutATestToken() {
    String org = AdminApiOnTheStack.newOrgId();
    stack.openOrg(org, "USD", "en", 10);

    Answer answer =
        stack.client.send(
            stack.admin(org), "POST", "/orgs/" + org + "/payment-method/setup-intent", null);

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json().path("detail").asText())
        .contains("the simulated gateway takes a test token in PUT /payment-method");
  }

  // ------------------------------------------------------------------ reports and history

  @Test
  void chargedCalls_showInTheUsageReportSummaryAuditTrailAndBalanceHistory() {
    String org = AdminApiOnTheStack.newOrgId();
    stack.openOrg(org, "USD", "en", 10);
    stack.grant(org, "USD", "50");
    Instant start =
        Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String usageId = "u-" + org;
    String cdr =
        "{\"usageId\":\""
            + usageId
            + "\",\"orgId\":\""
            + org
            + "\",\"callId\":\"c-"
            + org
            + "\","
            + "\"conferenceId\":\"conf-1\",\"userId\":\"8e6a1c2b-4f3d-4b5a-9c7e-2d1f0a3b4c5d\","
            + "\"userPrincipalName\":\"anna@x.example\",\"userLocation\":\"US\","
            + "\"callType\":\"conf_out\",\"numberType\":\"toll\",\"callerNumber\":\"+12065550100\","
            + "\"calleeNumber\":\"+442079460123\",\"startTime\":\""
            + start
            + "\",\"endTime\":\""
            + start.plusSeconds(125)
            + "\",\"durationSeconds\":125}";
    deployment
        .sqs()
        .sendMessage(r -> r.queueUrl(deployment.queueUrl("CallRecordsQueue")).messageBody(cdr));
    deployment
        .sqs()
        .sendMessage(
            r ->
                r.queueUrl(deployment.queueUrl("CallRecordsQueue"))
                    .messageBody("{\"orgId\":\"" + org + "\",\"usageId\":\"bad\"}"));
    deployment.startEventSources("RateCallsFunction");
    deployment.awaitQuiescence(Duration.ofSeconds(60));
    deployment.stopEventSources();
    String month = YearMonth.from(start.atZone(ZoneOffset.UTC)).toString();

    Answer csv =
        stack.client.get(stack.admin(org), "/orgs/" + org + "/usage-report?month=" + month);
    JsonNode summary =
        stack.client.get(stack.admin(org), "/orgs/" + org + "/usage-summary?month=" + month).json();
    JsonNode call = stack.client.get(stack.admin(org), "/orgs/" + org + "/calls/" + usageId).json();
    JsonNode entry =
        stack.client.get(stack.admin(org), "/orgs/" + org + "/ledger").json().at("/items/0");
    JsonNode history =
        stack.client.get(stack.admin(org), "/orgs/" + org + "/balance-history?days=90").json();
    JsonNode rejected =
        stack.client.get(stack.admin(org), "/orgs/" + org + "/rejected-records").json();

    String[] lines = csv.body().split("\r\n");
    assertThat(csv.header("content-type").orElse("")).startsWith("text/csv");
    assertThat(lines[0])
        .isEqualTo(
            "UsageId,Call ID,Conference ID,User Location,AAD ObjectId,UPN,User Display Name,"
                + "Caller ID,Call Type,Number Type,Domestic/International,Destination Dialed,"
                + "Destination Number,Start Time,End Time,Duration Seconds,Connection Fee,Charge,"
                + "Currency,Capability");
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).contains("8e6a1c2b-4f3d-4b5a-9c7e-2d1f0a3b4c5d").contains("International");
    assertThat(summary.at("/total/calls").asInt()).isEqualTo(1);
    assertThat(summary.at("/byCallType/0/key").asText()).isEqualTo("conf_out");
    assertThat(call.path("rateRef").asText()).isNotEmpty();
    assertThat(call.path("userId").asText()).isEqualTo("8e6a1c2b-4f3d-4b5a-9c7e-2d1f0a3b4c5d");
    assertThat(entry.path("kind").asText()).isEqualTo("CALL_CHARGE");
    assertThat(entry.path("usageId").asText()).isEqualTo(usageId);
    assertThat(entry.path("rateRef").asText()).isEqualTo(call.path("rateRef").asText());
    assertThat(history.path("points").size()).isGreaterThan(80);
    assertThat(history.at("/markers/0/kind").asText()).isEqualTo("ADJUSTMENT");
    assertThat(rejected.path("items")).hasSize(1);
    assertThat(rejected.at("/items/0/reason").asText()).isNotEmpty();
  }

  @Test
  void notifications_listTheOrgsEmails_withKindAndTime() {
    String org = AdminApiOnTheStack.newOrgId();
    stack.openOrg(org, "USD", "en", 10);
    new DynamoDbSentNotifications(deployment.dynamoDb(), deployment.tableName("LedgerTable"))
        .record(
            SentNotification.sent(
                org, "low-balance-" + org + "-1", "LOW_BALANCE", "msg-1", Instant.now()));

    JsonNode list = stack.client.get(stack.admin(org), "/orgs/" + org + "/notifications").json();

    assertThat(list.path("items")).hasSize(1);
    assertThat(list.at("/items/0/kind").asText()).isEqualTo("LOW_BALANCE");
    assertThat(list.at("/items/0/status").asText()).isEqualTo("SENT");
  }

  // ------------------------------------------------------------------ the authorizer

  @Test
  void badTokens_areRefusedWith401_beforeTheHandler() {
    String org = AdminApiOnTheStack.newOrgId();
    stack.openOrg(org, "USD", "en", 10);
    String path = "/orgs/" + org;
    var foreign = com.commcredits.local.api.LocalTokenIssuer.ephemeral();

    List<Integer> statuses =
        List.of(
            stack.client.get(null, path).status(),
            stack.client.get("not-a-jwt", path).status(),
            stack.client.get(foreign.orgAdminToken(org), path).status(),
            stack
                .client
                .get(
                    stack.issuer.token(
                        new JWTClaimsSet.Builder()
                            .subject("late")
                            .claim("custom:org", org)
                            .issueTime(Date.from(Instant.now().minus(Duration.ofHours(3))))
                            .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))),
                        Duration.ZERO),
                    path)
                .status(),
            stack
                .client
                .get(
                    stack.issuer.token(
                        new JWTClaimsSet.Builder()
                            .subject("x")
                            .claim("custom:org", org)
                            .audience("someone-else"),
                        Duration.ofHours(1)),
                    path)
                .status(),
            stack
                .client
                .get(
                    stack.issuer.token(
                        new JWTClaimsSet.Builder()
                            .subject("x")
                            .claim("custom:org", org)
                            .issuer("https://evil.example"),
                        Duration.ofHours(1)),
                    path)
                .status());

    assertThat(statuses).containsOnly(401);
  }

  @AfterAll
  static void everyServedRoute_wasSeenAndHeldToTheContract() {
    List<String> served = new ArrayList<>();
    deployment
        .template()
        .functions()
        .get("AdminApiFunction")
        .httpApiRoutes()
        .forEach(r -> served.add(r.method() + " " + r.path()));
    assertThat(AdminApiOnTheStack.CONTRACT.operations()).containsAll(served);
    assertThat(AdminApiOnTheStack.CONTRACT.seen()).containsAll(served);
  }
}
