package com.commcredits.adapters.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Reading message bodies that must be one JSON object, with reasons a person can act on. */
final class JsonBodies {

  private JsonBodies() {}

  /**
   * @param expected what the body should hold, e.g. {@code "one call record"}
   * @throws IllegalArgumentException saying what is wrong (empty, not JSON and where, not an
   *     object)
   */
  static JsonNode object(ObjectMapper mapper, String body, String expected) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException(
          "body is empty; expected " + expected + " as a JSON object");
    }
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      // A limit of the parser (nesting too deep, a number too long) has no location: it used to
      // fail here with a NullPointerException, a fault instead of a rejection (issue 9 defect 11).
      throw new IllegalArgumentException(
          e.getLocation() == null
              ? "body is not acceptable JSON: " + limitOf(e)
              : "body is not valid JSON (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")");
    }
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException(
          "body must be one JSON object, " + expected + " per message");
    }
    return json;
  }

  private static String limitOf(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    return message.contains("depth") ? "nested too deeply" : "it exceeds a size limit";
  }

  /** A text field of a body that may be unreadable, for filing what could not be processed. */
  static Optional<String> peek(ObjectMapper mapper, String body, String field) {
    try {
      JsonNode value = mapper.readTree(body == null ? "" : body).path(field);
      return value.isTextual() && !value.asText().isBlank()
          ? Optional.of(value.asText())
          : Optional.empty();
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
