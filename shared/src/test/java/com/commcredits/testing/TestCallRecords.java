package com.commcredits.testing;

import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.calls.CallType;
import com.commcredits.domain.calls.NumberType;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A builder of valid call records: a 2-minute meeting dial-out from the US to a US number. */
public final class TestCallRecords {

  private String usageId = "usage-1";
  private String callId;
  private String orgId = "acme";
  private String userLocation = "US";
  private CallType callType = CallType.CONF_OUT;
  private NumberType numberType = NumberType.TOLL;
  private String callerNumber = "+12065550100";
  private String calleeNumber = "+12125550123";
  private Instant start = Instant.parse("2026-11-02T10:00:00Z");
  private long durationSeconds = 120;

  /**
   * When {@link #aRecentCallRecord()}'s calls start: an hour ago, or the first second of this UTC
   * month if that is later, fixed once per test run so that every recent record of a run falls in
   * {@link #RECENT_MONTH}.
   */
  public static final Instant RECENT_START = recentStart(Instant.now());

  /** The month the recent records are charged to (and draw their minute pools from). */
  public static final YearMonth RECENT_MONTH = YearMonth.from(RECENT_START.atZone(ZoneOffset.UTC));

  public static TestCallRecords aCallRecord() {
    return new TestCallRecords();
  }

  /**
   * A record that starts at {@link #RECENT_START}: for tests that charge through handlers reading
   * the system clock, where a fixed date would one day fall outside the review window and be
   * rejected as stale.
   */
  public static TestCallRecords aRecentCallRecord() {
    return new TestCallRecords().startingAt(RECENT_START);
  }

  static Instant recentStart(Instant now) {
    Instant monthStart =
        YearMonth.from(now.atZone(ZoneOffset.UTC))
            .atDay(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    Instant anHourAgo = now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    return anHourAgo.isBefore(monthStart) ? monthStart : anHourAgo;
  }

  public TestCallRecords usageId(String value) {
    usageId = value;
    return this;
  }

  /** The call's id; {@code call-<usageId>} unless set. */
  public TestCallRecords callId(String value) {
    callId = value;
    return this;
  }

  public TestCallRecords org(String value) {
    orgId = value;
    return this;
  }

  public TestCallRecords userLocation(String value) {
    userLocation = value;
    return this;
  }

  public TestCallRecords callType(CallType value) {
    callType = value;
    return this;
  }

  public TestCallRecords numberType(NumberType value) {
    numberType = value;
    return this;
  }

  public TestCallRecords to(String e164) {
    calleeNumber = e164;
    return this;
  }

  public TestCallRecords from(String e164) {
    callerNumber = e164;
    return this;
  }

  public TestCallRecords startingAt(Instant value) {
    start = value;
    return this;
  }

  public TestCallRecords lasting(long seconds) {
    durationSeconds = seconds;
    return this;
  }

  public CallRecord build() {
    return new CallRecord(
        usageId,
        orgId,
        callId == null ? "call-" + usageId : callId,
        callType.isConference() ? "conf-42" : null,
        "anna@" + orgId + ".example",
        "Anna",
        userLocation,
        callType,
        numberType,
        callerNumber,
        calleeNumber,
        start,
        start.plusSeconds(durationSeconds),
        durationSeconds);
  }

  /** The same record as the call-record contract's JSON. */
  public String json() {
    CallRecord r = build();
    return """
        {"usageId":"%s","orgId":"%s","callId":"%s",%s"userPrincipalName":"%s",\
        "userDisplayName":"Anna","userLocation":"%s","callType":"%s","numberType":"%s",\
        "callerNumber":"%s","calleeNumber":"%s","startTime":"%s","endTime":"%s",\
        "durationSeconds":%d}"""
        .formatted(
            r.usageId(),
            r.orgId(),
            r.callId(),
            r.conferenceId() == null ? "" : "\"conferenceId\":\"" + r.conferenceId() + "\",",
            r.userPrincipalName(),
            r.userLocation(),
            r.callType().code(),
            r.numberType().code(),
            r.callerNumber(),
            r.calleeNumber(),
            r.startTime(),
            r.endTime(),
            r.durationSeconds());
  }
}
