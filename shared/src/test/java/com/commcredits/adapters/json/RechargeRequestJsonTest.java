package com.commcredits.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.domain.funding.PurchaseSettlement;
import com.commcredits.domain.funding.RechargeRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RechargeRequestJsonTest {

  private final RechargeRequestJson json = new RechargeRequestJson(Json.mapper());
  private final Instant at = Instant.parse("2026-11-02T11:00:00Z");

  @Test
  void rechargeRequestAndPurchaseSettlement_readBackAsWritten() {
    var recharge = new RechargeRequest("acme", "recharge-acme-3", at);
    var settlement = new PurchaseSettlement("acme", "p-" + "0".repeat(32), at, 2);

    assertThat(json.read(json.write(recharge))).isEqualTo(recharge);
    assertThat(json.read(json.write(settlement))).isEqualTo(settlement);
    assertThat(json.write(settlement))
        .isEqualTo(
            "{\"orgId\":\"acme\",\"purchaseId\":\"p-"
                + "0".repeat(32)
                + "\",\"notBefore\":\"2026-11-02T11:00:00Z\",\"tries\":2}");
  }

  @Test
  void messageWithBothIdsNeitherOrNoTries_isRefusedWithTheReason() {
    assertThatThrownBy(
            () ->
                json.read(
                    "{\"orgId\":\"a\",\"attemptId\":\"r\",\"purchaseId\":\"p\",\"notBefore\":\"2026-11-02T11:00:00Z\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one of attemptId and purchaseId");
    assertThatThrownBy(() -> json.read("{\"orgId\":\"a\",\"notBefore\":\"2026-11-02T11:00:00Z\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                json.read(
                    "{\"orgId\":\"a\",\"purchaseId\":\"p\",\"notBefore\":\"2026-11-02T11:00:00Z\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tries");
  }
}
