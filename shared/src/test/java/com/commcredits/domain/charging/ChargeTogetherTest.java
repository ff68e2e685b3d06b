package com.commcredits.domain.charging;

import static com.commcredits.testing.TestCallRecords.aCallRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemoryLedger;
import com.commcredits.testing.TestAccounts;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An org's records charged together, and when the balance check must be told (trigger 200). */
class ChargeTogetherTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:05:00Z");

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryLedger ledger = new InMemoryLedger(accounts);
  private final ChargeCallRecords charging =
      new ChargeCallRecords(accounts, new RateCardRater(RateCardFiles.packaged()), ledger);

  @Test
  void recordsFarAboveTheTrigger_areCharged_withoutTellingTheBalanceCheck() {
    open("300");

    OrgCharges charges = charging.chargeTogether(hourLongCalls(3), NOW);

    assertThat(charges.outcomes()).allMatch(CallRecordOutcome.Charged.class::isInstance);
    assertThat(charges.balanceCheckNeeded()).isFalse();
    assertThat(balance()).isEqualTo(Money.of("296.04", "USD"));
  }

  @Test
  void recordsCrossingTheTrigger_tellTheBalanceCheck() {
    open("203");

    OrgCharges charges = charging.chargeTogether(hourLongCalls(3), NOW);

    assertThat(charges.balanceCheckNeeded()).isTrue();
    assertThat(balance()).isEqualTo(Money.of("199.04", "USD"));
  }

  @Test
  void redeliveredRecords_belowTheTrigger_tellTheBalanceCheckAgain() {
    open("201");
    charging.chargeTogether(hourLongCalls(3), NOW);

    OrgCharges again = charging.chargeTogether(hourLongCalls(3), NOW);

    assertThat(again.outcomes()).allMatch(CallRecordOutcome.AlreadyCharged.class::isInstance);
    assertThat(again.balanceCheckNeeded()).isTrue();
  }

  @Test
  void sameUsageIdTwiceInOneDelivery_isChargedOnce() {
    open("300");
    CallRecord call = aCallRecord().org("acme").usageId("u-1").lasting(3600).build();

    OrgCharges charges = charging.chargeTogether(List.of(call, call), NOW);

    assertThat(charges.outcomes().get(0)).isInstanceOf(CallRecordOutcome.Charged.class);
    assertThat(charges.outcomes().get(1)).isInstanceOf(CallRecordOutcome.AlreadyCharged.class);
    assertThat(balance()).isEqualTo(Money.of("298.68", "USD"));
  }

  private void open(String balance) {
    accounts.open(TestAccounts.anAccount("acme"));
    accounts.update("acme", a -> TestAccounts.withBalance(a, Money.of(balance, "USD")));
  }

  private Money balance() {
    return accounts.find("acme").orElseThrow().balance();
  }

  private static List<CallRecord> hourLongCalls(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> aCallRecord().org("acme").usageId("u-" + i).lasting(3600).build())
        .toList();
  }
}
