package com.commcredits.domain.calls;

import com.commcredits.domain.account.OrgIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One call detail record (CDR) as the telephony platform reports it: the unit that is rated and
 * charged once, keyed by its {@code usageId}. Constructing one validates it; a record that breaks
 * the contract throws {@link InvalidCallRecord} with the reason.
 *
 * @param conferenceId the meeting's conference id, or {@code null} for calling-plan calls
 * @param userDisplayName may be {@code null}
 * @param userLocation ISO 3166-1 alpha-2 country of the user (upper case)
 * @param callerNumber E.164, e.g. {@code +4930123456}
 * @param calleeNumber E.164: the number dialled
 * @param durationSeconds whole seconds the call was connected; agrees with start and end
 * @param userId the user's directory id (Entra ID / AAD ObjectId, a GUID), or {@code null}; shown
 *     in the usage report, not part of what prices the call
 */
public record CallRecord(
    String usageId,
    String orgId,
    String callId,
    String conferenceId,
    String userPrincipalName,
    String userDisplayName,
    String userLocation,
    CallType callType,
    NumberType numberType,
    String callerNumber,
    String calleeNumber,
    Instant startTime,
    Instant endTime,
    long durationSeconds,
    String userId) {

  /** Longer than a day is not a call but a fault in the platform that reported it. */
  public static final long MAX_DURATION_SECONDS = Duration.ofHours(24).toSeconds();

  /** Platforms round start and end independently of the connected time. */
  static final long DURATION_TOLERANCE_SECONDS = 2;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** A record without a user id, as platforms that do not report one send it. */
  public CallRecord(
      String usageId,
      String orgId,
      String callId,
      String conferenceId,
      String userPrincipalName,
      String userDisplayName,
      String userLocation,
      CallType callType,
      NumberType numberType,
      String callerNumber,
      String calleeNumber,
      Instant startTime,
      Instant endTime,
      long durationSeconds) {
    this(
        usageId,
        orgId,
        callId,
        conferenceId,
        userPrincipalName,
        userDisplayName,
        userLocation,
        callType,
        numberType,
        callerNumber,
        calleeNumber,
        startTime,
        endTime,
        durationSeconds,
        null);
  }

  public CallRecord {
    requireId("usageId", usageId);
    if (!OrgIds.isValid(orgId)) {
      throw new InvalidCallRecord(
          "orgId must be 3-64 characters of a-z, 0-9 and '-', got " + quoted(orgId));
    }
    requireId("callId", callId);
    if (conferenceId != null) {
      requireId("conferenceId", conferenceId);
    }
    requirePresent("userPrincipalName", userPrincipalName);
    if (userId != null && !GUID.matcher(userId).matches()) {
      throw new InvalidCallRecord(
          "userId must be the user's AAD ObjectId (a GUID such as"
              + " 8e6a1c2b-4f3d-4b5a-9c7e-2d1f0a3b4c5d), got "
              + quoted(userId));
    }
    if (userLocation == null || !COUNTRIES.contains(userLocation)) {
      throw new InvalidCallRecord(
          "userLocation must be an ISO 3166-1 alpha-2 country code such as DE, got "
              + quoted(userLocation));
    }
    if (callType == null) {
      throw new InvalidCallRecord("callType is missing");
    }
    if (numberType == null) {
      throw new InvalidCallRecord("numberType is missing");
    }
    requireE164("callerNumber", callerNumber);
    requireE164("calleeNumber", calleeNumber);
    if (startTime == null || endTime == null) {
      throw new InvalidCallRecord("startTime and endTime are required");
    }
    if (durationSeconds < 0) {
      throw new InvalidCallRecord("durationSeconds must not be negative, got " + durationSeconds);
    }
    if (durationSeconds > MAX_DURATION_SECONDS) {
      throw new InvalidCallRecord(
          "durationSeconds "
              + durationSeconds
              + " exceeds the maximum of "
              + MAX_DURATION_SECONDS
              + " (24 h)");
    }
    if (endTime.isBefore(startTime)) {
      throw new InvalidCallRecord("endTime " + endTime + " is before startTime " + startTime);
    }
    long span = Duration.between(startTime, endTime).toSeconds();
    if (durationSeconds > span + DURATION_TOLERANCE_SECONDS) {
      throw new InvalidCallRecord(
          "durationSeconds "
              + durationSeconds
              + " is longer than the "
              + span
              + " s between startTime and endTime");
    }
  }

  /**
   * A digest of everything that prices the call, to tell a redelivery of this record (same digest)
   * from a different record that reuses its usage id.
   */
  public String fingerprint() {
    String canonical =
        String.join(
            "|",
            usageId,
            orgId,
            callId,
            String.valueOf(conferenceId),
            userPrincipalName,
            userLocation,
            callType.code(),
            numberType.code(),
            callerNumber,
            calleeNumber,
            startTime.toString(),
            endTime.toString(),
            Long.toString(durationSeconds));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships SHA-256", e);
    }
  }

  /** The number at the far end: dialled for outbound calls, the org's number for inbound ones. */
  public String destinationNumber() {
    return calleeNumber;
  }

  private static void requireId(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new InvalidCallRecord(
          field
              + " must be 1-128 characters of letters, digits and . _ : @ -, got "
              + quoted(value));
    }
  }

  private static void requirePresent(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidCallRecord(field + " is missing");
    }
  }

  private static void requireE164(String field, String value) {
    if (value == null || !E164.matcher(value).matches()) {
      throw new InvalidCallRecord(
          field + " must be an E.164 number such as +4930123456, got " + masked(value));
    }
  }

  private static String quoted(String value) {
    if (value == null) {
      return "nothing";
    }
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return "'" + shown + "'";
  }

  /** Phone numbers are personal data: reasons show only enough to find the record. */
  public static String masked(String number) {
    if (number == null) {
      return "nothing";
    }
    if (number.length() <= 6) {
      return "'" + "*".repeat(number.length()) + "'";
    }
    return "'"
        + number.substring(0, 4)
        + "*".repeat(number.length() - 6)
        + number.substring(number.length() - 2)
        + "'";
  }
}
