package com.commcredits.adapters.json;

import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.calls.CallType;
import com.commcredits.domain.calls.InvalidCallRecord;
import com.commcredits.domain.calls.NumberType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the call-record contract ({@code docs/call-record.schema.json}) into a {@link CallRecord}.
 * Every way a body can break the contract ends in an {@link InvalidCallRecord} whose message says
 * what to fix.
 */
public final class CallRecordJson {

  static final int SCHEMA_VERSION = 1;

  private final ObjectMapper mapper;

  public CallRecordJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public CallRecord parse(String body) {
    JsonNode json;
    try {
      json = JsonBodies.object(mapper, body, "one call record");
    } catch (IllegalArgumentException e) {
      throw new InvalidCallRecord(e.getMessage());
    }
    int version = json.path("schemaVersion").asInt(SCHEMA_VERSION);
    if (version != SCHEMA_VERSION) {
      throw new InvalidCallRecord(
          "schemaVersion " + version + " is not supported; this version reads " + SCHEMA_VERSION);
    }
    try {
      return new CallRecord(
          text(json, "usageId"),
          text(json, "orgId"),
          text(json, "callId"),
          optionalText(json, "conferenceId"),
          text(json, "userPrincipalName"),
          optionalText(json, "userDisplayName"),
          text(json, "userLocation"),
          CallType.fromCode(text(json, "callType")),
          NumberType.fromCode(text(json, "numberType")),
          text(json, "callerNumber"),
          text(json, "calleeNumber"),
          instant(json, "startTime"),
          instant(json, "endTime"),
          wholeNumber(json, "durationSeconds"),
          optionalText(json, "userId"));
    } catch (InvalidCallRecord e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidCallRecord(e.getMessage());
    }
  }

  /** The org a body names, if it can be read at all; for filing a rejected record. */
  public Optional<String> orgIdOf(String body) {
    return JsonBodies.peek(mapper, body, "orgId");
  }

  /** The usage id a body names, if it can be read at all. */
  public Optional<String> usageIdOf(String body) {
    return JsonBodies.peek(mapper, body, "usageId");
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidCallRecord(field + " is missing");
    }
    if (!value.isTextual()) {
      throw new InvalidCallRecord(field + " must be a string");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
      return null;
    }
    return text(json, field);
  }

  private static Instant instant(JsonNode json, String field) {
    String value = text(json, field);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidCallRecord(
          field + " must be an ISO-8601 UTC instant such as 2026-11-23T09:30:00Z");
    }
  }

  private static long wholeNumber(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidCallRecord(field + " is missing");
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new InvalidCallRecord(field + " must be a whole number of seconds");
    }
    return value.asLong();
  }
}
