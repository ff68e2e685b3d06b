package com.commcredits.testing;

import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.calls.CallType;
import com.commcredits.domain.calls.NumberType;
import java.time.Instant;

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

  public static TestCallRecords aCallRecord() {
    return new TestCallRecords();
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
