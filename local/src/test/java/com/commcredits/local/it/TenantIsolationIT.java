package com.commcredits.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.local.LocalDeployment;
import com.commcredits.local.api.ApiClient.Answer;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.local.template.HttpApiRoute;
import com.commcredits.testing.TestCards;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation through every route the template serves: org A's admin gets 404 for anything of
 * org B — exactly what an org that does not exist answers, so org ids cannot be probed — and org B
 * is left as it was; a token naming no org gets nothing anywhere; org admins cannot do what only
 * operators may.
 */
@ExtendWith(LocalDeploymentExtension.class)
class TenantIsolationIT {

  /** A valid body for each state-changing route, so only the caller can be the reason to refuse. */
  private static final Map<String, String> BODIES =
      Map.of(
          "POST /orgs",
          "{\"orgId\":\"iso-new-org\",\"displayName\":\"X\",\"currency\":\"USD\","
              + "\"adminEmails\":[\"a@b.example\"],\"licensedUsers\":1}",
          "POST /orgs/{org}/purchases",
          "{\"amount\":{\"currency\":\"USD\",\"amount\":\"5\"}}",
          "POST /orgs/{org}/credits",
          "{\"amount\":{\"currency\":\"USD\",\"amount\":\"5\"},\"reason\":\"goodwill\"}",
          "PUT /orgs/{org}/auto-recharge",
          "{\"enabled\":false,\"amount\":{\"currency\":\"USD\",\"amount\":\"50\"},"
              + "\"trigger\":{\"currency\":\"USD\",\"amount\":\"10\"}}",
          "PUT /orgs/{org}/payment-method",
          "{\"token\":\"pm_card_visa\",\"brand\":\"Visa\",\"last4\":\"1111\",\"expires\":\""
              + TestCards.FAR_EXPIRY
              + "\"}",
          "PUT /orgs/{org}/licences",
          "{\"audioConferencingUsers\":99}",
          "PUT /orgs/{org}/call-restrictions",
          "{\"dialOutDefault\":\"NONE\",\"userCallsDefault\":\"NONE\"}");

  private static AdminApiOnTheStack stack;
  private static LocalDeployment deployment;
  private static String orgA;
  private static String orgB;

  @BeforeAll
  static void twoOrgs(LocalDeployment localDeployment) {
    deployment = localDeployment;
    stack = AdminApiOnTheStack.start(localDeployment);
    orgA = AdminApiOnTheStack.newOrgId();
    orgB = AdminApiOnTheStack.newOrgId();
    stack.openOrg(orgA, "USD", "en", 10);
    stack.openOrg(orgB, "USD", "en", 10);
    stack.putCard(orgB, "pm_card_visa");
    stack.grant(orgB, "USD", "10");
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static List<HttpApiRoute> routes() {
    return deployment.template().functions().get("AdminApiFunction").httpApiRoutes();
  }

  private static String path(HttpApiRoute route, String org) {
    return route.path().replace("{org}", org).replace("{usageId}", "u-1");
  }

  private static Answer call(String token, HttpApiRoute route, String org) {
    String query =
        route.path().endsWith("usage-report") || route.path().endsWith("usage-summary")
            ? "?month=2026-11"
            : "";
    String body = BODIES.get(route.method() + " " + route.path());
    if (route.method().equals("GET")) {
      return stack.client.get(token, path(route, org) + query);
    }
    return stack.client.send(token, route.method(), path(route, org) + query, body);
  }

  @Test
  void orgAdminOfA_getsNotFound_forEveryRouteOfB_andBIsUnchanged() {
    String before = stack.client.get(stack.operator(), "/orgs/" + orgB).body();
    String ledgerBefore = stack.client.get(stack.operator(), "/orgs/" + orgB + "/ledger").body();
    String unknown = stack.client.get(stack.operator(), "/orgs/no-such-org-xyz").body();
    List<String> checked = new ArrayList<>();

    for (HttpApiRoute route : routes()) {
      if (!route.path().contains("{org}")) {
        continue;
      }
      Answer answer = call(stack.admin(orgA), route, orgB);
      assertThat(answer.status()).as(route.method() + " " + route.path()).isEqualTo(404);
      assertThat(answer.json().path("detail").asText())
          .as("the same answer as for an org that does not exist")
          .isEqualTo(
              unknown
                  .replaceAll(".*\"detail\":\"([^\"]*)\".*", "$1")
                  .replace("no-such-org-xyz", orgB));
      checked.add(route.method() + " " + route.path());
    }

    assertThat(checked).hasSizeGreaterThanOrEqualTo(16);
    assertThat(stack.client.get(stack.operator(), "/orgs/" + orgB).body()).isEqualTo(before);
    assertThat(stack.client.get(stack.operator(), "/orgs/" + orgB + "/ledger").body())
        .isEqualTo(ledgerBefore);
  }

  @Test
  void aTokenWithoutTheOrgClaim_getsNothing_onAnyRoute() {
    String token = stack.issuer.tokenWithoutRole();

    for (HttpApiRoute route : routes()) {
      Answer answer = call(token, route, orgB);
      assertThat(answer.status()).as(route.method() + " " + route.path()).isEqualTo(403);
      assertThat(answer.body()).doesNotContain(orgB + "\",\"displayName");
    }
    assertThat(stack.balance(orgB)).isEqualTo("10.00");
  }

  @Test
  void orgAdmins_cannotDoWhatOnlyOperatorsMay_evenOnTheirOwnOrg() {
    List<Integer> statuses =
        List.of(
            stack.client.get(stack.admin(orgB), "/orgs").status(),
            stack
                .client
                .send(stack.admin(orgB), "POST", "/orgs", BODIES.get("POST /orgs"))
                .status(),
            stack
                .client
                .send(
                    stack.admin(orgB),
                    "POST",
                    "/orgs/" + orgB + "/credits",
                    BODIES.get("POST /orgs/{org}/credits"))
                .status(),
            stack
                .client
                .send(
                    stack.admin(orgB),
                    "PUT",
                    "/orgs/" + orgB + "/licences",
                    BODIES.get("PUT /orgs/{org}/licences"))
                .status());

    assertThat(statuses).containsOnly(403);
    assertThat(stack.client.get(stack.operator(), "/orgs/iso-new-org").status()).isEqualTo(404);
    assertThat(stack.balance(orgB)).isEqualTo("10.00");
  }

  @Test
  void anOrgAdminsOwnOrg_isReachable() {
    assertThat(stack.client.get(stack.admin(orgB), "/orgs/" + orgB).status()).isEqualTo(200);
  }
}
