package com.commcredits.domain.rating;

import static com.commcredits.testing.TestRateCards.HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.testing.TestRateCards;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateCardCsvTest {

  private static final String DIRECTIVES = "# card: c\n# version: 1\n# currency: USD\n";

  @Test
  void card_isReadWithItsIdVersionAndCurrency() {
    RateCard card = TestRateCards.usdCard();

    assertThat(card.ref()).isEqualTo("test-usd@7");
    assertThat(card.currency()).isEqualTo(Currency.getInstance("USD"));
    assertThat(card.size()).isEqualTo(19);
  }

  @Test
  void everyBadLine_isReportedWithItsNumberAndReason() {
    String csv =
        DIRECTIVES
            + HEADER
            + "conf_out,44,any,UK,2026-01-01,0.04,0,60,60,up:4,charge\n"
            + "conf_outt,44,any,UK,2026-01-01,0.04,0,60,60,up:4,charge\n"
            + "conf_out,0044,any,UK,2026-01-01,0.04,0,60,60,up:4,charge\n"
            + "conf_out,44,cell,UK,2026-01-01,0.04,0,60,60,up:4,charge\n"
            + "conf_out,44,any,UK,1 Jan 2026,0.04,0,60,60,up:4,charge\n"
            + "conf_out,44,any,UK,2026-01-01,-0.04,0,60,60,up:4,charge\n"
            + "conf_out,44,any,UK,2026-01-01,0.0000001,0,60,60,up:4,charge\n"
            + "conf_out,44,any,UK,2026-01-01,0.04,0,0,60,up:4,charge\n"
            + "conf_out,44,any,UK,2026-01-01,0.04,0,60,60,round:4,charge\n"
            + "conf_out,44,any,UK,2026-01-01,0.04,0,60,60,up:4,maybe\n"
            + "conf_out,44,any,UK, Ltd,2026-01-01,0.04,0,60,60,up:4,charge\n"
            + "conf_out,999,any,Nowhere,2026-01-01,0.04,0,60,60,up:4,charge\n";

    assertThatThrownBy(() -> RateCardCsv.parse("bad.csv", new StringReader(csv)))
        .isInstanceOfSatisfying(
            InvalidRateCard.class,
            invalid ->
                assertThat(invalid.problems())
                    .containsExactly(
                        "line 15: expected 11 fields, got 12 (fields may not contain commas)",
                        "line 6: rate class 'conf_outt' is not one of conf_out, conf_in_toll,"
                            + " conf_in_toll_free, user_out, user_in_toll, user_in_toll_free",
                        "line 7: prefix must be * or E.164 digits such as 44 or +447, got '0044'",
                        "line 8: number kind 'cell' is not one of any, fixed, mobile, toll_free,"
                            + " premium",
                        "line 9: effective_from must be a date (2026-01-01, UTC midnight) or an"
                            + " instant (2026-01-01T00:00:00Z), got '1 Jan 2026'",
                        "line 10: price_per_minute must not be negative, got -0.04",
                        "line 11: price_per_minute: amount 0.0000001 has more than 6 decimals",
                        "line 12: first_increment must be 1 to 3600 seconds, got 0",
                        "line 13: rounding mode must be up, down, ceiling, floor, half_up,"
                            + " half_down or half_even, got 'round'",
                        "line 14: action must be charge or reject, got 'maybe'",
                        "line 16: prefix '999' does not start with a country calling code"))
        .hasMessageStartingWith("bad.csv is invalid:");
  }

  @Test
  void duplicateRate_isReportedWithBothLines() {
    String csv =
        DIRECTIVES
            + HEADER
            + "conf_out,44,any,UK,2026-01-01,0.04,0,60,60,up:4,charge\n"
            + "conf_out,+44,any,UK again,2026-01-01,0.05,0,60,60,up:4,charge\n";

    assertThatThrownBy(() -> RateCardCsv.parse("dup.csv", new StringReader(csv)))
        .hasMessageContaining("line 6: duplicate of line 5");
  }

  @Test
  void missingDirectivesAndHeader_areReported() {
    assertThatThrownBy(
            () ->
                RateCardCsv.parse(
                    "bare.csv",
                    new StringReader("conf_out,44,any,UK,2026-01-01,0.04,0,60,60,up:4,charge\n")))
        .isInstanceOfSatisfying(
            InvalidRateCard.class,
            invalid ->
                assertThat(invalid.problems())
                    .contains(
                        "line 1: the header must be " + HEADER.strip(),
                        "the card needs a '# currency: ...' line before its header"));
  }

  @Test
  void zoneA_refusesCodesThatAreNotCountries() {
    assertThatThrownBy(
            () -> ZoneA.parse("zone-a.csv", new StringReader("country,name\nUS,USA\nUK,Britain\n")))
        .hasMessageContaining("line 3: 'UK' is not an ISO 3166-1 alpha-2 country code");
  }

  @Test
  void sampleCards_load_forEveryShippedCurrency() {
    // Load time is measured by the benchmarks (benchmarks/run), not asserted here: a timed
    // assertion fails on a loaded machine and proves nothing about Lambda.
    RateCards cards = RateCardFiles.packaged();

    assertThat(cards.cards())
        .extracting(RateCard::ref)
        .containsExactlyInAnyOrder("sample-usd@2026.2", "sample-eur@2026.2");
    assertThat(cards.zoneA().contains("DE")).isTrue();
  }

  @Test
  void operatorDirectory_replacesTheSamples(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("zone-a.csv"), "country,name\nUS,United States\n");
    Files.writeString(dir.resolve("acme-usd.csv"), TestRateCards.USD_CARD);

    RateCards cards = RateCardFiles.fromDirectory(dir);

    assertThat(cards.forCurrency(Currency.getInstance("USD")).orElseThrow().ref())
        .isEqualTo("test-usd@7");
    assertThat(cards.forCurrency(Currency.getInstance("EUR"))).isEmpty();
  }

  @Test
  void operatorDirectory_withABadCard_failsNamingFileAndLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("zone-a.csv"), "country,name\nUS,United States\n");
    Files.writeString(
        dir.resolve("acme-usd.csv"),
        DIRECTIVES + HEADER + "conf_out,44,any,UK,2026-01-01,abc,0,60,60,up:4,charge\n");

    assertThatThrownBy(() -> RateCardFiles.fromDirectory(dir))
        .hasMessageContaining("acme-usd.csv is invalid")
        .hasMessageContaining("line 5: price_per_minute must be a decimal amount");
  }
}
