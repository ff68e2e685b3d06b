package com.commcredits.local.it;

import static com.commcredits.testing.TestCallRecords.aRecentCallRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.account.Language;
import com.commcredits.domain.licences.CallingPlan;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import com.commcredits.local.LocalAdmin;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.testing.LambdaEvents;
import com.commcredits.testing.TestCallRecords;
import com.commcredits.testing.TestContext;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rating with licence pools through the rate-calls function against DynamoDB Local: the pool usage
 * is written in the debit's transaction, never overdrawn by concurrent calls, and kept per month.
 * Figures from the packaged sample-usd card (conf_out to the US: 0.022 per started minute).
 */
@ExtendWith(LocalDeploymentExtension.class)
class RatingPoolsIT {

  /** The month the recent records fall in, and the one after it, which they must not touch. */
  private static final YearMonth CALLS_MONTH = TestCallRecords.RECENT_MONTH;

  private final LocalDeployment deployment;
  private final LocalAdmin admin;

  RatingPoolsIT(LocalDeployment deployment) {
    this.deployment = deployment;
    this.admin = new LocalAdmin(deployment);
  }

  private String openOrg(OrgLicences licences) {
    String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
    admin
        .administration()
        .openAccount(
            org,
            "Test " + org,
            Currency.getInstance("USD"),
            Language.EN,
            List.of("admin@" + org + ".example"),
            50,
            Instant.now());
    admin.administration().setLicences(org, licences);
    admin.administration().addFunds(org, "initial", Money.of("100", "USD"), Instant.now());
    return org;
  }

  @Test
  void licencesSurviveTheAccountItem_andAPoolRunningOutMidCallSplitsTheCharge() {
    String org =
        openOrg(
            OrgLicences.audioConferencing(1).withCallingPlans(CallingPlan.domestic("US", 1, 100)));
    var handler = deployment.newHandler("RateCallsFunction");

    handler.handleRequest(
        LambdaEvents.withBodies(
            aRecentCallRecord().org(org).usageId(org + "-1").lasting(50 * 60).json(),
            aRecentCallRecord().org(org).usageId(org + "-2").lasting(15 * 60).json(),
            aRecentCallRecord().org(org).usageId(org + "-1").lasting(50 * 60).json()),
        new TestContext());

    assertThat(admin.accounts().find(org).orElseThrow().licences().audioConferencingUsers())
        .isEqualTo(1);
    // 50 min from the pool; then 10 from the pool and 5 × 0.022 from credits
    assertThat(admin.balance(org)).isEqualTo(Money.of("99.89", "USD"));
    assertThat(admin.balance(org)).isEqualTo(admin.ledgerSum(org));
    assertThat(admin.ledger().poolUsage(org, CALLS_MONTH).minutesUsed())
        .isEqualTo(Map.of("audio-conferencing", 60L));
    assertThat(admin.ledger().poolUsage(org, CALLS_MONTH.plusMonths(1)).minutesUsed()).isEmpty();
  }

  @Test
  void concurrentCalls_neverOverdrawThePool_andCreditsPayTheRest() throws Exception {
    // Given a 60-minute pool and 20 ten-minute calls charged by two function instances at once
    String org = openOrg(OrgLicences.audioConferencing(1));
    int failed = TwoFunctionInstances.chargeAtOnce(deployment, org, 20, 600, 8);

    // Then the pool holds exactly its 60 minutes and every other charged minute was paid
    long poolMinutes = admin.ledger().poolUsage(org, CALLS_MONTH).used("audio-conferencing");
    long charged = 20 - failed;
    assertThat(poolMinutes).isEqualTo(Math.min(60, charged * 10));
    Money paid = Money.of("100", "USD").minus(admin.balance(org));
    assertThat(paid).isEqualTo(Money.of("0.022", "USD").times(charged * 10 - poolMinutes));
    assertThat(admin.balance(org)).isEqualTo(admin.ledgerSum(org));
  }
}
