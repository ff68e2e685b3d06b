package com.commcredits.sendemail;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.json.NotificationJson;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.notification.Email;
import com.commcredits.domain.notification.EmailTemplates;
import com.commcredits.domain.notification.SendNotifications;
import com.commcredits.domain.notification.SentNotification;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemorySentNotifications;
import com.commcredits.testing.LambdaEvents;
import com.commcredits.testing.RecordingMailer;
import com.commcredits.testing.TestAccounts;
import com.commcredits.testing.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendEmailHandlerTest {

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final RecordingMailer mailer = new RecordingMailer();
  private final InMemorySentNotifications sent = new InMemorySentNotifications();
  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
  private SendEmailHandler handler;

  @BeforeEach
  void setUp() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:31:00Z"), ZoneOffset.UTC);
    handler =
        new SendEmailHandler(
            new NotificationBatch(
                new NotificationJson(Json.mapper()),
                new SendNotifications(
                    accounts, new EmailTemplates(), mailer, sent, SendEmailWiring.SEND_LEASE),
                clock,
                new StructuredLog(
                    "send-email", StructuredLog.Level.INFO, new PrintStream(logs), clock)));
    accounts.open(
        withAdmins(TestAccounts.anAccount("contoso"), Language.EN, "admin@contoso.example"));
    accounts.open(
        withAdmins(TestAccounts.anAccount("muster", "EUR"), Language.DE, "it@muster.example"));
  }

  @Test
  void rechargeSucceeded_isEmailedToTheAdmins() {
    // when
    SQSBatchResponse response = handle("sqs-notification-recharge-succeeded.json");

    // then
    assertThat(response.getBatchItemFailures()).isEmpty();
    Email email = mailer.sent().get(0);
    assertThat(email.to()).containsExactly("admin@contoso.example");
    assertThat(email.subject()).contains("auto-recharge of USD 100.00 succeeded");
    assertThat(email.textBody()).contains("New balance: USD 118.25");
    assertThat(sent.find("contoso", "recharge-succeeded-contoso-000042").orElseThrow().status())
        .isEqualTo(SentNotification.Status.SENT);
  }

  @Test
  void expiredCard_ofAGermanOrg_isEmailedInGerman_withWhatToDo() {
    // when
    SQSBatchResponse response = handle("sqs-notification-recharge-failed-expired-card.json");

    // then
    assertThat(response.getBatchItemFailures()).isEmpty();
    Email email = mailer.sent().get(0);
    assertThat(email.to()).containsExactly("it@muster.example");
    assertThat(email.subject()).contains("Karte aktualisieren").contains("500,00 EUR");
    assertThat(email.textBody())
        .contains("die Karte ist abgelaufen")
        .contains("Aktualisieren Sie Ihre Karte");
  }

  @Test
  void balanceReachedZero_namesTheStoppedServices() {
    // when
    handle("sqs-notification-balance-reached-zero.json");

    // then
    assertThat(mailer.sent().get(0).textBody())
        .contains("Calls to your toll-free numbers")
        .contains("Dial-out from meetings");
  }

  @Test
  void everySampleNotification_isSentOnce() {
    for (String event :
        List.of(
            "sqs-notification-recharge-failed-insufficient-funds.json",
            "sqs-notification-low-balance.json",
            "sqs-notification-card-expiring.json",
            "sqs-notification-purchase-completed.json",
            "sqs-notification-purchase-declined.json")) {
      assertThat(handle(event).getBatchItemFailures()).as(event).isEmpty();
    }
    assertThat(mailer.sent()).hasSize(5);
  }

  @Test
  void redeliveredMessage_sendsNoSecondEmail() {
    // given
    handle("sqs-notification-recharge-succeeded.json");

    // when
    SQSBatchResponse response = handle("sqs-notification-redelivered.json");

    // then
    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(mailer.sent()).hasSize(1);
    assertThat(log()).contains("notification.already_done");
  }

  @Test
  void malformedMessages_areLoggedWithTheirReason_keptWhenTheyNameAnOrg_andDropped() {
    // when
    SQSBatchResponse response = handle("sqs-notification-malformed.json");

    // then
    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(mailer.sent()).isEmpty();
    assertThat(sent.find("contoso", "refund-contoso-1").orElseThrow())
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(SentNotification.Status.REJECTED);
              assertThat(r.detail()).contains("REFUND_ISSUED is not a notification kind");
            });
    assertThat(log())
        .contains("\"event\":\"notification.malformed\"")
        .contains("REFUND_ISSUED is not a notification kind")
        .contains("body is not valid JSON");
  }

  @Test
  void notificationForAnUnknownOrg_isRejected_notRetried() {
    // when
    SQSBatchResponse response = handle("sqs-notification-unknown-org.json");

    // then
    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(sent.find("ghost", "recharge-succeeded-ghost-000042").orElseThrow().detail())
        .isEqualTo("no account for org ghost");
  }

  @Test
  void refusedAddress_isRecordedAsRejected_andTheMessageLeavesTheQueue() {
    // given
    mailer.refusing("admin@contoso.example", "SES MessageRejected: address suppressed");

    // when
    SQSBatchResponse response = handle("sqs-notification-recharge-succeeded.json");

    // then
    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(sent.find("contoso", "recharge-succeeded-contoso-000042").orElseThrow())
        .satisfies(r -> assertThat(r.status()).isEqualTo(SentNotification.Status.REJECTED));
  }

  @Test
  void throttling_failsOnlyItsOwnMessage() {
    // given a batch of two, the first of which meets SES throttling
    mailer.failingNextWith(new IllegalStateException("TooManyRequests"));
    var event = LambdaEvents.fromFile("sqs-notification-recharge-succeeded.json");
    event
        .getRecords()
        .addAll(LambdaEvents.fromFile("sqs-notification-balance-reached-zero.json").getRecords());

    // when
    SQSBatchResponse response = handler.handleRequest(event, new TestContext());

    // then
    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("5b1e7c40-0004-4e0a-8d2f-000000000001");
    assertThat(mailer.sent())
        .singleElement()
        .satisfies(e -> assertThat(e.subject()).contains("used up"));
    assertThat(log()).contains("notification.fault").doesNotContain("admin@contoso.example");
  }

  private SQSBatchResponse handle(String eventFile) {
    return handler.handleRequest(LambdaEvents.fromFile(eventFile), new TestContext());
  }

  private String log() {
    return logs.toString(StandardCharsets.UTF_8);
  }

  private static OrgAccount withAdmins(OrgAccount account, Language language, String admin) {
    return new OrgAccount(
        account.orgId(),
        account.displayName(),
        account.currency(),
        account.balance(),
        account.serviceState(),
        language,
        List.of(admin),
        account.licensedUsers(),
        account.autoRecharge(),
        account.createdAt(),
        account.licences());
  }
}
