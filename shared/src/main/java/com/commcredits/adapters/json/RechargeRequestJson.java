package com.commcredits.adapters.json;

import com.commcredits.domain.funding.RechargeRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The recharge-request message: {@code {"orgId":"acme","attemptId":"recharge-acme-3",
 * "notBefore":"2026-11-02T11:00:00Z"}}.
 */
public final class RechargeRequestJson {

  private final ObjectMapper mapper;

  public RechargeRequestJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String write(RechargeRequest request) {
    ObjectNode json = mapper.createObjectNode();
    json.put("orgId", request.orgId());
    json.put("attemptId", request.attemptId());
    json.put("notBefore", request.notBefore().toString());
    return json.toString();
  }

  /**
   * @throws IllegalArgumentException if the body is not a recharge request
   */
  public RechargeRequest read(String body) {
    try {
      JsonNode json = mapper.readTree(body);
      return new RechargeRequest(
          json.path("orgId").asText(null),
          json.path("attemptId").asText(null),
          Instant.parse(json.path("notBefore").asText()));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("not a recharge request: " + e.getMessage(), e);
    }
  }
}
