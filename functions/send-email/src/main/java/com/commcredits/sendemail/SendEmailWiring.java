package com.commcredits.sendemail;

import com.commcredits.adapters.aws.AwsClients;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.aws.Priming;
import com.commcredits.adapters.dynamodb.DynamoDbAccounts;
import com.commcredits.adapters.dynamodb.DynamoDbSentNotifications;
import com.commcredits.adapters.email.SesMailer;
import com.commcredits.adapters.email.SesPriming;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.json.NotificationJson;
import com.commcredits.adapters.lambda.PrimingAccounts;
import com.commcredits.adapters.lambda.PrimingContext;
import com.commcredits.adapters.lambda.PrimingSentNotifications;
import com.commcredits.adapters.lambda.SnapStartPriming;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.metrics.EmbeddedMetricFormat;
import com.commcredits.domain.notification.EmailTemplates;
import com.commcredits.domain.notification.SendNotifications;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Builds the send-email function from its environment. */
final class SendEmailWiring {

  /**
   * Longer than one send can take (the function's 30-second timeout), shorter than the queue's
   * 180-second visibility timeout, so a redelivery after a crash finds the claim expired.
   */
  static final Duration SEND_LEASE = Duration.ofSeconds(60);

  private static final String SAMPLE_NOTIFICATION =
      "{\"notificationId\":\"low-snapstart-priming-1\",\"orgId\":\""
          + SnapStartPriming.PRIMING_ORG
          + "\",\"kind\":\"LOW_BALANCE\",\"at\":\"2026-01-01T00:00:00Z\","
          + "\"balance\":{\"currency\":\"USD\",\"amount\":\"150.50\"},"
          + "\"trigger\":{\"currency\":\"USD\",\"amount\":\"200.00\"}}";

  private SendEmailWiring() {}

  static NotificationBatch notificationBatch(LambdaEnvironment environment) {
    AwsClients aws = new AwsClients(environment);
    DynamoDbClient dynamoDb = aws.client(DynamoDbClient.builder(), "DYNAMODB");
    SesV2Client ses = aws.client(SesV2Client.builder(), "SESV2");
    String ledgerTable = environment.ledgerTable();
    StructuredLog log =
        StructuredLog.forComponent("send-email", environment.optional("LOG_LEVEL").orElse(null));
    DynamoDbAccounts accounts = new DynamoDbAccounts(dynamoDb, ledgerTable);
    DynamoDbSentNotifications sent = new DynamoDbSentNotifications(dynamoDb, ledgerTable);
    String sender = environment.require("SENDER_EMAIL");
    EmailTemplates templates = new EmailTemplates();
    // The real path on a sample (issue 10): the handler decodes a low-balance notification of the
    // priming org, the claim is the real read of it (found nothing; no claim is written), the
    // account is the real read then a stand-in, the email is rendered and sent so that SES rejects
    // it (no recipient, no subject), and no outcome is recorded; then a conditional put, as a
    // claim is, whose condition fails.
    NotificationBatch primingBatch =
        new NotificationBatch(
            new NotificationJson(Json.mapper()),
            new SendNotifications(
                new PrimingAccounts(accounts, SnapStartPriming.primingAccount()),
                templates,
                SesPriming.rejectingMailer(ses, sender),
                new PrimingSentNotifications(sent),
                SEND_LEASE),
            Clock.systemUTC(),
            SnapStartPriming.quietLog("send-email"));
    SnapStartPriming.register(
        () -> {
          SnapStartPriming.requireNoFailures(
              new SendEmailHandler(primingBatch)
                  .handleRequest(
                      SnapStartPriming.sqsEvent(SAMPLE_NOTIFICATION),
                      new PrimingContext("send-email")));
          Priming.failedPut(dynamoDb, ledgerTable);
          DynamoDbAccounts.primeItemMapping(SnapStartPriming.primingAccount());
        },
        log);
    return new NotificationBatch(
        new NotificationJson(Json.mapper()),
        new SendNotifications(accounts, templates, new SesMailer(ses, sender), sent, SEND_LEASE),
        Clock.systemUTC(),
        log,
        EmbeddedMetricFormat.forFunction("send-email"));
  }
}
