package com.commcredits.domain.authorize;

import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.calls.CallType;
import com.commcredits.domain.calls.NumberType;
import java.time.Instant;

/**
 * "May this call start, and for how many minutes?", asked by the telephony platform before it
 * connects a call that credits may pay for.
 *
 * @param userPrincipalName the organizer (dial-out) or user (own calls), for their restrictions
 * @param wantedMinutes the longest the call may need; the answer never exceeds it
 */
public record CallAuthorizationRequest(
    String orgId,
    String callId,
    String userPrincipalName,
    String userLocation,
    CallType callType,
    NumberType numberType,
    String callerNumber,
    String calleeNumber,
    int wantedMinutes) {

  public static final int MAX_WANTED_MINUTES = 24 * 60;

  public CallAuthorizationRequest {
    userPrincipalName = userPrincipalName == null ? "" : userPrincipalName;
    if (wantedMinutes < 1 || wantedMinutes > MAX_WANTED_MINUTES) {
      throw new IllegalArgumentException(
          "wantedMinutes must be 1-" + MAX_WANTED_MINUTES + ", got " + wantedMinutes);
    }
    // The same rules as a call record's: validated by building the record the call would make.
    oneMinuteCall(
        orgId,
        callId,
        userLocation,
        callType,
        numberType,
        callerNumber,
        calleeNumber,
        Instant.EPOCH);
  }

  /** The record a one-minute call starting now would produce, to be priced like a real one. */
  CallRecord asOneMinuteCall(Instant now) {
    return oneMinuteCall(
        orgId, callId, userLocation, callType, numberType, callerNumber, calleeNumber, now);
  }

  private static CallRecord oneMinuteCall(
      String orgId,
      String callId,
      String userLocation,
      CallType callType,
      NumberType numberType,
      String callerNumber,
      String calleeNumber,
      Instant now) {
    return new CallRecord(
        "authorize-" + callId,
        orgId,
        callId,
        null,
        "authorization",
        null,
        userLocation,
        callType,
        numberType,
        callerNumber,
        calleeNumber,
        now,
        now.plusSeconds(60),
        60);
  }
}
