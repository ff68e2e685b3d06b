package com.commcredits.adapters.json;

import com.commcredits.domain.authorize.CallAuthorizationRequest;
import com.commcredits.domain.calls.CallType;
import com.commcredits.domain.calls.NumberType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an authorization request: {@code {"orgId", "callId", "userPrincipalName"?, "userLocation",
 * "callType", "numberType"? (toll), "callerNumber", "calleeNumber", "wantedMinutes"? (240)}}.
 */
public final class CallAuthorizationRequestJson {

  static final int DEFAULT_WANTED_MINUTES = 240;

  private final ObjectMapper mapper;

  public CallAuthorizationRequestJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * @throws IllegalArgumentException saying what the request lacks or gets wrong
   */
  public CallAuthorizationRequest read(String body) {
    JsonNode json = JsonBodies.object(mapper, body, "one authorization request");
    return new CallAuthorizationRequest(
        text(json, "orgId"),
        text(json, "callId"),
        json.path("userPrincipalName").asText(""),
        text(json, "userLocation"),
        CallType.fromCode(text(json, "callType")),
        NumberType.fromCode(json.path("numberType").asText("toll")),
        text(json, "callerNumber"),
        text(json, "calleeNumber"),
        json.path("wantedMinutes").asInt(DEFAULT_WANTED_MINUTES));
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value.asText();
  }
}
