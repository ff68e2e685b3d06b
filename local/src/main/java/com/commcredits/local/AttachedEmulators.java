package com.commcredits.local;

import java.net.URI;
import java.util.List;

/**
 * Emulators that another process started ({@code local/run serve}), reached on their ports. It
 * neither starts nor stops them; sent mail is read in the SES emulator's web inbox.
 */
final class AttachedEmulators implements Backend {

  private final Endpoints endpoints;

  AttachedEmulators(int dynamoDbPort, int sqsPort, int sesPort) {
    this.endpoints =
        new Endpoints(
            URI.create("http://127.0.0.1:" + dynamoDbPort),
            URI.create("http://127.0.0.1:" + sqsPort),
            URI.create("http://127.0.0.1:" + sesPort));
  }

  @Override
  public Endpoints endpoints() {
    return endpoints;
  }

  @Override
  public List<SentEmail> sentEmails() {
    return List.of();
  }

  @Override
  public void clearSentEmails() {}

  @Override
  public void close() {}
}
