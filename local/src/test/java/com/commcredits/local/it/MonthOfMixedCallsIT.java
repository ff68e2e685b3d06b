package com.commcredits.local.it;

import static com.commcredits.local.it.OrgOnTheStack.SETTLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.account.Language;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.money.Money;
import com.commcredits.local.LocalAdmin;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.testing.MonthOfMixedCalls;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * A month of mixed calls for two orgs sent to the call-records queue of the deployed stack; the
 * totals must match the hand-computed ones of {@link MonthOfMixedCalls}.
 */
@ExtendWith(LocalDeploymentExtension.class)
class MonthOfMixedCallsIT {

  /**
   * The scenario's month: the last full one, so that its calls (and Contoso's on the first of this
   * month) are in the past and inside the review window whenever the test runs.
   */
  private static final YearMonth LAST_MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

  private final LocalDeployment deployment;
  private final LocalAdmin admin;

  MonthOfMixedCallsIT(LocalDeployment deployment) {
    this.deployment = deployment;
    this.admin = new LocalAdmin(deployment);
  }

  @BeforeEach
  void start() {
    deployment.startEventSources();
  }

  @Test
  void contosoMonth_matchesTheHandComputedTotals() {
    thenTotalsMatch(send(MonthOfMixedCalls.contoso(uniqueOrg("contoso"), LAST_MONTH), Language.EN));
  }

  @Test
  void fabrikamMonth_matchesTheHandComputedTotals() {
    thenTotalsMatch(
        send(MonthOfMixedCalls.fabrikam(uniqueOrg("fabrikam"), LAST_MONTH), Language.DE));
  }

  private MonthOfMixedCalls.Scenario send(MonthOfMixedCalls.Scenario scenario, Language language) {
    var administration = admin.administration();
    String orgId = scenario.orgId();
    Instant now = Instant.now();
    administration.openAccount(
        orgId,
        orgId,
        Currency.getInstance(scenario.currency()),
        language,
        List.of("admin@" + orgId + ".example"),
        10,
        now);
    administration.setLicences(orgId, scenario.licences());
    administration.addFunds(orgId, "deposit", scenario.deposit(), now);
    for (MonthOfMixedCalls.Call call : scenario.calls()) {
      deployment
          .sqs()
          .sendMessage(
              SendMessageRequest.builder()
                  .queueUrl(deployment.queueUrl("CallRecordsQueue"))
                  .messageBody(call.record().json())
                  .build());
    }
    deployment.awaitQuiescence(SETTLE);
    return scenario;
  }

  private void thenTotalsMatch(MonthOfMixedCalls.Scenario scenario) {
    String orgId = scenario.orgId();
    Money debited =
        admin.ledger().entries(orgId).stream()
            .filter(e -> e.kind() == EntryKind.CALL_CHARGE)
            .map(e -> e.amount().negate())
            .reduce(Money::plus)
            .orElseThrow();
    assertThat(debited).isEqualTo(scenario.creditsPaid());
    assertThat(admin.balance(orgId)).isEqualTo(scenario.balance());
    assertThat(admin.balance(orgId)).isEqualTo(admin.ledgerSum(orgId));
    scenario
        .poolMinutes()
        .forEach(
            (month, minutes) ->
                assertThat(admin.ledger().poolUsage(orgId, month).minutesUsed())
                    .isEqualTo(minutes));
  }

  private static String uniqueOrg(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 6);
  }
}
