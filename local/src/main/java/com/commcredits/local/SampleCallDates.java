package com.commcredits.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Moves the sample call records (events/*.json, the CDR printed by {@code serve}) to the last few
 * hours. Their fixed 2026-11-02 dates would one day fall outside the charging review window, and
 * the demo would show its calls rejected as stale instead of charged.
 */
final class SampleCallDates {

  /** The morning the sample events were written for; it moves to three hours ago. */
  private static final Instant SAMPLES_WRITTEN_FOR = Instant.parse("2026-11-02T10:00:00Z");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Duration shift;

  private SampleCallDates(Duration shift) {
    this.shift = shift;
  }

  /** Shifts the samples so that their 10:00 call started three hours before {@code now}. */
  static SampleCallDates movedTo(Instant now) {
    Instant threeHoursAgo = now.minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    return new SampleCallDates(Duration.between(SAMPLES_WRITTEN_FOR, threeHoursAgo));
  }

  /**
   * The body with its startTime and endTime moved by the same amount (so the duration, and whether
   * two samples differ, stay as written); anything that is not a call record with both times, a
   * deliberately broken sample included, comes back unchanged.
   */
  String redated(String body) {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JsonProcessingException notJson) {
      return body;
    }
    if (!(node instanceof ObjectNode record)
        || !record.path("startTime").isTextual()
        || !record.path("endTime").isTextual()) {
      return body;
    }
    try {
      Instant start = Instant.parse(record.get("startTime").asText());
      Instant end = Instant.parse(record.get("endTime").asText());
      record.put("startTime", start.plus(shift).toString());
      record.put("endTime", end.plus(shift).toString());
      return JSON.writeValueAsString(record);
    } catch (DateTimeParseException | JsonProcessingException unparsable) {
      return body;
    }
  }
}
