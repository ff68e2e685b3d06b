package com.commcredits.adapters.json;

import com.commcredits.domain.balance.BalanceChangeCause;
import com.commcredits.domain.balance.BalanceChanged;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The balance-changed message: {@code {"orgId":"acme","cause":"CALL_CHARGE","at":"…"}}. */
public final class BalanceChangedJson {

  private final ObjectMapper mapper;

  public BalanceChangedJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String write(BalanceChanged event) {
    ObjectNode json = mapper.createObjectNode();
    json.put("orgId", event.orgId());
    json.put("cause", event.cause().name());
    json.put("at", event.at().toString());
    return json.toString();
  }

  /**
   * @throws IllegalArgumentException if the body is not a balance-changed message
   */
  public BalanceChanged read(String body) {
    try {
      JsonNode json = mapper.readTree(body);
      return new BalanceChanged(
          json.path("orgId").asText(null),
          // A message without a cause still asks for a check; the check reads the balance itself.
          BalanceChangeCause.valueOf(json.path("cause").asText("CALL_CHARGE")),
          Instant.parse(json.path("at").asText()));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("not a balance-changed message: " + e.getMessage(), e);
    }
  }
}
