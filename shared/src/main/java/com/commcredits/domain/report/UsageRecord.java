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
    String capability) {

  public UsageRecord {
    Objects.requireNonNull(usageId, "usageId");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(charge, "charge");
    Objects.requireNonNull(connectionFee, "connectionFee");
    conferenceId = conferenceId == null ? "" : conferenceId;
    userDisplayName = userDisplayName == null ? "" : userDisplayName;
  }
}
