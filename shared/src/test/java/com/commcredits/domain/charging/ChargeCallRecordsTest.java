package com.commcredits.domain.charging;

import static com.commcredits.testing.TestCallRecords.aCallRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemoryLedger;
import com.commcredits.testing.TestAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChargeCallRecordsTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:05:00Z");

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryLedger ledger = new InMemoryLedger(accounts);
  private ChargeCallRecords charging;

  @BeforeEach
  void setUp() {
    charging = new ChargeCallRecords(accounts, new RateCardRater(RateCardFiles.packaged()), ledger);
    accounts.open(TestAccounts.anAccount("acme"));
  }

  @Test
  void call_isRatedPerStartedMinute_andDebitedOnce() {
    var outcome = charging.charge(aCallRecord().lasting(121).build(), NOW);

    assertThat(outcome).isInstanceOf(CallRecordOutcome.Charged.class);
    assertThat(((CallRecordOutcome.Charged) outcome).charge().amount())
        .isEqualTo(Money.of("0.066", "USD"));
    assertThat(accounts.find("acme").orElseThrow().balance()).isEqualTo(Money.of("-0.066", "USD"));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"2027-01-02T10:00:00Z", "2999-01-01T00:00:00Z", "2020-01-01T00:00:00Z"})
  void callStartingInTheFutureOrLongAgo_isRejectedWithTheReason_andChargesNothing(String start) {
    // guards issue 9 defect 7: such records drew free pool minutes of an unused month
    var outcome = charging.charge(aCallRecord().startingAt(Instant.parse(start)).build(), NOW);

    assertThat(outcome).isInstanceOf(CallRecordOutcome.Rejected.class);
    assertThat(((CallRecordOutcome.Rejected) outcome).reason()).contains("startTime");
    assertThat(ledger.entries("acme")).isEmpty();
  }

  @Test
  void callStartingWithinTheClockSkew_isCharged() {
    var outcome =
        charging.charge(aCallRecord().startingAt(NOW.plus(Duration.ofMinutes(4))).build(), NOW);

    assertThat(outcome).isInstanceOf(CallRecordOutcome.Charged.class);
  }

  @Test
  void redeliveredRecord_isAlreadyCharged_andChangesNothing() {
    charging.charge(aCallRecord().build(), NOW);

    var outcome = charging.charge(aCallRecord().build(), NOW.plusSeconds(30));

    assertThat(outcome).isInstanceOf(CallRecordOutcome.AlreadyCharged.class);
    assertThat(ledger.entries("acme")).hasSize(1);
  }

  @Test
  void sameUsageIdWithDifferentContent_isRejected_notChargedTwice() {
    charging.charge(aCallRecord().lasting(60).build(), NOW);

    var outcome = charging.charge(aCallRecord().lasting(900).build(), NOW);

    assertThat(outcome).isInstanceOf(CallRecordOutcome.Rejected.class);
    assertThat(((CallRecordOutcome.Rejected) outcome).reason())
        .contains("already charged", "different call record");
    assertThat(ledger.entries("acme")).hasSize(1);
  }

  @Test
  void unknownOrg_isRejected() {
    var outcome = charging.charge(aCallRecord().org("nobody").build(), NOW);

    assertThat(outcome)
        .isEqualTo(
            new CallRecordOutcome.Rejected(
                "nobody", "usage-1", "unknown org 'nobody': no credits account"));
  }

  @Test
  void internationalDestination_isPricedByItsCountry() {
    var outcome = charging.charge(aCallRecord().to("+442079460123").lasting(60).build(), NOW);

    var charge = ((CallRecordOutcome.Charged) outcome).charge();
    assertThat(charge.amount()).isEqualTo(Money.of("0.035", "USD"));
    assertThat(charge.destinationCountry()).isEqualTo("GB");
    assertThat(charge.international()).isTrue();
  }

  @Test
  void balance_equalsTheSumOfTheLedger() {
    charging.charge(aCallRecord().usageId("a").build(), NOW);
    charging.charge(aCallRecord().usageId("b").lasting(3600).build(), NOW);
    charging.charge(aCallRecord().usageId("a").build(), NOW);

    Money sum =
        ledger.entries("acme").stream()
            .map(e -> e.amount())
            .reduce(Money.zero(Currency.getInstance("USD")), Money::plus);
    assertThat(accounts.find("acme").orElseThrow().balance()).isEqualTo(sum);
  }
}
