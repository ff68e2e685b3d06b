package com.commcredits.domain.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the PSTN usage details report as CSV for Excel (RFC 4180: comma-separated, CRLF line ends,
 * fields with commas, quotes or line breaks quoted), with the usage report's well-known columns.
 * Free-text fields that a spreadsheet would run as a formula ({@code = + - @}, TAB or CR first,
 * also after leading spaces) are prefixed with an apostrophe, so an org's data cannot execute in
 * its admin's Excel.
 */
public final class UsageReportCsv {

  public static final List<String> COLUMNS =
      List.of(
          "UsageId",
          "Call ID",
          "Conference ID",
          "User Location",
          "AAD ObjectId",
          "UPN",
          "User Display Name",
          "Caller ID",
          "Call Type",
          "Number Type",
          "Domestic/International",
          "Destination Dialed",
          "Destination Number",
          "Start Time",
          "End Time",
          "Duration Seconds",
          "Connection Fee",
          "Charge",
          "Currency",
          "Capability");

  private UsageReportCsv() {}

  public static void write(List<UsageRecord> records, Appendable out) {
    try {
      line(out, COLUMNS);
      for (UsageRecord r : records) {
        line(
            out,
            List.of(
                r.usageId(),
                r.callId(),
                r.conferenceId(),
                r.userLocation(),
                r.userId(),
                text(r.userPrincipalName()),
                text(r.userDisplayName()),
                r.callerId(),
                r.callType(),
                r.numberType().equals("toll_free") ? "toll-free" : r.numberType(),
                r.international() ? "International" : "Domestic",
                r.destinationDialed(),
                r.destinationNumber(),
                r.startTime().toString(),
                r.endTime().toString(),
                Long.toString(r.durationSeconds()),
                r.connectionFee().toPlainString(),
                r.charge().toPlainString(),
                r.charge().currency().getCurrencyCode(),
                r.capability()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(String value) {
    // OWASP's set: = + - @ TAB CR first, also after leading spaces (guards issue 9 defect 11).
    String start = value.stripLeading();
    boolean formula =
        (!value.isEmpty() && "\t\r".indexOf(value.charAt(0)) >= 0)
            || (!start.isEmpty() && "=+-@".indexOf(start.charAt(0)) >= 0);
    return formula ? "'" + value : value;
  }

  private static void line(Appendable out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quoted(fields.get(i)));
    }
    out.append("\r\n");
  }

  private static String quoted(String field) {
    if (field.indexOf(',') < 0
        && field.indexOf('"') < 0
        && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
