package com.commcredits.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.adapters.dynamodb.DynamoDbSentNotifications;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.json.NotificationJson;
import com.commcredits.adapters.sqs.SqsNotificationPublisher;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.notification.SentNotification;
import com.commcredits.local.LocalAdmin;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.SentEmail;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.testing.TestNotifications;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The send-email function as deployed by the template: notifications on the notifications queue,
 * through the real handler, DynamoDB Local and the SES v2 emulator.
 */
@ExtendWith(LocalDeploymentExtension.class)
class SendEmailIT {

  private final LocalDeployment deployment;
  private final LocalAdmin admin;
  private final SqsNotificationPublisher notifications;
  private final DynamoDbSentNotifications sent;
  private String org;

  SendEmailIT(LocalDeployment deployment) {
    this.deployment = deployment;
    this.admin = new LocalAdmin(deployment);
    this.notifications =
        new SqsNotificationPublisher(
            deployment.sqs(),
            deployment.queueUrl("NotificationsQueue"),
            new NotificationJson(Json.mapper()));
    this.sent =
        new DynamoDbSentNotifications(deployment.dynamoDb(), deployment.tableName("LedgerTable"));
  }

  @BeforeEach
  void newOrg() {
    org = "org-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void stopEventSources() {
    deployment.stopEventSources();
  }

  @Test
  void rechargeSucceeded_reachesTheAdmins_inEnglish_withTheAmounts() {
    // given
    open(org, "USD", Language.EN);

    // when
    notifications.publish(TestNotifications.rechargeSucceeded(org));
    deliver();

    // then
    SentEmail email = onlyEmailTo("admin@" + org + ".example");
    assertThat(email.from()).isEqualTo(LocalDeployment.Options.LOCAL_SENDER_EMAIL);
    assertThat(email.to()).containsExactly("admin@" + org + ".example", "ops@" + org + ".example");
    assertThat(email.subject())
        .isEqualTo("Comm Credits · Test " + org + ": auto-recharge of USD 100.00 succeeded");
    assertThat(email.textBody())
        .contains("We charged USD 100.00 to Visa •••• 4242")
        .contains("New balance: USD 118.25");
    assertThat(email.htmlBody()).contains("<html lang=\"en\">").contains("USD 118.25");
  }

  @Test
  void expiredCard_ofAGermanOrg_isExplainedInGerman() {
    // given
    open(org, "EUR", Language.DE);

    // when
    notifications.publish(
        new Notification.RechargeFailed(
            "recharge-failed-" + org + "-1",
            org,
            Instant.now(),
            Money.of("1250.5", "EUR"),
            Notification.RechargeFailure.HARD_DECLINE,
            "expired_card",
            true,
            null));
    deliver();

    // then
    SentEmail email = onlyEmailTo("admin@" + org + ".example");
    assertThat(email.subject())
        .contains("Handlungsbedarf: Karte aktualisieren")
        .contains("1.250,50 EUR");
    assertThat(email.textBody())
        .startsWith("Guten Tag,")
        .contains("die Karte ist abgelaufen")
        .contains("Aktualisieren Sie Ihre Karte");
    assertThat(email.htmlBody()).contains("<html lang=\"de\">");
  }

  @Test
  void sameNotificationPublishedTwice_isEmailedOnce() {
    // given
    open(org, "USD", Language.EN);
    Notification zero = TestNotifications.balanceReachedZero(org);

    // when
    notifications.publish(zero);
    notifications.publish(zero);
    deliver();

    // then
    SentEmail email = onlyEmailTo("admin@" + org + ".example");
    assertThat(email.textBody())
        .contains("Calls to your toll-free numbers")
        .contains("Dial-out from meetings");
    assertThat(sent.find(org, zero.notificationId()).orElseThrow().status())
        .isEqualTo(SentNotification.Status.SENT);
  }

  @Test
  void malformedMessage_isKeptWithItsReason_andLeavesTheQueue() {
    // given
    open(org, "USD", Language.EN);

    // when
    deployment
        .sqs()
        .sendMessage(
            SendMessageRequest.builder()
                .queueUrl(deployment.queueUrl("NotificationsQueue"))
                .messageBody(
                    "{\"notificationId\":\"odd-1\",\"orgId\":\"" + org + "\",\"kind\":\"ODD\"}")
                .build());
    deliver();

    // then
    assertThat(emailsTo("admin@" + org + ".example")).isEmpty();
    assertThat(sent.find(org, "odd-1").orElseThrow())
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(SentNotification.Status.REJECTED);
              assertThat(r.detail()).contains("kind ODD is not a notification kind");
            });
    assertThat(deployment.approximateDepth("NotificationsQueue")).isZero();
  }

  private void open(String orgId, String currency, Language language) {
    admin
        .administration()
        .openAccount(
            orgId,
            "Test " + orgId,
            Currency.getInstance(currency),
            language,
            List.of("admin@" + orgId + ".example", "ops@" + orgId + ".example"),
            50,
            Instant.now());
  }

  private void deliver() {
    deployment.startEventSources("SendEmailFunction");
    deployment.awaitQuiescence(Duration.ofSeconds(30));
  }

  private SentEmail onlyEmailTo(String address) {
    List<SentEmail> emails = emailsTo(address);
    assertThat(emails).hasSize(1);
    return emails.get(0);
  }

  private List<SentEmail> emailsTo(String address) {
    return deployment.sentEmails().stream().filter(e -> e.to().contains(address)).toList();
  }
}
