package com.commcredits.domain.rating;

import static com.commcredits.testing.TestCallRecords.aCallRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.calls.CallType;
import com.commcredits.domain.calls.NumberType;
import com.commcredits.domain.licences.CallingPlan;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.licences.PoolDraw;
import com.commcredits.domain.licences.PoolUsage;
import com.commcredits.domain.money.Money;
import com.commcredits.testing.TestAccounts;
import com.commcredits.testing.TestCallRecords;
import com.commcredits.testing.TestRateCards;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateCardRaterTest {

  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

  private final RateCardRater rater = new RateCardRater(TestRateCards.cards());
  private final OrgAccount payPerMinute = TestAccounts.anAccount("acme");

  private RatingOutcome rate(TestCallRecords call, OrgAccount account, long poolMinutesUsed) {
    var record = call.build();
    var month = RateCardRater.monthOf(record);
    var usage =
        new PoolUsage(
            "acme",
            month,
            Map.of(
                OrgLicences.CONFERENCING_POOL,
                poolMinutesUsed,
                "domestic-DE",
                poolMinutesUsed,
                "international-DE",
                poolMinutesUsed,
                "domestic-US",
                poolMinutesUsed));
    return rater.rate(record, account, usage);
  }

  private CallCharge charge(TestCallRecords call, OrgAccount account, long poolMinutesUsed) {
    var outcome = rate(call, account, poolMinutesUsed);
    assertThat(outcome).isInstanceOf(RatingOutcome.Rated.class);
    return ((RatingOutcome.Rated) outcome).charge();
  }

  private CallCharge charge(TestCallRecords call) {
    return charge(call, payPerMinute, 0);
  }

  private String rejection(TestCallRecords call) {
    var outcome = rate(call, payPerMinute, 0);
    assertThat(outcome).isInstanceOf(RatingOutcome.Unratable.class);
    return ((RatingOutcome.Unratable) outcome).reason();
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private static OrgAccount withLicences(OrgLicences licences) {
    return TestAccounts.withLicences(TestAccounts.anAccount("acme"), licences);
  }

  @Nested
  class PrefixMatching {

    @Test
    void longestPrefix_wins_soJamaicaIsNotPricedAsTheUs() {
      var charge = charge(aCallRecord().to("+18765551234").lasting(60));

      assertThat(charge.amount()).isEqualTo(usd("0.25"));
      assertThat(charge.destinationCountry()).isEqualTo("JM");
      assertThat(charge.rateRef()).isEqualTo("test-usd@7/conf_out/1876/any@2026-01-01T00:00:00Z");
    }

    @Test
    void rateForTheNumbersKind_beatsAnyRate() {
      var january = Instant.parse("2026-01-15T10:00:00Z");
      assertThat(charge(aCallRecord().to("+447400123456").startingAt(january).lasting(60)).amount())
          .isEqualTo(usd("0.12"));
      assertThat(charge(aCallRecord().to("+442079460123").lasting(60)).amount())
          .isEqualTo(usd("0.04"));
    }

    @Test
    void longerPrefix_winsAmongRatesOfTheSameKind() {
      var charge = charge(aCallRecord().to("+4915112345678").lasting(60));

      assertThat(charge.amount()).isEqualTo(usd("0.15"));
      assertThat(charge.destinationKind()).isEqualTo(DestinationKind.MOBILE);
    }

    @Test
    void unlistedCountry_isPricedByTheCatchAll() {
      var charge = charge(aCallRecord().to("+81312345678").lasting(60));

      assertThat(charge.amount()).isEqualTo(usd("0.30"));
      assertThat(charge.rateRef()).contains("/conf_out/*/any@");
      assertThat(charge.international()).isTrue();
    }

    @Test
    void tollFreeRateForEveryCountry_beatsACountrysAnyRate() {
      assertThat(charge(aCallRecord().to("+18005550199").lasting(600)).amount())
          .isEqualTo(usd("0"));
    }

    @Test
    void invalidNumber_isNotCharged_andTheReasonMasksIt() {
      var reason = rejection(aCallRecord().to("+441632960123"));

      assertThat(reason)
          .contains("not a valid number", "'+441*******23'")
          .doesNotContain("441632960123");
    }
  }

  @Nested
  class EffectiveDates {

    @Test
    void priceChange_appliesToCallsStartingFromItsDate() {
      var before =
          charge(
              aCallRecord()
                  .to("+447400123456")
                  .startingAt(Instant.parse("2026-06-30T23:59:30Z"))
                  .lasting(120));
      var after =
          charge(
              aCallRecord()
                  .to("+447400123456")
                  .startingAt(Instant.parse("2026-07-01T00:00:00Z"))
                  .lasting(120));

      assertThat(before.amount())
          .as("a call that starts before runs at the old price")
          .isEqualTo(usd("0.24"));
      assertThat(before.rateRef()).endsWith("/44/mobile@2026-01-01T00:00:00Z");
      assertThat(after.amount()).isEqualTo(usd("0.20"));
      assertThat(after.rateRef()).isEqualTo("test-usd@7/conf_out/44/mobile@2026-07-01T00:00:00Z");
    }

    @Test
    void callBeforeAnyRateTookEffect_isNotCharged() {
      var reason =
          rejection(aCallRecord().startingAt(Instant.parse("2025-12-31T23:00:00Z")).lasting(60));

      assertThat(reason).contains("no rate for conf_out", "test-usd@7", "2025-12-31T23:00:00Z");
    }
  }

  @Nested
  class IncrementsFeesAndRounding {

    @ParameterizedTest(name = "{0} s to the US costs {1}")
    @CsvSource({"0,0", "59,0.02", "60,0.02", "61,0.04", "86400,28.80"})
    void perMinuteRate_chargesEveryStartedMinute(long seconds, String amount) {
      var charge = charge(aCallRecord().lasting(seconds));

      assertThat(charge.amount()).isEqualTo(usd(amount));
      assertThat(charge.billedSeconds())
          .isEqualTo(seconds == 0 ? 0 : Math.max(60, (seconds + 59) / 60 * 60));
    }

    @ParameterizedTest(name = "{0} s to German fixed costs {1}")
    @CsvSource({"0,0", "59,0.08", "60,0.08", "61,0.0805", "3601,1.8505"})
    void connectionFee_isAddedOncePerConnectedCall_andSecondsBillAfterTheFirstMinute(
        long seconds, String amount) {
      var charge = charge(aCallRecord().to("+4930123456").lasting(seconds));

      assertThat(charge.amount()).isEqualTo(usd(amount));
      assertThat(charge.connectionFee()).isEqualTo(usd(seconds == 0 ? "0" : "0.05"));
    }

    @ParameterizedTest(name = "{0} s to France costs {1}")
    @CsvSource({"18,0.01", "60,0.04", "61,0.04", "1,0.00"})
    void rounding_isAppliedOnceToTheCost_byTheRatesRule(long seconds, String amount) {
      assertThat(charge(aCallRecord().to("+33123456789").lasting(seconds)).amount())
          .isEqualTo(usd(amount));
    }
  }

  @Nested
  class CallTypes {

    @Test
    void tollDialIn_isChargedForPayPerMinuteOrgs() {
      var charge = charge(aCallRecord().callType(CallType.CONF_IN).to("+12065550100").lasting(600));

      assertThat(charge.amount()).isEqualTo(usd("0.12"));
      assertThat(charge.capability()).isEqualTo(CallCharge.CREDITS);
    }

    @Test
    void tollDialIn_isIncluded_withPerUserAudioConferencing() {
      var charge =
          charge(
              aCallRecord().callType(CallType.CONF_IN).to("+12065550100").lasting(600),
              withLicences(OrgLicences.audioConferencing(10)),
              0);

      assertThat(charge.amount()).isEqualTo(usd("0"));
      assertThat(charge.capability()).isEqualTo("AudioConferencing");
      assertThat(charge.poolDraw()).isEmpty();
    }

    @Test
    void tollFreeDialIn_isAlwaysPaidByCredits_perSecondAfterTheFirstMinute() {
      var charge =
          charge(
              aCallRecord()
                  .callType(CallType.CONF_IN)
                  .numberType(NumberType.TOLL_FREE)
                  .to("+18005550199")
                  .lasting(90),
              withLicences(OrgLicences.audioConferencing(10)),
              0);

      assertThat(charge.amount()).isEqualTo(usd("0.036"));
      assertThat(charge.rateRef()).contains("/conf_in_toll_free/");
      assertThat(charge.capability()).isEqualTo(CallCharge.CREDITS);
    }

    @Test
    void userIncomingCalls_arePricedByTheirNumberType() {
      assertThat(charge(aCallRecord().callType(CallType.USER_IN).lasting(600)).amount())
          .isEqualTo(usd("0"));
      assertThat(
              charge(
                      aCallRecord()
                          .callType(CallType.USER_IN)
                          .numberType(NumberType.TOLL_FREE)
                          .to("+18005550199")
                          .lasting(600))
                  .amount())
          .isEqualTo(usd("0.30"));
    }

    @Test
    void userCall_withoutAPlan_isPaidByCredits() {
      var charge = charge(aCallRecord().callType(CallType.USER_OUT).lasting(300));

      assertThat(charge.amount()).isEqualTo(usd("0.10"));
      assertThat(charge.international()).isFalse();
    }
  }

  @Nested
  class EmergencyAndPremium {

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource({"US,+911,USER_OUT", "DE,+49112,CONF_OUT", "GB,+999,USER_OUT", "FR,+112,USER_OUT"})
    void emergencyNumbers_areNeverCharged(String location, String number, CallType type) {
      var charge =
          charge(
              aCallRecord().userLocation(location).callType(type).to(number).lasting(1800),
              withLicences(OrgLicences.audioConferencing(1)),
              0);

      assertThat(charge.amount().isZero()).isTrue();
      assertThat(charge.capability()).isEqualTo("Emergency");
      assertThat(charge.destinationKind()).isEqualTo(DestinationKind.EMERGENCY);
      assertThat(charge.poolDraw()).isEmpty();
    }

    @Test
    void premiumNumber_isRefused_whenTheCardSaysSo() {
      var reason = rejection(aCallRecord().to("+19005550123"));

      assertThat(reason)
          .contains("premium-rate destination '+190******23' is refused by rate")
          .contains("test-usd@7/conf_out/1/premium@2026-01-01T00:00:00Z (line 8)");
    }

    @Test
    void premiumNumber_isRefused_whenTheCardHasNoPremiumRate() {
      assertThat(rejection(aCallRecord().to("+499001234567")))
          .contains("premium-rate destination", "has no premium rate on card test-usd@7");
    }

    @Test
    void premiumNumber_isChargedAndFlagged_whenTheCardPricesIt_neverFromAPool() {
      var charge =
          charge(
              aCallRecord().userLocation("DE").to("+33891234567").lasting(61),
              withLicences(OrgLicences.audioConferencing(10)),
              0);

      assertThat(charge.premium()).isTrue();
      assertThat(charge.destinationKind()).isEqualTo(DestinationKind.PREMIUM_RATE);
      assertThat(charge.amount()).as("1.50 × 61/60 + 0.10, up to cents").isEqualTo(usd("1.63"));
      assertThat(charge.poolDraw()).isEmpty();
    }

    @Test
    void ordinaryNumbers_areNotFlagged() {
      assertThat(charge(aCallRecord()).premium()).isFalse();
    }
  }

  @Nested
  class Pools {

    private final OrgAccount oneLicence = withLicences(OrgLicences.audioConferencing(1));

    @Test
    void dialOutToZoneA_isCoveredByTheConferencingPool() {
      var charge = charge(aCallRecord().lasting(1800), oneLicence, 0);

      assertThat(charge.amount()).isEqualTo(usd("0"));
      assertThat(charge.billedSeconds()).isZero();
      assertThat(charge.capability()).isEqualTo("AudioConferencing");
      assertThat(charge.poolDraw())
          .contains(new PoolDraw("audio-conferencing", "AudioConferencing", NOVEMBER, 30, 60));
    }

    @Test
    void poolRunningOutMidCall_splitsTheCall_betweenPoolAndCredits() {
      var charge = charge(aCallRecord().lasting(900), oneLicence, 50);

      assertThat(charge.poolMinutes()).isEqualTo(10);
      assertThat(charge.billedSeconds()).isEqualTo(300);
      assertThat(charge.amount()).isEqualTo(usd("0.10"));
      assertThat(charge.capability()).isEqualTo("AudioConferencing+CommunicationsCredits");
    }

    @Test
    void restAfterThePool_isBilledInFollowingIncrements_withTheConnectionFee() {
      var charge = charge(aCallRecord().to("+4930123456").lasting(150), oneLicence, 59);

      assertThat(charge.poolMinutes()).isEqualTo(1);
      assertThat(charge.billedSeconds()).isEqualTo(90);
      assertThat(charge.amount()).as("0.03 × 90/60 + 0.05").isEqualTo(usd("0.095"));
    }

    @Test
    void exhaustedPool_leavesEverythingToCredits() {
      var charge = charge(aCallRecord().lasting(600), oneLicence, 60);

      assertThat(charge.poolDraw()).isEmpty();
      assertThat(charge.amount()).isEqualTo(usd("0.20"));
      assertThat(charge.capability()).isEqualTo(CallCharge.CREDITS);
    }

    @Test
    void dialOutOutsideZoneA_isPaidByCredits() {
      var charge = charge(aCallRecord().to("+81312345678").lasting(60), oneLicence, 0);

      assertThat(charge.poolDraw()).isEmpty();
      assertThat(charge.amount()).isEqualTo(usd("0.30"));
    }

    @Test
    void domesticCall_drawsTheCallingPlanPoolOfTheUsersCountry() {
      var planned =
          withLicences(OrgLicences.NONE.withCallingPlans(CallingPlan.domestic("DE", 2, 100)));

      var charge =
          charge(
              aCallRecord()
                  .callType(CallType.USER_OUT)
                  .userLocation("DE")
                  .to("+4930123456")
                  .lasting(600),
              planned,
              0);

      assertThat(charge.poolDraw())
          .contains(new PoolDraw("domestic-DE", "DomesticCallingPlan(DE)", NOVEMBER, 10, 200));
      assertThat(charge.amount()).isEqualTo(usd("0"));
    }

    @Test
    void internationalCall_onADomesticPlan_isPaidByCredits() {
      var planned =
          withLicences(OrgLicences.NONE.withCallingPlans(CallingPlan.domestic("DE", 2, 100)));

      var charge =
          charge(
              aCallRecord()
                  .callType(CallType.USER_OUT)
                  .userLocation("DE")
                  .to("+33612345678")
                  .lasting(600),
              planned,
              0);

      assertThat(charge.international()).isTrue();
      assertThat(charge.poolDraw()).isEmpty();
      assertThat(charge.amount()).isEqualTo(usd("3.00"));
    }

    @Test
    void internationalCall_onAnInternationalPlan_drawsItsInternationalPool() {
      var planned =
          withLicences(
              OrgLicences.NONE.withCallingPlans(CallingPlan.international("DE", 1, 100, 20)));

      var charge =
          charge(
              aCallRecord()
                  .callType(CallType.USER_OUT)
                  .userLocation("DE")
                  .to("+33612345678")
                  .lasting(1500),
              planned,
              15);

      assertThat(charge.poolMinutes()).isEqualTo(5);
      assertThat(charge.capability())
          .isEqualTo("InternationalCallingPlan(DE)+CommunicationsCredits");
      assertThat(charge.amount()).as("20 minutes abroad at 0.30").isEqualTo(usd("6.00"));
    }
  }
}
