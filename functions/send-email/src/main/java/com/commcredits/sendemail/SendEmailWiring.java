package com.commcredits.sendemail;

import com.commcredits.adapters.aws.AwsClients;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.dynamodb.DynamoDbAccounts;
import com.commcredits.adapters.dynamodb.DynamoDbSentNotifications;
import com.commcredits.adapters.email.SesMailer;
import com.commcredits.adapters.email.SesPriming;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.json.NotificationJson;
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

  private SendEmailWiring() {}

  static NotificationBatch notificationBatch(LambdaEnvironment environment) {
    AwsClients aws = new AwsClients(environment);
    DynamoDbClient dynamoDb = aws.client(DynamoDbClient.builder(), "DYNAMODB");
    SesV2Client ses = aws.client(SesV2Client.builder(), "SESV2");
    String ledgerTable = environment.ledgerTable();
    StructuredLog log =
        StructuredLog.forComponent("send-email", environment.optional("LOG_LEVEL").orElse(null));
    DynamoDbAccounts accounts = new DynamoDbAccounts(dynamoDb, ledgerTable);
    String sender = environment.require("SENDER_EMAIL");
    SnapStartPriming.register(
        () -> {
          accounts.find(SnapStartPriming.PRIMING_ORG);
          SesPriming.rejectedSend(ses, sender);
          DynamoDbAccounts.primeItemMapping(SnapStartPriming.primingAccount());
        },
        log);
    return new NotificationBatch(
        new NotificationJson(Json.mapper()),
        new SendNotifications(
            accounts,
            new EmailTemplates(),
            new SesMailer(ses, environment.require("SENDER_EMAIL")),
            new DynamoDbSentNotifications(dynamoDb, ledgerTable),
            SEND_LEASE),
        Clock.systemUTC(),
        log,
        EmbeddedMetricFormat.forFunction("send-email"));
  }
}
