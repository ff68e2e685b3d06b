package com.commcredits.domain.report;

import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the PSTN usage details report: a charged call with what it cost and what paid.
 *
 * @param conferenceId empty for calling-plan calls
 * @param userDisplayName empty when the record had none
 * @param destinationDialed the destination's country (ISO 3166-1 alpha-2)
 * @param charge what credits paid; zero when a licence's pool or a plan paid
 * @param capability what paid, e.g. {@code AudioConferencing+CommunicationsCredits}
 * @param userId the user's AAD ObjectId, empty when the record had none
 * @param rateRef the card, version and rate line that priced the call (the audit trail)
 */
public record UsageRecord(
    String usageId,
    String callId,
    String conferenceId,
    String userLocation,
    String userPrincipalName,
    String userDisplayName,
    String callerId,
    String callType,
    String numberType,
    boolean international,
    String destinationDialed,
    String destinationNumber,
    Instant startTime,
    Instant endTime,
    long durationSeconds,
    Money connectionFee,
    Money charge,
    String capability,
    String userId,
    String rateRef) {

  /** A line without the user id and rate reference (records charged before they were kept). */
  public UsageRecord(
      String usageId,
      String callId,
      String conferenceId,
      String userLocation,
      String userPrincipalName,
      String userDisplayName,
      String callerId,
      String callType,
      String numberType,
      boolean international,
      String destinationDialed,
      String destinationNumber,
      Instant startTime,
      Instant endTime,
      long durationSeconds,
      Money connectionFee,
      Money charge,
      String capability) {
    this(
        usageId,
        callId,
        conferenceId,
        userLocation,
        userPrincipalName,
        userDisplayName,
        callerId,
        callType,
        numberType,
        international,
        destinationDialed,
        destinationNumber,
        startTime,
        endTime,
        durationSeconds,
        connectionFee,
        charge,
        capability,
        "",
        "");
  }

  public UsageRecord {
    Objects.requireNonNull(usageId, "usageId");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(charge, "charge");
    Objects.requireNonNull(connectionFee, "connectionFee");
    conferenceId = conferenceId == null ? "" : conferenceId;
    userDisplayName = userDisplayName == null ? "" : userDisplayName;
    userId = userId == null ? "" : userId;
    rateRef = rateRef == null ? "" : rateRef;
  }
}
