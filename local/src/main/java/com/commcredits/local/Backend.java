package com.commcredits.local;

import java.util.List;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The services a {@link LocalDeployment} provisions into and talks to: the embedded emulators, or
 * LocalStack in a container. Several deployments (with different stack names) may share one.
 */
public interface Backend extends AutoCloseable {

  Endpoints endpoints();

  /** Every email accepted since the last {@link #clearSentEmails()}, oldest first. */
  List<SentEmail> sentEmails();

  void clearSentEmails();

  /** Lets {@code address} send mail, for services that insist on verified identities. */
  default void allowSender(String address, SesV2Client ses) {}

  @Override
  void close();
}
