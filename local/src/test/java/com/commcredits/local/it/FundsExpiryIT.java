package com.commcredits.local.it;

import static com.commcredits.local.it.OrgOnTheStack.SETTLE;
import static com.commcredits.testing.TestCallRecords.aRecentCallRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.money.Money;
import com.commcredits.local.LocalAdmin;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.sweepaccounts.SweepAccountsHandler;
import com.commcredits.testing.LambdaEvents;
import com.commcredits.testing.TestContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Purchased funds expire 12 months after purchase, through the daily sweep of the deployed stack.
 */
@ExtendWith(LocalDeploymentExtension.class)
class FundsExpiryIT {

  private final LocalDeployment deployment;
  private final LocalAdmin admin;

  FundsExpiryIT(LocalDeployment deployment) {
    this.deployment = deployment;
    this.admin = new LocalAdmin(deployment);
  }

  @Test
  void dailySweep_expiresWhatWasNotSpentOfAPurchaseOlderThanAYear_once() {
    String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now();
    var administration = admin.administration();
    administration.openAccount(
        org,
        org,
        Currency.getInstance("USD"),
        Language.EN,
        List.of("admin@" + org + ".example"),
        10,
        now);
    administration.addFunds(org, "old", Money.of("100", "USD"), now.minus(400, ChronoUnit.DAYS));
    administration.addFunds(org, "new", Money.of("20", "USD"), now.minus(10, ChronoUnit.DAYS));
    deployment
        .newHandler("RateCallsFunction")
        .handleRequest(
            LambdaEvents.withBodies(
                aRecentCallRecord().org(org).usageId(org + "-1").lasting(120).json()),
            new TestContext());
    deployment.startEventSources();
    var sweep = new SweepAccountsHandler(deployment.functionEnvironment("SweepAccountsFunction"));

    sweep.handleRequest(Map.of(), new TestContext());
    deployment.awaitQuiescence(SETTLE);
    sweep.handleRequest(Map.of(), new TestContext());
    deployment.awaitQuiescence(SETTLE);

    assertThat(admin.ledger().entries(org))
        .filteredOn(e -> e.kind() == EntryKind.EXPIRY)
        .singleElement()
        .extracting(LedgerEntry::amount)
        .isEqualTo(Money.of("-99.956", "USD"));
    assertThat(admin.balance(org)).isEqualTo(Money.of("20", "USD"));
    assertThat(admin.balance(org)).isEqualTo(admin.ledgerSum(org));
    assertThat(admin.accounts().find(org).orElseThrow().serviceState())
        .isEqualTo(ServiceState.ACTIVE);
  }
}
