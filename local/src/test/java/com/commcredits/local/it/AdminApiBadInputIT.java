package com.commcredits.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.local.LocalDeployment;
import com.commcredits.local.api.ApiClient.Answer;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.testing.TestCards;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of bad input the Admin API refuses: each answers 400 (malformed) or 422 (breaks a
 * rule) as a problem with a reason, and nothing changes — the balance and the ledger stay as they
 * were, no org is opened.
 */
@ExtendWith(LocalDeploymentExtension.class)
class AdminApiBadInputIT {

  private static AdminApiOnTheStack stack;
  private static String org;

  @BeforeAll
  static void serve(LocalDeployment deployment) {
    stack = AdminApiOnTheStack.start(deployment);
    org = AdminApiOnTheStack.newOrgId();
    stack.openOrg(org, "USD", "en", 10);
    stack.putCard(org, "pm_card_visa");
    stack.grant(org, "USD", "10");
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  record Case(String name, String method, String path, String body, int status, String reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> badBodies() {
    String purchases = "/orgs/{org}/purchases";
    String credits = "/orgs/{org}/credits";
    return List.of(
        new Case(
            "unknown field",
            "POST",
            purchases,
            "{\"amount\":{\"currency\":\"USD\",\"amount\":\"5\"},\"tip\":1}",
            400,
            "unknown field 'tip'"),
        new Case(
            "wrong type: amount as a JSON number",
            "POST",
            purchases,
            "{\"amount\":{\"currency\":\"USD\",\"amount\":5}}",
            400,
            "decimal string"),
        new Case(
            "wrong type: amount not an object",
            "POST",
            purchases,
            "{\"amount\":\"5\"}",
            400,
            "must be an object"),
        new Case(
            "negative amount",
            "POST",
            purchases,
            "{\"amount\":{\"currency\":\"USD\",\"amount\":\"-5\"}}",
            422,
            "more than zero"),
        new Case(
            "zero amount",
            "POST",
            credits,
            "{\"amount\":{\"currency\":\"USD\",\"amount\":\"0\"},\"reason\":\"goodwill\"}",
            422,
            "more than zero"),
        new Case(
            "absurd amount (was an ArithmeticException)",
            "POST",
            credits,
            "{\"amount\":{\"currency\":\"USD\",\"amount\":\"99999999999999\"},\"reason\":\"goodwill\"}",
            422,
            "at most"),
        new Case(
            "purchase above the per-purchase limit",
            "POST",
            purchases,
            "{\"amount\":{\"currency\":\"USD\",\"amount\":\"10000.01\"}}",
            422,
            "at most"),
        new Case(
            "more than 2 decimals",
            "POST",
            purchases,
            "{\"amount\":{\"currency\":\"USD\",\"amount\":\"5.001\"}}",
            422,
            "more than 2 decimals"),
        new Case(
            "currency other than the org's",
            "POST",
            purchases,
            "{\"amount\":{\"currency\":\"EUR\",\"amount\":\"5\"}}",
            422,
            "org's currency is USD"),
        new Case("not JSON", "POST", purchases, "{\"amount\":", 400, "not JSON"),
        new Case("not an object", "POST", purchases, "[1,2]", 400, "JSON object"),
        new Case("empty body", "POST", purchases, "", 400, "empty"),
        new Case(
            "oversized body",
            "POST",
            credits,
            "{\"reason\":\"" + "x".repeat(20_000) + "\"}",
            400,
            "larger than"),
        new Case(
            "credit without a reason",
            "POST",
            credits,
            "{\"amount\":{\"currency\":\"USD\",\"amount\":\"5\"}}",
            422,
            "reason is required"),
        new Case(
            "card number instead of a token",
            "PUT",
            "/orgs/{org}/payment-method",
            "{\"token\":\"4242 4242 4242 4242\",\"brand\":\"Visa\",\"last4\":\"4242\",\"expires\":\""
                + TestCards.FAR_EXPIRY
                + "\"}",
            422,
            "never a card number"),
        new Case(
            "expired card",
            "PUT",
            "/orgs/{org}/payment-method",
            "{\"token\":\"pm_card_visa\",\"brand\":\"Visa\",\"last4\":\"4242\",\"expires\":\"2020-01\"}",
            422,
            "expired"),
        new Case(
            "negative trigger",
            "PUT",
            "/orgs/{org}/auto-recharge",
            "{\"enabled\":true,\"amount\":{\"currency\":\"USD\",\"amount\":\"50\"},\"trigger\":{\"currency\":\"USD\",\"amount\":\"-1\"}}",
            422,
            "zero or more"),
        new Case(
            "enabled as a string",
            "PUT",
            "/orgs/{org}/auto-recharge",
            "{\"enabled\":\"yes\",\"amount\":{\"currency\":\"USD\",\"amount\":\"50\"},\"trigger\":{\"currency\":\"USD\",\"amount\":\"1\"}}",
            400,
            "true or false"),
        new Case(
            "unknown policy",
            "PUT",
            "/orgs/{org}/call-restrictions",
            "{\"dialOutDefault\":\"MOON\",\"userCallsDefault\":\"NONE\"}",
            422,
            "must be one of"),
        new Case(
            "negative licences",
            "PUT",
            "/orgs/{org}/licences",
            "{\"audioConferencingUsers\":-1}",
            422,
            "between"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void badBody_isRefusedWithAReason_andChangesNothing(Case bad) {
    String path = bad.path().replace("{org}", org);
    String before = stack.client.get(stack.operator(), "/orgs/" + org).body();
    String ledgerBefore = stack.client.get(stack.operator(), "/orgs/" + org + "/ledger").body();

    Answer answer = stack.client.send(stack.operator(), bad.method(), path, bad.body());

    assertThat(answer.status()).as(answer.body()).isEqualTo(bad.status());
    assertThat(answer.header("content-type")).contains("application/problem+json");
    assertThat(answer.json().path("detail").asText()).contains(bad.reason());
    assertThat(stack.client.get(stack.operator(), "/orgs/" + org).body()).isEqualTo(before);
    assertThat(stack.client.get(stack.operator(), "/orgs/" + org + "/ledger").body())
        .isEqualTo(ledgerBefore);
  }

  static List<Case> badOrgs() {
    String template =
        "{\"orgId\":\"%s\",\"displayName\":\"X\",\"currency\":\"%s\",\"adminEmails\":[\"%s\"],\"licensedUsers\":%s}";
    String fresh = "bad-" + UUID.randomUUID().toString().substring(0, 8);
    return List.of(
        new Case(
            "org id with a key separator",
            "POST",
            "/orgs",
            template.formatted("acme#ENTRY", "USD", "a@b.example", "1"),
            422,
            "orgId must be"),
        new Case(
            "org id with a non-ASCII letter",
            "POST",
            "/orgs",
            template.formatted("dü-org", "USD", "a@b.example", "1"),
            422,
            "orgId must be"),
        new Case(
            "upper-case org id",
            "POST",
            "/orgs",
            template.formatted("ACME", "USD", "a@b.example", "1"),
            422,
            "orgId must be"),
        new Case(
            "the org id SnapStart priming runs on",
            "POST",
            "/orgs",
            template.formatted("snapstart-priming", "USD", "a@b.example", "1"),
            422,
            "reserved"),
        new Case(
            "currency no rate card prices",
            "POST",
            "/orgs",
            template.formatted(fresh, "GBP", "a@b.example", "1"),
            422,
            "no rate card prices GBP"),
        new Case(
            "not a currency",
            "POST",
            "/orgs",
            template.formatted(fresh, "usd", "a@b.example", "1"),
            422,
            "ISO 4217"),
        new Case(
            "malformed admin address",
            "POST",
            "/orgs",
            template.formatted(fresh, "USD", "not-an-address", "1"),
            422,
            "email addresses"),
        new Case(
            "licensed users as text",
            "POST",
            "/orgs",
            template.formatted(fresh, "USD", "a@b.example", "\"many\""),
            400,
            "whole number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOrgs")
  void badOrg_isNotOpened(Case bad) {
    Answer answer = stack.client.send(stack.operator(), bad.method(), bad.path(), bad.body());

    assertThat(answer.status()).as(answer.body()).isEqualTo(bad.status());
    assertThat(answer.json().path("detail").asText()).contains(bad.reason());
    assertThat(answer.json().path("errors").get(0).path("field").asText()).isNotEmpty();
    String orgId = bad.body().replaceAll(".*\"orgId\":\"([^\"]*)\".*", "$1");
    if (orgId.matches("[a-z0-9-]+")) {
      assertThat(stack.client.get(stack.operator(), "/orgs/" + orgId).status()).isEqualTo(404);
    }
  }

  @Test
  void anOrgWithSeveralBadFields_isRefusedOnce_namingEveryField() {
    String body =
        "{\"orgId\":\"BAD\",\"displayName\":\"  \",\"currency\":\"usd\",\"language\":\"fr\","
            + "\"adminEmails\":[\"not-an-address\"],\"licensedUsers\":-1}";

    Answer answer = stack.client.send(stack.operator(), "POST", "/orgs", body);

    assertThat(answer.status()).as(answer.body()).isEqualTo(422);
    List<String> fields = new java.util.ArrayList<>();
    answer.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields)
        .containsExactly(
            "orgId", "displayName", "currency", "language", "adminEmails", "licensedUsers");
    assertThat(answer.json().path("detail").asText())
        .contains("orgId must be", "displayName must be", "ISO 4217", "en or de", "between");
  }

  @Test
  void aMissingFieldAndABadOne_answer400_namingBoth() {
    String body =
        "{\"token\":\"pm_card_visa\",\"brand\":\"Visa\",\"last4\":\"42\",\"expires\":\""
            + TestCards.FAR_EXPIRY
            + "\"}";
    String cardless = "{\"token\":\"pm_card_visa\",\"last4\":\"42\"}";
    String before = stack.client.get(stack.operator(), "/orgs/" + org).body();

    Answer oneBad =
        stack.client.send(stack.operator(), "PUT", "/orgs/" + org + "/payment-method", body);
    Answer threeBad =
        stack.client.send(stack.operator(), "PUT", "/orgs/" + org + "/payment-method", cardless);

    assertThat(oneBad.status()).isEqualTo(422);
    assertThat(oneBad.json().path("errors")).hasSize(1);
    assertThat(threeBad.status()).as(threeBad.body()).isIn(400, 422);
    List<String> fields = new java.util.ArrayList<>();
    threeBad.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).containsExactly("brand", "last4", "expires");
    assertThat(stack.client.get(stack.operator(), "/orgs/" + org).body()).isEqualTo(before);
  }

  @Test
  void aCursorFromTheOrgListing_isRefusedByTheLedger() {
    stack.openOrg(AdminApiOnTheStack.newOrgId(), "USD", "en", 1);
    String orgsCursor =
        stack.client.get(stack.operator(), "/orgs?limit=1").json().path("nextCursor").asText();

    Answer answer =
        stack.client.get(stack.operator(), "/orgs/" + org + "/ledger?cursor=" + orgsCursor);

    assertThat(orgsCursor).isNotEmpty();
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("cursor");
  }

  @Test
  void missingOrMalformedIdempotencyKeys_areRefused_andChangeNothing() {
    String path = "/orgs/" + org + "/credits";
    String body = "{\"amount\":{\"currency\":\"USD\",\"amount\":\"5\"},\"reason\":\"goodwill\"}";

    Answer missing = stack.client.send(stack.operator(), "POST", path, body, null);
    Answer tooShort = stack.client.send(stack.operator(), "POST", path, body, "abc");
    Answer spaces = stack.client.send(stack.operator(), "POST", path, body, "has spaces in it");

    assertThat(List.of(missing.status(), tooShort.status(), spaces.status())).containsOnly(400);
    assertThat(missing.json().path("detail").asText()).contains("Idempotency-Key");
    assertThat(tooShort.json().path("errors").get(0).path("field").asText())
        .isEqualTo("Idempotency-Key");
    assertThat(stack.balance(org)).isEqualTo("10.00");
  }

  @Test
  void badQueries_areRefusedWithAReason() {
    Map<String, String> queries =
        Map.of(
            "/orgs/" + org + "/usage-report?month=2026-13",
            "month must be",
            "/orgs/" + org + "/usage-report",
            "month is required",
            "/orgs/" + org + "/balance-history?days=7",
            "days must be 30 or 90",
            "/orgs/" + org + "/ledger?from=yesterday",
            "ISO-8601",
            "/orgs/" + org + "/ledger?limit=100000",
            "limit must be",
            "/orgs?query=Bad%20Prefix",
            "query must be",
            "/orgs/" + org + "/ledger?cursor=abc",
            "not one this API gave out",
            "/orgs?cursor=abc",
            "not one this API gave out",
            "/orgs/" + org + "/ledger?cursor=!!!",
            "not one this API gave out");

    queries.forEach(
        (query, reason) -> {
          Answer answer = stack.client.get(stack.operator(), query);
          assertThat(answer.status()).as(query).isEqualTo(400);
          assertThat(answer.json().path("detail").asText()).as(query).contains(reason);
        });
  }
}
