package com.commcredits.domain.notification;

import static com.commcredits.testing.TestNotifications.rechargeSucceeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.domain.account.OrgAccount;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemorySentNotifications;
import com.commcredits.testing.RecordingMailer;
import com.commcredits.testing.TestAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendNotificationsTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:31:00Z");
  private static final Duration LEASE = Duration.ofSeconds(60);

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final RecordingMailer mailer = new RecordingMailer();
  private final InMemorySentNotifications sent = new InMemorySentNotifications();
  private final SendNotifications sending =
      new SendNotifications(accounts, new EmailTemplates(), mailer, sent, LEASE);

  @BeforeEach
  void openAcme() {
    accounts.open(TestAccounts.anAccount("acme"));
  }

  @Test
  void notification_isSentToTheAdmins_andRecordedAsSent() {
    // when
    SendNotifications.Outcome outcome = sending.send(rechargeSucceeded("acme"), NOW);

    // then
    assertThat(outcome).isEqualTo(new SendNotifications.Outcome.Sent("ses-1"));
    assertThat(mailer.sent())
        .singleElement()
        .satisfies(e -> assertThat(e.to()).containsExactly("admin@acme.example"));
    assertThat(sent.find("acme", rechargeSucceeded("acme").notificationId()))
        .hasValueSatisfying(
            r -> {
              assertThat(r.status()).isEqualTo(SentNotification.Status.SENT);
              assertThat(r.detail()).isEqualTo("ses-1");
              assertThat(r.kind()).isEqualTo("RECHARGE_SUCCEEDED");
            });
  }

  @Test
  void redeliveredNotification_sendsNoSecondEmail() {
    // given
    sending.send(rechargeSucceeded("acme"), NOW);

    // when
    SendNotifications.Outcome again = sending.send(rechargeSucceeded("acme"), NOW.plusSeconds(5));

    // then
    assertThat(again).isInstanceOf(SendNotifications.Outcome.AlreadyDone.class);
    assertThat(mailer.sent()).hasSize(1);
  }

  @Test
  void refusedAddress_isRecordedAsRejected_andNotTriedAgain() {
    // given
    mailer.refusing("admin@acme.example", "SES MessageRejected: address on suppression list");

    // when
    SendNotifications.Outcome first = sending.send(rechargeSucceeded("acme"), NOW);
    SendNotifications.Outcome second = sending.send(rechargeSucceeded("acme"), NOW.plusSeconds(90));

    // then
    assertThat(first)
        .isEqualTo(
            new SendNotifications.Outcome.Rejected(
                "SES MessageRejected: address on suppression list"));
    assertThat(second).isInstanceOf(SendNotifications.Outcome.AlreadyDone.class);
    assertThat(sent.all())
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(SentNotification.Status.REJECTED));
  }

  @Test
  void notificationForAnUnknownOrg_isRejectedWithItsReason() {
    // when
    SendNotifications.Outcome outcome = sending.send(rechargeSucceeded("ghost"), NOW);

    // then
    assertThat(outcome)
        .isEqualTo(new SendNotifications.Outcome.Rejected("no account for org ghost"));
    assertThat(mailer.sent()).isEmpty();
  }

  @Test
  void orgWithoutAdminAddresses_cannotBeOpened_soNoNotificationIsLeftWithoutRecipient() {
    // guards issue 9 defect 8: the account refuses it when opened, not the email step later
    OrgAccount base = TestAccounts.anAccount("quiet");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new OrgAccount(
                    "quiet",
                    base.displayName(),
                    base.currency(),
                    base.balance(),
                    base.serviceState(),
                    base.language(),
                    List.of(),
                    base.licensedUsers(),
                    base.autoRecharge(),
                    base.createdAt(),
                    base.licences()))
        .hasMessageContaining("admin email");
  }

  @Test
  void throttledSend_throws_andTheRedeliveryAfterTheLeaseSendsIt() {
    // given
    mailer.failingNextWith(new IllegalStateException("throttled"));
    assertThatThrownBy(() -> sending.send(rechargeSucceeded("acme"), NOW)).hasMessage("throttled");

    // when
    SendNotifications.Outcome redelivered =
        sending.send(rechargeSucceeded("acme"), NOW.plus(LEASE).plusSeconds(1));

    // then
    assertThat(redelivered).isInstanceOf(SendNotifications.Outcome.Sent.class);
    assertThat(mailer.sent()).hasSize(1);
  }

  @Test
  void concurrentDelivery_whileASendIsUnderWay_waitsForItsLease() {
    // given a send that claimed the notification and has not finished
    sent.claim(
        "acme",
        rechargeSucceeded("acme").notificationId(),
        "RECHARGE_SUCCEEDED",
        NOW,
        NOW.plus(LEASE));

    // when
    SendNotifications.Outcome outcome = sending.send(rechargeSucceeded("acme"), NOW.plusSeconds(1));

    // then
    assertThat(outcome).isEqualTo(new SendNotifications.Outcome.InProgress(NOW.plus(LEASE)));
    assertThat(mailer.sent()).isEmpty();
  }

  @Test
  void unreadableMessage_isRecordedAsRejected_butNeverOverwritesASentOne() {
    // given
    sending.send(rechargeSucceeded("acme"), NOW);

    // when
    sending.rejectUnreadable("acme", rechargeSucceeded("acme").notificationId(), "bad", NOW);
    sending.rejectUnreadable("acme", "message-m9", "body is not valid JSON", NOW);

    // then
    assertThat(sent.find("acme", rechargeSucceeded("acme").notificationId()).orElseThrow().status())
        .isEqualTo(SentNotification.Status.SENT);
    assertThat(sent.find("acme", "message-m9").orElseThrow())
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(SentNotification.Status.REJECTED);
              assertThat(r.kind()).isEqualTo("MALFORMED");
              assertThat(r.detail()).isEqualTo("body is not valid JSON");
            });
  }
}
