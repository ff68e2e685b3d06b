package com.commcredits.domain.charging;

import static com.commcredits.testing.TestCallRecords.aCallRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemoryLedger;
import com.commcredits.testing.TestAccounts;
import com.commcredits.testing.TestRateCards;
import java.time.Instant;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChargeCallRecordsPoolTest {

  private static final Instant NOW = Instant.parse("2026-11-30T23:59:00Z");
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final String POOL = OrgLicences.CONFERENCING_POOL;

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryLedger ledger = new InMemoryLedger(accounts);
  private final ChargeCallRecords charging =
      new ChargeCallRecords(accounts, new RateCardRater(TestRateCards.cards()), ledger);

  @BeforeEach
  void anOrgWithOneAudioConferencingLicence() {
    accounts.open(
        TestAccounts.withLicences(
            TestAccounts.anAccount("acme"), OrgLicences.audioConferencing(1)));
  }

  private CallRecordOutcome.Charged charged(CallRecordOutcome outcome) {
    assertThat(outcome).isInstanceOf(CallRecordOutcome.Charged.class);
    return (CallRecordOutcome.Charged) outcome;
  }

  private Money balance() {
    return accounts.find("acme").orElseThrow().balance();
  }

  @Test
  void poolUsage_isWrittenWithTheDebit() {
    charging.charge(aCallRecord().usageId("a").lasting(1200).build(), NOW);

    assertThat(ledger.poolUsage("acme", NOVEMBER).used(POOL)).isEqualTo(20);
    assertThat(ledger.entries("acme"))
        .singleElement()
        .satisfies(e -> assertThat(e.amount().isZero()).isTrue());
  }

  @Test
  void redeliveredRecord_drawsThePoolOnce() {
    charging.charge(aCallRecord().usageId("a").lasting(1200).build(), NOW);

    var again = charging.charge(aCallRecord().usageId("a").lasting(1200).build(), NOW);

    assertThat(again).isInstanceOf(CallRecordOutcome.AlreadyCharged.class);
    assertThat(ledger.poolUsage("acme", NOVEMBER).used(POOL)).isEqualTo(20);
  }

  @Test
  void poolRunningOutMidCall_splitsTheCharge_andExhaustsThePool() {
    charging.charge(aCallRecord().usageId("a").lasting(50 * 60).build(), NOW);

    var split = charged(charging.charge(aCallRecord().usageId("b").lasting(15 * 60).build(), NOW));

    assertThat(split.charge().poolMinutes()).isEqualTo(10);
    assertThat(split.charge().amount()).isEqualTo(Money.of("0.10", "USD"));
    assertThat(ledger.poolUsage("acme", NOVEMBER).used(POOL)).isEqualTo(60);
    assertThat(balance()).isEqualTo(Money.of("-0.10", "USD"));
  }

  @Test
  void poolDrawnByAConcurrentCall_isReRatedWithFreshUsage() {
    // Given another call takes 50 of the 60 minutes between this call's read and its debit
    var concurrent = new AtomicInteger();
    ledger.afterEveryPoolRead(
        () -> {
          if (concurrent.getAndIncrement() == 0) {
            ledger.drawPool("acme", NOVEMBER, POOL, 50);
          }
        });

    // When a 30-minute call is charged
    var outcome = charged(charging.charge(aCallRecord().lasting(30 * 60).build(), NOW));

    // Then it is rated again: 10 minutes from the pool, 20 from credits, and the pool never
    // overdrawn
    assertThat(ledger.poolReads()).isEqualTo(2);
    assertThat(outcome.charge().poolMinutes()).isEqualTo(10);
    assertThat(outcome.charge().amount()).isEqualTo(Money.of("0.40", "USD"));
    assertThat(ledger.poolUsage("acme", NOVEMBER).used(POOL)).isEqualTo(60);
  }

  @Test
  void poolThatKeepsChanging_failsOnlyThisRecord_forSqsToRetry() {
    ledger.afterEveryPoolRead(() -> ledger.drawPool("acme", NOVEMBER, POOL, 1));

    assertThatThrownBy(() -> charging.charge(aCallRecord().lasting(60 * 60).build(), NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("changed under " + ChargeCallRecords.MAX_RATING_ATTEMPTS);
    assertThat(ledger.entries("acme")).isEmpty();
  }

  @Test
  void newMonth_startsThePoolAfresh_byTheCallsStartInUtc() {
    charging.charge(
        aCallRecord()
            .usageId("nov")
            .startingAt(Instant.parse("2026-11-30T23:00:00Z"))
            .lasting(3600)
            .build(),
        NOW);
    var lastNovember =
        charged(
            charging.charge(
                aCallRecord()
                    .usageId("nov-late")
                    .startingAt(Instant.parse("2026-11-30T23:59:00Z"))
                    .lasting(120)
                    .build(),
                NOW));

    var firstDecember =
        charged(
            charging.charge(
                aCallRecord()
                    .usageId("dec")
                    .startingAt(Instant.parse("2026-12-01T00:00:00Z"))
                    .lasting(120)
                    .build(),
                NOW));

    assertThat(lastNovember.charge().amount()).isEqualTo(Money.of("0.04", "USD"));
    assertThat(firstDecember.charge().amount().isZero()).isTrue();
    assertThat(firstDecember.charge().poolDraw().orElseThrow().month())
        .isEqualTo(YearMonth.of(2026, 12));
    assertThat(ledger.poolUsage("acme", YearMonth.of(2026, 12)).used(POOL)).isEqualTo(2);
  }

  @Test
  void orgWithoutPools_neverReadsPoolUsage() {
    accounts.open(TestAccounts.anAccount("payg"));

    charging.charge(aCallRecord().org("payg").lasting(60).build(), NOW);

    assertThat(ledger.poolReads()).isZero();
  }
}
