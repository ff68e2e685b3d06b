package com.commcredits.domain.charging;

import static com.commcredits.testing.TestCallRecords.aCallRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.domain.calls.CallType;
import com.commcredits.domain.calls.NumberType;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.licences.CallingPlan;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemoryLedger;
import com.commcredits.testing.TestAccounts;
import com.commcredits.testing.TestCallRecords;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A month of mixed calls for two orgs through the shipped sample cards (sample-usd@2026.2,
 * sample-eur@2026.2). Every expected figure is worked out by hand in the comments, from the card
 * lines, so a change to the sample card or to the rating rules shows up here.
 */
class MonthOfMixedCallsTest {

  private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryLedger ledger = new InMemoryLedger(accounts);
  private final ChargeCallRecords charging =
      new ChargeCallRecords(accounts, new RateCardRater(RateCardFiles.packaged()), ledger);
  private final Map<String, String> outcomes = new LinkedHashMap<>();
  private int day = 1;

  @Test
  void contoso_usdWithConferencingLicencesAndAUsPlan() {
    // Given 2 audio conferencing licences (pool 120 min) and 1 US domestic plan user (100 min)
    open(
        "contoso",
        "USD",
        OrgLicences.audioConferencing(2).withCallingPlans(CallingPlan.domestic("US", 1, 100)));
    TestCallRecords us = call("contoso", "US");

    // When the month's calls arrive
    charge("c01", us.lasting(3000)); // dial-out US 50 min: pool 50/120 → 0
    charge(
        "c02",
        call("contoso", "US")
            .to("+447400123456")
            .lasting(2400)); // GB mobile 40 min: pool 90/120 → 0
    // DE fixed 45:30 = 46 started minutes: pool gives 30 (120/120); 930 s left bill as 16 min
    // at 0.035 (60/60) = 0.56
    charge("c03", call("contoso", "US").to("+4930123456").lasting(2730));
    charge("c04", call("contoso", "US").lasting(600)); // pool empty: 10 × 0.022 = 0.22
    charge(
        "c05",
        call("contoso", "US").to("+81312345678").lasting(300)); // JP not Zone A: 5 × 0.25 = 1.25
    charge(
        "c06",
        call("contoso", "US")
            .callType(CallType.CONF_IN)
            .to("+12065550100")
            .lasting(1200)); // toll dial-in included → 0
    charge(
        "c07",
        call("contoso", "US")
            .callType(CallType.CONF_IN)
            .numberType(NumberType.TOLL_FREE)
            .to("+18005550199")
            .lasting(630)); // toll-free dial-in 0.024 per min, 60/1: 0.024 × 630/60 = 0.252
    charge(
        "c08", call("contoso", "US").callType(CallType.USER_OUT).lasting(5400)); // plan 90/100 → 0
    // plan 10 left of 15 min: 300 s left = 5 × 0.022 = 0.11
    charge("c09", call("contoso", "US").callType(CallType.USER_OUT).lasting(900));
    // abroad on a domestic plan: GB fixed 3 × 0.035 = 0.105
    charge(
        "c10", call("contoso", "US").callType(CallType.USER_OUT).to("+442079460123").lasting(180));
    charge(
        "c11",
        call("contoso", "US").callType(CallType.USER_OUT).to("+911").lasting(120)); // emergency → 0
    charge(
        "c12",
        call("contoso", "US")
            .callType(CallType.USER_OUT)
            .to("+19005550123")
            .lasting(60)); // premium refused
    charge("c01", us); // the same record redelivered
    // December's first call draws a fresh pool → 0
    charge(
        "c13",
        call("contoso", "US").startingAt(Instant.parse("2026-12-01T00:05:00Z")).lasting(600));

    // Then credits paid 0.56 + 0.22 + 1.25 + 0.252 + 0.11 + 0.105 = 2.497 of the 100 deposited
    assertThat(outcomes)
        .containsEntry("c01", "Charged USD 0.00 AudioConferencing")
        .containsEntry("c03", "Charged USD 0.56 AudioConferencing+CommunicationsCredits")
        .containsEntry("c06", "Charged USD 0.00 AudioConferencing")
        .containsEntry("c09", "Charged USD 0.11 DomesticCallingPlan(US)+CommunicationsCredits")
        .containsEntry("c11", "Charged USD 0.00 Emergency")
        .containsEntry("c01-again", "AlreadyCharged")
        .containsEntry("c13", "Charged USD 0.00 AudioConferencing");
    assertThat(outcomes.get("c12")).startsWith("Rejected premium-rate destination");
    assertThat(debited("contoso")).isEqualTo(Money.of("2.497", "USD"));
    assertThat(balance("contoso")).isEqualTo(Money.of("97.503", "USD"));
    assertThat(ledger.poolUsage("contoso", NOVEMBER).minutesUsed())
        .isEqualTo(Map.of("audio-conferencing", 120L, "domestic-US", 100L));
    assertThat(ledger.poolUsage("contoso", YearMonth.of(2026, 12)).minutesUsed())
        .isEqualTo(Map.of("audio-conferencing", 10L));
    assertThat(ledger.entries("contoso"))
        .as("the deposit and 12 charges: the premium call refused, the redelivery charged once")
        .hasSize(13);
  }

  @Test
  void fabrikam_eurPayPerMinuteWithAGermanInternationalPlan() {
    // Given pay-per-minute conferencing and 1 German international plan user (60 + 10 min)
    open(
        "fabrikam",
        "EUR",
        OrgLicences.NONE.withCallingPlans(CallingPlan.international("DE", 1, 60, 10)));

    // When the month's calls arrive
    charge(
        "f01",
        call("fabrikam", "DE")
            .callType(CallType.CONF_IN)
            .to("+4930901820")
            .lasting(1800)); // toll dial-in 30 × 0.0166 = 0.498
    charge(
        "f02",
        call("fabrikam", "DE")
            .callType(CallType.CONF_IN)
            .numberType(NumberType.TOLL_FREE)
            .to("+498001234567")
            .lasting(730)); // toll-free dial-in 0.0414 × 730/60 = 0.5037
    // DE mobile range 4915: 0.1196/min, fee 0.0184, 60/1: 0.1196 × 181/60 + 0.0184 = 0.37919… →
    // up:4 = 0.3792
    charge("f03", call("fabrikam", "DE").to("+4915112345678").lasting(181));
    charge(
        "f04",
        call("fabrikam", "DE")
            .callType(CallType.USER_OUT)
            .to("+4930123456")
            .lasting(3000)); // plan 50/60 → 0
    // plan 10 left of 20 min: 600 s left = 10 × 0.03 = 0.30
    charge(
        "f05", call("fabrikam", "DE").callType(CallType.USER_OUT).to("+4930123456").lasting(1200));
    charge(
        "f06",
        call("fabrikam", "DE")
            .callType(CallType.USER_OUT)
            .to("+33612345678")
            .lasting(480)); // intl plan 8/10 → 0
    // intl plan 2 left of 5:30: 210 s left bill as 4 min × 0.03 = 0.12
    charge(
        "f07", call("fabrikam", "DE").callType(CallType.USER_OUT).to("+33123456789").lasting(330));
    // French premium, charged and flagged: 1.38 × 61/60 + 0.092 = 1.495 → up:2 = 1.50; never from
    // the plan
    charge(
        "f08", call("fabrikam", "DE").callType(CallType.USER_OUT).to("+33891234567").lasting(61));
    charge("f09", call("fabrikam", "DE").to("+4930123456").lasting(0)); // never connected → 0
    charge("f10", call("fabrikam", "DE").to("+4930123456").lasting(59)); // 1 min × 0.03
    charge("f11", call("fabrikam", "DE").to("+4930123456").lasting(61)); // 2 min × 0.03 = 0.06

    // Then credits paid 0.498 + 0.5037 + 0.3792 + 0.30 + 0.12 + 1.50 + 0.03 + 0.06 = 3.3909
    assertThat(outcomes)
        .containsEntry("f01", "Charged EUR 0.498 CommunicationsCredits")
        .containsEntry("f03", "Charged EUR 0.3792 CommunicationsCredits")
        .containsEntry("f06", "Charged EUR 0.00 InternationalCallingPlan(DE)")
        .containsEntry("f07", "Charged EUR 0.12 InternationalCallingPlan(DE)+CommunicationsCredits")
        .containsEntry("f08", "Charged EUR 1.50 CommunicationsCredits premium");
    assertThat(debited("fabrikam")).isEqualTo(Money.of("3.3909", "EUR"));
    assertThat(balance("fabrikam")).isEqualTo(Money.of("46.6091", "EUR"));
    assertThat(ledger.poolUsage("fabrikam", NOVEMBER).minutesUsed())
        .isEqualTo(Map.of("domestic-DE", 60L, "international-DE", 10L));
  }

  private void open(String orgId, String currency, OrgLicences licences) {
    accounts.open(TestAccounts.withLicences(TestAccounts.anAccount(orgId, currency), licences));
    ledger.credit(
        new Credit(
            orgId,
            EntryKind.DEPOSIT,
            orgId + "-deposit",
            Money.of(currency.equals("USD") ? "100" : "50", currency),
            Instant.parse("2026-11-01T00:00:00Z"),
            "deposit"));
  }

  private TestCallRecords call(String orgId, String location) {
    day = day % 28 + 1;
    return aCallRecord()
        .org(orgId)
        .userLocation(location)
        .from(location.equals("US") ? "+12065550100" : "+4930901820")
        .startingAt(Instant.parse("2026-11-%02dT09:00:00Z".formatted(day)));
  }

  private void charge(String usageId, TestCallRecords call) {
    charge(usageId, call, usageId);
  }

  private void charge(String key, TestCallRecords call, String usageId) {
    var outcome = charging.charge(call.usageId(usageId).build(), NOW);
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
    outcomes.put(outcomes.containsKey(key) ? key + "-again" : key, label);
  }

  private Money debited(String orgId) {
    return ledger.entries(orgId).stream()
        .filter(e -> e.kind() == EntryKind.CALL_CHARGE)
        .map(e -> e.amount().negate())
        .reduce(Money::plus)
        .orElseThrow();
  }

  private Money balance(String orgId) {
    return accounts.find(orgId).orElseThrow().balance();
  }
}
