package com.commcredits.local.junit;

import com.commcredits.local.Backend;
import com.commcredits.local.Endpoints;
import com.commcredits.local.SentEmail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;

/**
 * LocalStack in a container serving DynamoDB, SQS and SES on one endpoint. The image can be changed
 * with {@code -Dcommcredits.it.localstack.image=...}; LOCALSTACK_AUTH_TOKEN is passed on when set.
 */
final class LocalStackBackend implements Backend {

  static final String IMAGE_PROPERTY = "commcredits.it.localstack.image";
  private static final String DEFAULT_IMAGE = "localstack/localstack:4.4";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalStackContainer container;
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalStackBackend(LocalStackContainer container) {
    this.container = container;
  }

  static LocalStackBackend start() {
    LocalStackContainer container =
        new LocalStackContainer(
                DockerImageName.parse(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE))
                    .asCompatibleSubstituteFor("localstack/localstack"))
            .withServices("dynamodb", "sqs", "ses");
    String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
    if (token != null && !token.isBlank()) {
      container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    }
    container.start();
    return new LocalStackBackend(container);
  }

  @Override
  public Endpoints endpoints() {
    URI endpoint = container.getEndpoint();
    return new Endpoints(endpoint, endpoint, endpoint);
  }

  /** LocalStack refuses mail from unverified senders, as SES does outside its sandbox. */
  @Override
  public void allowSender(String address, SesV2Client ses) {
    try {
      ses.createEmailIdentity(r -> r.emailIdentity(address));
    } catch (AlreadyExistsException alreadyAllowed) {
      // a deployment of another stack on this container allowed it
    }
  }

  @Override
  public List<SentEmail> sentEmails() {
    HttpResponse<String> response = send(request().GET());
    try {
      List<SentEmail> emails = new ArrayList<>();
      for (JsonNode message : JSON.readTree(response.body()).path("messages")) {
        List<String> to = new ArrayList<>();
        message.path("Destination").path("ToAddresses").forEach(a -> to.add(a.asText()));
        emails.add(
            new SentEmail(
                message.path("Source").asText(),
                to,
                message.path("Subject").asText(),
                message.path("Body").path("text_part").asText(""),
                message.path("Body").path("html_part").asText(""),
                timestamp(message.path("Timestamp").asText())));
      }
      return emails;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable answer from LocalStack's /_aws/ses", e);
    }
  }

  private static Instant timestamp(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException withoutZone) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }

  @Override
  public void clearSentEmails() {
    send(request().DELETE());
  }

  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder(container.getEndpoint().resolve("/_aws/ses"))
        .timeout(Duration.ofSeconds(10));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    container.stop();
  }
}
