package com.commcredits.benchmarks;

import com.commcredits.adapters.json.CallRecordJson;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.licences.CallingPlan;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.licences.PoolUsage;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.CallRater;
import com.commcredits.domain.rating.Destinations;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.domain.rating.RateCards;
import com.commcredits.domain.rating.RatingOutcome;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rating one call record against decoding its JSON with Jackson (the call-record contract's
 * decoder, validation included), on one thread, over the same mix of 4,096 records: dial-outs to
 * fixed and mobile numbers of a dozen countries, dial-ins, calling-plan calls, an org with pools.
 *
 * <p>{@code rateRepeatedNumbers} rates numbers the rater has seen (an org's own dial-in numbers,
 * its usual destinations); {@code rateUnseenNumbers} gives every call a number never rated before,
 * so each one is classified afresh from libphonenumber's metadata.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RatingBenchmark {

  static final int RECORDS = 4096;

  private static final String[][] DESTINATIONS = {
    {"conf_out", "toll", "+1212555", "US"},
    {"conf_out", "toll", "+493012", "DE"},
    {"conf_out", "toll", "+491511234", "DE"},
    {"conf_out", "toll", "+44207946", "GB"},
    {"conf_out", "toll", "+44740012", "GB"},
    {"conf_out", "toll", "+3361234", "FR"},
    {"conf_out", "toll", "+8131234", "JP"},
    {"conf_out", "toll", "+6121234", "AU"},
    {"conf_in", "toll", "+1206555", "US"},
    {"conf_in", "toll_free", "+1800555", "US"},
    {"user_out", "toll", "+1415555", "US"},
    {"user_out", "toll", "+498912", "DE"},
  };

  private final CallRecordJson json = new CallRecordJson(Json.mapper());
  private final RateCards cards = RateCardFiles.packaged();
  private CallRater rater;
  private CallRater unseenRater;
  private OrgAccount account;
  private PoolUsage usage;
  private String[] bodies;
  private CallRecord[] records;
  private CallRecord[] unseen;
  private int next;

  @Setup
  public void setUp() {
    rater = new RateCardRater(cards);
    unseenRater = new RateCardRater(cards, new Destinations());
    Currency usd = Currency.getInstance("USD");
    account =
        new OrgAccount(
            "contoso",
            "Contoso",
            usd,
            Money.of("1000", "USD"),
            ServiceState.ACTIVE,
            Language.EN,
            List.of("admin@contoso.example"),
            100,
            AutoRecharge.off(Money.of("1000", "USD"), Money.of("200", "USD")),
            Instant.parse("2026-01-01T00:00:00Z"),
            OrgLicences.audioConferencing(100)
                .withCallingPlans(CallingPlan.domestic("US", 50, 3000)));
    usage =
        new PoolUsage(
            "contoso",
            YearMonth.of(2026, 11),
            Map.of("audio-conferencing", 5990L, "domestic-US", 1L));
    Random random = new Random(42);
    bodies = new String[RECORDS];
    records = new CallRecord[RECORDS];
    for (int i = 0; i < RECORDS; i++) {
      String[] d = DESTINATIONS[i % DESTINATIONS.length];
      String number = d[2] + String.format("%04d", random.nextInt(50)).substring(0, 4);
      bodies[i] = body(i, d, number, 30 + random.nextInt(3600));
      records[i] = json.parse(bodies[i]);
    }
    // Unseen numbers: long enough a cycle that the rater's memo never holds them
    unseen = new CallRecord[120_000];
    for (int i = 0; i < unseen.length; i++) {
      String[] d = DESTINATIONS[i % DESTINATIONS.length];
      // 12 prefixes × 10,000 suffixes: 120,000 numbers, more than the memo keeps
      String number = d[2] + String.format("%04d", (i / DESTINATIONS.length) % 10_000);
      unseen[i] = json.parse(body(i, d, number, 30 + random.nextInt(3600)));
    }
    List<CallRecord> checked = new ArrayList<>(List.of(records));
    checked.addAll(List.of(unseen).subList(0, 2 * RECORDS));
    for (CallRecord record : checked) {
      if (!(new RateCardRater(cards).rate(record, account, usage) instanceof RatingOutcome.Rated)) {
        throw new IllegalStateException(
            "benchmark record is not rated: " + rater.rate(record, account, usage));
      }
    }
  }

  private static String body(int i, String[] d, String number, int seconds) {
    Instant start = Instant.parse("2026-11-02T10:00:00Z").plusSeconds(i);
    return """
        {"schemaVersion":1,"usageId":"u-%d","orgId":"contoso","callId":"call-%d",\
        "conferenceId":"conf-1","userPrincipalName":"anna@contoso.example",\
        "userDisplayName":"Anna","userLocation":"%s","callType":"%s","numberType":"%s",\
        "callerNumber":"+12065550100","calleeNumber":"%s","startTime":"%s","endTime":"%s",\
        "durationSeconds":%d}"""
        .formatted(i, i, "US", d[0], d[1], number, start, start.plusSeconds(seconds), seconds);
  }

  @Benchmark
  public Object decodeJson() {
    return json.parse(bodies[next++ & (RECORDS - 1)]);
  }

  @Benchmark
  public Object rateRepeatedNumbers() {
    return rater.rate(records[next++ & (RECORDS - 1)], account, usage);
  }

  @Benchmark
  public Object rateUnseenNumbers() {
    int i = next++;
    if (next == unseen.length) {
      next = 0;
    }
    return unseenRater.rate(unseen[i], account, usage);
  }

  static List<String> names() {
    return new ArrayList<>(List.of("decodeJson", "rateRepeatedNumbers", "rateUnseenNumbers"));
  }
}
