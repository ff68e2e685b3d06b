package com.commcredits.adapters.json;

import com.commcredits.domain.funding.FundingRequest;
import com.commcredits.domain.funding.PurchaseSettlement;
import com.commcredits.domain.funding.RechargeRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The messages on the recharge-requests queue: a recharge request {@code {"orgId":"acme",
 * "attemptId":"recharge-acme-3","notBefore":"2026-11-02T11:00:00Z"}} or a purchase settlement
 * {@code {"orgId":"acme","purchaseId":"p-…","notBefore":"2026-11-02T11:00:00Z","tries":1}}, told
 * apart by which id they carry.
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

  public String write(PurchaseSettlement settlement) {
    ObjectNode json = mapper.createObjectNode();
    json.put("orgId", settlement.orgId());
    json.put("purchaseId", settlement.purchaseId());
    json.put("notBefore", settlement.notBefore().toString());
    json.put("tries", settlement.tries());
    return json.toString();
  }

  /**
   * @throws IllegalArgumentException if the body is neither a recharge request nor a settlement
   */
  public FundingRequest read(String body) {
    try {
      JsonNode json = mapper.readTree(body);
      String orgId = json.path("orgId").asText(null);
      Instant notBefore = Instant.parse(json.path("notBefore").asText());
      if (json.hasNonNull("purchaseId") == json.hasNonNull("attemptId")) {
        throw new IllegalArgumentException("exactly one of attemptId and purchaseId expected");
      }
      if (json.hasNonNull("purchaseId")) {
        JsonNode tries = json.path("tries");
        if (!tries.canConvertToInt()) {
          throw new IllegalArgumentException("tries must be a whole number");
        }
        return new PurchaseSettlement(
            orgId, json.path("purchaseId").asText(), notBefore, tries.intValue());
      }
      return new RechargeRequest(orgId, json.path("attemptId").asText(), notBefore);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("not a recharge request: " + e.getMessage(), e);
    }
  }
}
