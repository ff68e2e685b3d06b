package com.commcredits.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.domain.notification.Notification;
import com.commcredits.testing.TestNotifications;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotificationJsonTest {

  private final NotificationJson json = new NotificationJson(Json.mapper());

  @Test
  void everyKind_readsBackAsItWasWritten() {
    for (Notification notification : TestNotifications.everyKind("acme")) {
      // when
      Notification read = json.read(json.write(notification));

      // then
      assertThat(read).as(notification.notificationId()).isEqualTo(notification);
    }
  }

  @Test
  void amounts_areExactDecimalStringsWithTheirCurrency() {
    // when
    String body = json.write(TestNotifications.rechargeSucceeded("acme"));

    // then
    assertThat(body)
        .contains("\"kind\":\"RECHARGE_SUCCEEDED\"")
        .contains("\"amount\":{\"currency\":\"USD\",\"amount\":\"100.00\"}")
        .contains("\"newBalance\":{\"currency\":\"USD\",\"amount\":\"118.25\"}");
  }

  @Test
  void rechargeFailed_withoutARetry_writesNoRetryTime() {
    // when
    String body =
        json.write(
            TestNotifications.rechargeFailed(
                "acme", Notification.RechargeFailure.HARD_DECLINE, "expired_card"));

    // then
    assertThat(body)
        .contains("\"failure\":\"HARD_DECLINE\"")
        .contains("\"autoRechargePaused\":true")
        .doesNotContain("nextRetryAt");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json                                                       | not valid JSON",
        "[1,2]                                                          | one JSON object",
        "{\"notificationId\":\"n\",\"orgId\":\"o\",\"kind\":\"SPAM\",\"at\":\"2026-11-23T09:30:00Z\"} | kind SPAM is not a notification kind",
        "{\"notificationId\":\"n\",\"orgId\":\"o\",\"at\":\"2026-11-23T09:30:00Z\"} | kind is missing",
        "{\"notificationId\":\"n\",\"orgId\":\"o\",\"kind\":\"LOW_BALANCE\",\"at\":\"yesterday\"} | at must be an ISO-8601",
        "{\"notificationId\":\"n\",\"orgId\":\"o\",\"kind\":\"LOW_BALANCE\",\"at\":\"2026-11-23T09:30:00Z\",\"balance\":{\"currency\":\"USD\",\"amount\":12.5},\"trigger\":{\"currency\":\"USD\",\"amount\":\"20\"}} | balance.amount must be a decimal string",
        "{\"notificationId\":\"n\",\"orgId\":\"o\",\"kind\":\"LOW_BALANCE\",\"at\":\"2026-11-23T09:30:00Z\",\"balance\":{\"currency\":\"USD\",\"amount\":\"0.0000001\"},\"trigger\":{\"currency\":\"USD\",\"amount\":\"20\"}} | more than 6 decimals",
        "{\"notificationId\":\"n\",\"orgId\":\"o\",\"kind\":\"LOW_BALANCE\",\"at\":\"2026-11-23T09:30:00Z\",\"balance\":{\"currency\":\"XXY\",\"amount\":\"1\"},\"trigger\":{\"currency\":\"USD\",\"amount\":\"20\"}} | balance:",
        "{\"notificationId\":\"n\",\"orgId\":\"o\",\"kind\":\"RECHARGE_FAILED\",\"at\":\"2026-11-23T09:30:00Z\",\"amount\":{\"currency\":\"USD\",\"amount\":\"1\"},\"failure\":\"OOPS\",\"autoRechargePaused\":true} | failure OOPS is not one of",
        "{\"notificationId\":\"n\",\"orgId\":\"o\",\"kind\":\"BALANCE_REACHED_ZERO\",\"at\":\"2026-11-23T09:30:00Z\",\"balance\":{\"currency\":\"USD\",\"amount\":\"0\"},\"suspendedServices\":[\"FAX\"]} | FAX is not one of",
      })
  void malformedMessage_isRefusedWithItsReason(String body, String reason) {
    assertThatThrownBy(() -> json.read(body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void idsOfAnUnreadableMessage_areReadIfPresent() {
    // given
    String body = "{\"notificationId\":\"n-7\",\"orgId\":\"acme\",\"kind\":\"SPAM\"}";

    // then
    assertThat(json.orgIdOf(body)).hasValue("acme");
    assertThat(json.notificationIdOf(body)).hasValue("n-7");
    assertThat(json.orgIdOf("not json")).isEmpty();
  }
}
