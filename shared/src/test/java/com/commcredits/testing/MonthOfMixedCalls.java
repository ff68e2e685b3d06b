package com.commcredits.testing;

import static com.commcredits.testing.TestCallRecords.aCallRecord;

import com.commcredits.domain.calls.CallType;
import com.commcredits.domain.calls.NumberType;
import com.commcredits.domain.licences.CallingPlan;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A month of mixed calls for two orgs through the shipped sample cards (sample-usd@2026.2,
 * sample-eur@2026.2), with every expected figure worked out by hand from the card lines. The unit
 * test runs it through the domain, the integration test through the deployed pipeline.
 */
public final class MonthOfMixedCalls {

  public static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

  /** One call of the month: its label (and usage id suffix) and the record. */
  public record Call(String key, TestCallRecords record) {}

  /** An org of the scenario: licences, deposit, calls and what they must come to. */
  public record Scenario(
      String orgId,
      String currency,
      OrgLicences licences,
      Money deposit,
      List<Call> calls,
      Money creditsPaid,
      Money balance,
      Map<YearMonth, Map<String, Long>> poolMinutes) {}

  private final String usagePrefix;
  private final YearMonth month;
  private int day = 1;

  private MonthOfMixedCalls(String usagePrefix, YearMonth month) {
    this.usagePrefix = usagePrefix;
    this.month = month;
  }

  /**
   * 2 audio conferencing licences (pool 120 min) and 1 US domestic plan user (100 min). Credits pay
   * 0.56 + 0.22 + 1.25 + 0.252 + 0.11 + 0.105 = 2.497 of the 100 deposited.
   */
  public static Scenario contoso(String orgId) {
    return contoso(orgId, NOVEMBER);
  }

  /**
   * Contoso's calls in days 1–28 of {@code month} (any month from July 2026, when the cards' last
   * rate change applies), and one at 00:05 on the first of the next.
   */
  public static Scenario contoso(String orgId, YearMonth month) {
    MonthOfMixedCalls m = new MonthOfMixedCalls(orgId + "-", month);
    List<Call> calls = new ArrayList<>();
    TestCallRecords first = m.call(orgId, "US").lasting(3000); // dial-out US 50 min: pool 50/120
    calls.add(m.named("c01", first));
    // GB mobile 40 min: pool 90/120 → 0
    calls.add(m.named("c02", m.call(orgId, "US").to("+447400123456").lasting(2400)));
    // DE fixed 45:30 = 46 started minutes: pool gives 30 (120/120); 930 s left bill as 16 min
    // at 0.035 (60/60) = 0.56
    calls.add(m.named("c03", m.call(orgId, "US").to("+4930123456").lasting(2730)));
    calls.add(m.named("c04", m.call(orgId, "US").lasting(600))); // pool empty: 10 × 0.022
    // JP, the pool used up: 5 × 0.25 = 1.25
    calls.add(m.named("c05", m.call(orgId, "US").to("+81312345678").lasting(300)));
    // toll dial-in included → 0
    calls.add(
        m.named(
            "c06",
            m.call(orgId, "US").callType(CallType.CONF_IN).to("+12065550100").lasting(1200)));
    // toll-free dial-in 0.024 per min, 60/1: 0.024 × 630/60 = 0.252
    calls.add(
        m.named(
            "c07",
            m.call(orgId, "US")
                .callType(CallType.CONF_IN)
                .numberType(NumberType.TOLL_FREE)
                .to("+18005550199")
                .lasting(630)));
    // plan 90/100 → 0
    calls.add(m.named("c08", m.call(orgId, "US").callType(CallType.USER_OUT).lasting(5400)));
    // plan 10 left of 15 min: 300 s left = 5 × 0.022 = 0.11
    calls.add(m.named("c09", m.call(orgId, "US").callType(CallType.USER_OUT).lasting(900)));
    // abroad on a domestic plan: GB fixed 3 × 0.035 = 0.105
    calls.add(
        m.named(
            "c10",
            m.call(orgId, "US").callType(CallType.USER_OUT).to("+442079460123").lasting(180)));
    // emergency → 0
    calls.add(
        m.named("c11", m.call(orgId, "US").callType(CallType.USER_OUT).to("+911").lasting(120)));
    // premium refused
    calls.add(
        m.named(
            "c12", m.call(orgId, "US").callType(CallType.USER_OUT).to("+19005550123").lasting(60)));
    calls.add(m.named("c01", first)); // the same record redelivered
    // December's first call draws a fresh pool → 0
    calls.add(
        m.named(
            "c13",
            m.call(orgId, "US")
                .startingAt(month.plusMonths(1).atDay(1).atTime(0, 5).toInstant(ZoneOffset.UTC))
                .lasting(600)));
    return new Scenario(
        orgId,
        "USD",
        OrgLicences.audioConferencing(2).withCallingPlans(CallingPlan.domestic("US", 1, 100)),
        Money.of("100", "USD"),
        calls,
        Money.of("2.497", "USD"),
        Money.of("97.503", "USD"),
        Map.of(
            month,
            Map.of("audio-conferencing", 120L, "domestic-US", 100L),
            month.plusMonths(1),
            Map.of("audio-conferencing", 10L)));
  }

  /**
   * Pay-per-minute conferencing and 1 German international plan user (60 + 10 min). Credits pay
   * 0.498 + 0.5037 + 0.3792 + 0.30 + 0.12 + 1.50 + 0.03 + 0.06 = 3.3909 of the 50 deposited.
   */
  public static Scenario fabrikam(String orgId) {
    return fabrikam(orgId, NOVEMBER);
  }

  /** Fabrikam's calls, all in days 1–28 of {@code month}. */
  public static Scenario fabrikam(String orgId, YearMonth month) {
    MonthOfMixedCalls m = new MonthOfMixedCalls(orgId + "-", month);
    List<Call> calls = new ArrayList<>();
    // toll dial-in 30 × 0.0166 = 0.498
    calls.add(
        m.named(
            "f01", m.call(orgId, "DE").callType(CallType.CONF_IN).to("+4930901820").lasting(1800)));
    // toll-free dial-in 0.0414 × 730/60 = 0.5037
    calls.add(
        m.named(
            "f02",
            m.call(orgId, "DE")
                .callType(CallType.CONF_IN)
                .numberType(NumberType.TOLL_FREE)
                .to("+498001234567")
                .lasting(730)));
    // DE mobile range 4915: 0.1196/min, fee 0.0184, 60/1: 0.1196 × 181/60 + 0.0184 = 0.37919… →
    // up:4 = 0.3792
    calls.add(m.named("f03", m.call(orgId, "DE").to("+4915112345678").lasting(181)));
    // plan 50/60 → 0
    calls.add(
        m.named(
            "f04",
            m.call(orgId, "DE").callType(CallType.USER_OUT).to("+4930123456").lasting(3000)));
    // plan 10 left of 20 min: 600 s left = 10 × 0.03 = 0.30
    calls.add(
        m.named(
            "f05",
            m.call(orgId, "DE").callType(CallType.USER_OUT).to("+4930123456").lasting(1200)));
    // intl plan 8/10 → 0
    calls.add(
        m.named(
            "f06",
            m.call(orgId, "DE").callType(CallType.USER_OUT).to("+33612345678").lasting(480)));
    // intl plan 2 left of 5:30: 210 s left bill as 4 min × 0.03 = 0.12
    calls.add(
        m.named(
            "f07",
            m.call(orgId, "DE").callType(CallType.USER_OUT).to("+33123456789").lasting(330)));
    // French premium, charged and flagged: 1.38 × 61/60 + 0.092 = 1.495 → up:2 = 1.50; never
    // from the plan
    calls.add(
        m.named(
            "f08", m.call(orgId, "DE").callType(CallType.USER_OUT).to("+33891234567").lasting(61)));
    calls.add(m.named("f09", m.call(orgId, "DE").to("+4930123456").lasting(0))); // never connected
    calls.add(m.named("f10", m.call(orgId, "DE").to("+4930123456").lasting(59))); // 1 × 0.03
    calls.add(m.named("f11", m.call(orgId, "DE").to("+4930123456").lasting(61))); // 2 × 0.03
    return new Scenario(
        orgId,
        "EUR",
        OrgLicences.NONE.withCallingPlans(CallingPlan.international("DE", 1, 60, 10)),
        Money.of("50", "EUR"),
        calls,
        Money.of("3.3909", "EUR"),
        Money.of("46.6091", "EUR"),
        Map.of(month, Map.of("domestic-DE", 60L, "international-DE", 10L)));
  }

  private Call named(String key, TestCallRecords record) {
    return new Call(key, record.usageId(usagePrefix + key));
  }

  private TestCallRecords call(String orgId, String location) {
    day = day % 28 + 1;
    return aCallRecord()
        .org(orgId)
        .userLocation(location)
        .from(location.equals("US") ? "+12065550100" : "+4930901820")
        .startingAt(month.atDay(day).atTime(9, 0).toInstant(ZoneOffset.UTC));
  }
}
