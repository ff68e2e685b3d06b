package com.commcredits.domain.charging;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemoryLedger;
import com.commcredits.testing.MonthOfMixedCalls;
import com.commcredits.testing.TestAccounts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The month of mixed calls ({@link MonthOfMixedCalls}) rated and charged in memory. */
class MonthOfMixedCallsTest {

  private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryLedger ledger = new InMemoryLedger(accounts);
  private final ChargeCallRecords charging =
      new ChargeCallRecords(accounts, new RateCardRater(RateCardFiles.packaged()), ledger);

  @Test
  void contoso_usdWithConferencingLicencesAndAUsPlan() {
    var contoso = MonthOfMixedCalls.contoso("contoso");

    var outcomes = run(contoso);

    assertThat(outcomes)
        .containsEntry("c01", "Charged USD 0.00 AudioConferencing")
        .containsEntry("c03", "Charged USD 0.56 AudioConferencing+CommunicationsCredits")
        .containsEntry("c06", "Charged USD 0.00 AudioConferencing")
        .containsEntry("c09", "Charged USD 0.11 DomesticCallingPlan(US)+CommunicationsCredits")
        .containsEntry("c11", "Charged USD 0.00 Emergency")
        .containsEntry("c01-again", "AlreadyCharged")
        .containsEntry("c13", "Charged USD 0.00 AudioConferencing");
    assertThat(outcomes.get("c12")).startsWith("Rejected premium-rate destination");
    thenTotalsMatch(contoso);
    assertThat(ledger.entries("contoso"))
        .as("the deposit and 12 charges: the premium call refused, the redelivery charged once")
        .hasSize(13);
  }

  @Test
  void fabrikam_eurPayPerMinuteWithAGermanInternationalPlan() {
    var fabrikam = MonthOfMixedCalls.fabrikam("fabrikam");

    var outcomes = run(fabrikam);

    assertThat(outcomes)
        .containsEntry("f01", "Charged EUR 0.498 CommunicationsCredits")
        .containsEntry("f03", "Charged EUR 0.3792 CommunicationsCredits")
        .containsEntry("f06", "Charged EUR 0.00 InternationalCallingPlan(DE)")
        .containsEntry("f07", "Charged EUR 0.12 InternationalCallingPlan(DE)+CommunicationsCredits")
        .containsEntry("f08", "Charged EUR 1.50 CommunicationsCredits premium");
    thenTotalsMatch(fabrikam);
  }

  private Map<String, String> run(MonthOfMixedCalls.Scenario scenario) {
    accounts.open(
        TestAccounts.withLicences(
            TestAccounts.anAccount(scenario.orgId(), scenario.currency()), scenario.licences()));
    ledger.credit(
        new Credit(
            scenario.orgId(),
            EntryKind.DEPOSIT,
            scenario.orgId() + "-deposit",
            scenario.deposit(),
            Instant.parse("2026-11-01T00:00:00Z"),
            "deposit"));
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (MonthOfMixedCalls.Call call : scenario.calls()) {
      var outcome = charging.charge(call.record().build(), NOW);
      String label;
      if (outcome instanceof CallRecordOutcome.Charged c) {
        label =
            "Charged "
                + c.charge().amount()
                + " "
                + c.charge().capability()
                + (c.charge().premium() ? " premium" : "");
      } else if (outcome instanceof CallRecordOutcome.Rejected r) {
        label = "Rejected " + r.reason();
      } else {
        label = "AlreadyCharged";
      }
      outcomes.put(outcomes.containsKey(call.key()) ? call.key() + "-again" : call.key(), label);
    }
    return outcomes;
  }

  private void thenTotalsMatch(MonthOfMixedCalls.Scenario scenario) {
    String orgId = scenario.orgId();
    Money debited =
        ledger.entries(orgId).stream()
            .filter(e -> e.kind() == EntryKind.CALL_CHARGE)
            .map(e -> e.amount().negate())
            .reduce(Money::plus)
            .orElseThrow();
    assertThat(debited).isEqualTo(scenario.creditsPaid());
    assertThat(accounts.find(orgId).orElseThrow().balance()).isEqualTo(scenario.balance());
    scenario
        .poolMinutes()
        .forEach(
            (month, minutes) ->
                assertThat(ledger.poolUsage(orgId, month).minutesUsed()).isEqualTo(minutes));
  }
}
