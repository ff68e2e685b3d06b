package com.commcredits.local.emulator;

import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ speaking the SQS API. */
public final class ElasticMq implements AutoCloseable {

  private final SQSRestServer server;
  private final URI endpoint;

  private ElasticMq(SQSRestServer server, int port) {
    this.server = server;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  public static ElasticMq start(int requestedPort) {
    int port = Ports.orFree(requestedPort);
    SQSRestServer server =
        SQSRestServerBuilder.withInterface("127.0.0.1")
            .withPort(port)
            // Without it, queue URLs would name ElasticMQ's default port 9324, not the real one.
            .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
            .withAWSRegion("us-east-1")
            .withAWSAccountId("000000000000")
            .start();
    server.waitUntilStarted();
    return new ElasticMq(server, port);
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
