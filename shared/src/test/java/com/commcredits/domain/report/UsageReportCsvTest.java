package com.commcredits.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageReportCsvTest {

  private static UsageRecord aCall(String displayName) {
    return new UsageRecord(
        "u1",
        "c1",
        "conf-9",
        "US",
        "anna@acme.example",
        displayName,
        "+12065550100",
        "conf_out",
        "toll",
        true,
        "GB",
        "+442079460123",
        Instant.parse("2026-11-02T10:00:00Z"),
        Instant.parse("2026-11-02T10:02:05Z"),
        125,
        Money.of("0", "USD"),
        Money.of("0.105", "USD"),
        "CommunicationsCredits");
  }

  @Test
  void report_hasTheTeamsExportColumnsInTheirOrder_andOneLinePerCall() {
    StringBuilder csv = new StringBuilder();

    UsageReportCsv.write(List.of(aCall("Anna")), csv);

    assertThat(csv.toString().split("\r\n"))
        .containsExactly(
            "UsageId,Call ID,Conference ID,User Location,AAD ObjectId,UPN,User Display Name,"
                + "Caller ID,Call Type,Number Type,Domestic/International,Destination Dialed,"
                + "Destination Number,Start Time,End Time,Duration Seconds,Connection Fee,Charge,"
                + "Currency,Capability",
            "u1,c1,conf-9,US,,anna@acme.example,Anna,+12065550100,conf_out,toll,International,GB,"
                + "+442079460123,2026-11-02T10:00:00Z,2026-11-02T10:02:05Z,125,0.00,0.105,USD,"
                + "CommunicationsCredits");
  }

  @Test
  void fieldsWithCommasAndQuotes_areQuoted() {
    StringBuilder csv = new StringBuilder();

    UsageReportCsv.write(List.of(aCall("Doe, \"Jo\"")), csv);

    assertThat(csv).contains(",\"Doe, \"\"Jo\"\"\",");
  }

  @Test
  void displayNameThatLooksLikeAFormula_isDefused_forExcel() {
    StringBuilder csv = new StringBuilder();

    UsageReportCsv.write(List.of(aCall("=HYPERLINK(\"http://x\")")), csv);

    assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"\t=1+1", "\r=1+1", "  =HYPERLINK(1)", "+1", "-1", "@SUM(A1)"})
  void formulaStarts_ofTheOwaspSet_areDefused(String name) {
    // guards issue 9 defect 11: TAB, CR and leading spaces used to pass
    StringBuilder csv = new StringBuilder();

    UsageReportCsv.write(List.of(aCall(name)), csv);

    assertThat(csv.toString()).contains("'" + name);
  }
}
