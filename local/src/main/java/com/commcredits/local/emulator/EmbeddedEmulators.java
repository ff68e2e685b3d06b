package com.commcredits.local.emulator;

import com.commcredits.local.Backend;
import com.commcredits.local.Endpoints;
import com.commcredits.local.SentEmail;
import java.nio.file.Path;
import java.util.List;

/** DynamoDB Local, ElasticMQ and the SES v2 emulator, in and beside this JVM. */
public final class EmbeddedEmulators implements Backend {

  private final DynamoDbLocal dynamoDb;
  private final ElasticMq sqs;
  private final SesEmulator ses;

  private EmbeddedEmulators(DynamoDbLocal dynamoDb, ElasticMq sqs, SesEmulator ses) {
    this.dynamoDb = dynamoDb;
    this.sqs = sqs;
    this.ses = ses;
  }

  /**
   * Starts the three emulators; a port of 0 means a free one.
   *
   * @param repositoryRoot where (or above which) {@code node_modules} holds the SES emulator
   */
  public static EmbeddedEmulators start(
      int dynamoDbPort, int sqsPort, int sesPort, Path repositoryRoot) {
    SesEmulator ses = SesEmulator.start(sesPort, repositoryRoot);
    DynamoDbLocal dynamoDb = null;
    try {
      dynamoDb = DynamoDbLocal.start(dynamoDbPort);
      return new EmbeddedEmulators(dynamoDb, ElasticMq.start(sqsPort), ses);
    } catch (RuntimeException e) {
      if (dynamoDb != null) {
        dynamoDb.close();
      }
      ses.close();
      throw e;
    }
  }

  @Override
  public Endpoints endpoints() {
    return new Endpoints(dynamoDb.endpoint(), sqs.endpoint(), ses.endpoint());
  }

  @Override
  public List<SentEmail> sentEmails() {
    return ses.sentEmails();
  }

  @Override
  public void clearSentEmails() {
    ses.clear();
  }

  @Override
  public void close() {
    try (ses;
        dynamoDb;
        sqs) {
      // closed in reverse order: ElasticMQ, DynamoDB Local, then the SES emulator process
    }
  }
}
