package com.commcredits.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.adapters.json.Json;
import com.commcredits.domain.notification.Email;
import com.commcredits.domain.notification.Mailer.SendResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/** The SES mailer against SES v2 answers served on 127.0.0.1: the exact request, each error. */
class SesMailerTest {

  private static final Email EMAIL =
      new Email(
          List.of("billing@acme.example", "it@acme.example"),
          "Comm Credits · Acme: auto-recharge of USD 100.00 succeeded",
          "Hello,\n\nNew balance: USD 118.25\n",
          "<p>New balance: USD 118.25</p>");

  private HttpServer server;
  private final AtomicReference<String> lastPath = new AtomicReference<>();
  private final AtomicReference<String> lastBody = new AtomicReference<>();
  private volatile int status = 200;
  private volatile String errorType = "";
  private volatile String answer = "{\"MessageId\":\"0100-local-1\"}";
  private SesV2Client ses;

  @BeforeEach
  void serveSes() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          lastPath.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          lastBody.set(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          if (!errorType.isEmpty()) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
          }
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    ses =
        SesV2Client.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
  }

  @AfterEach
  void stop() {
    ses.close();
    server.stop(0);
  }

  @Test
  void send_isOneStructuredSimpleMessage_inUtf8() throws IOException {
    // when
    SendResult result = new SesMailer(ses, "billing@comm-credits.example").send(EMAIL);

    // then
    assertThat(result).isEqualTo(new SendResult.Sent("0100-local-1"));
    assertThat(lastPath.get()).isEqualTo("POST /v2/email/outbound-emails");
    JsonNode request = Json.mapper().readTree(lastBody.get());
    assertThat(request.path("FromEmailAddress").asText()).isEqualTo("billing@comm-credits.example");
    assertThat(request.path("Destination").path("ToAddresses"))
        .extracting(JsonNode::asText)
        .containsExactly("billing@acme.example", "it@acme.example");
    JsonNode simple = request.path("Content").path("Simple");
    assertThat(simple.path("Subject").path("Data").asText()).isEqualTo(EMAIL.subject());
    assertThat(simple.path("Subject").path("Charset").asText()).isEqualTo("UTF-8");
    assertThat(simple.path("Body").path("Text").path("Data").asText()).isEqualTo(EMAIL.textBody());
    assertThat(simple.path("Body").path("Html").path("Data").asText()).isEqualTo(EMAIL.htmlBody());
    assertThat(simple.path("Body").path("Html").path("Charset").asText()).isEqualTo("UTF-8");
    assertThat(request.has("Content") && !request.path("Content").has("Raw")).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "400, MessageRejected,           SES MessageRejected",
    "400, MailFromDomainNotVerifiedException, SES MailFromDomainNotVerified",
    "400, AccountSuspendedException, SES AccountSuspended",
    "404, NotFoundException,         SES NotFound",
    "400, BadRequestException,       SES BadRequest",
  })
  void permanentRejections_areResults_withoutAddressesInTheReason(
      int code, String type, String reason) {
    // given
    status = code;
    errorType = type;
    answer = "{\"message\":\"Email address is not verified: billing@acme.example\"}";

    // when
    SendResult result = new SesMailer(ses, "billing@comm-credits.example").send(EMAIL);

    // then
    assertThat(result).isInstanceOf(SendResult.PermanentlyRejected.class);
    assertThat(((SendResult.PermanentlyRejected) result).reason())
        .startsWith(reason)
        .contains("<address>")
        .doesNotContain("acme.example");
  }

  @ParameterizedTest
  @CsvSource({
    "429, TooManyRequestsException",
    "429, LimitExceededException",
    "400, SendingPausedException",
    "500, InternalFailure",
  })
  void throttlingAndServerErrors_areThrown_forARetry(int code, String type) {
    // given
    status = code;
    errorType = type;
    answer = "{\"message\":\"slow down\"}";

    // when / then
    assertThatThrownBy(() -> new SesMailer(ses, "billing@comm-credits.example").send(EMAIL))
        .isInstanceOf(SesV2Exception.class);
  }

  @Test
  void malformedSender_isRefusedAtStartUp() {
    assertThatThrownBy(() -> new SesMailer(ses, "billing at example"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SesMailer(ses, "Billing <billing@example.com>"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void malformedRecipient_isRejected_withoutARequest() {
    // given
    Email toNowhere = new Email(List.of("admin@"), "Subject", "text", "<p>html</p>");

    // when
    SendResult result = new SesMailer(ses, "billing@comm-credits.example").send(toNowhere);

    // then
    assertThat(result).isInstanceOf(SendResult.PermanentlyRejected.class);
    assertThat(lastPath.get()).isNull();
  }
}
