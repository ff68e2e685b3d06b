package com.commcredits.authorizecall;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.domain.authorize.AuthorizeCall;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemoryCallHolds;
import com.commcredits.testing.InMemoryCallRestrictions;
import com.commcredits.testing.InMemoryLedger;
import com.commcredits.testing.LambdaEvents;
import com.commcredits.testing.TestAccounts;
import com.commcredits.testing.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthorizeCallHandlerTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryLedger ledger = new InMemoryLedger(accounts);
  private AuthorizeCallHandler handler;

  @BeforeEach
  void setUp() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    handler =
        new AuthorizeCallHandler(
            new CallAuthorizations(
                Json.mapper(),
                new AuthorizeCall(
                    accounts,
                    new RateCardRater(RateCardFiles.packaged()),
                    ledger,
                    new InMemoryCallHolds(),
                    new InMemoryCallRestrictions(),
                    RateCardFiles.packaged().zoneA()),
                clock,
                new StructuredLog(
                    "authorize-call",
                    StructuredLog.Level.INFO,
                    new PrintStream(new ByteArrayOutputStream()),
                    clock)));
    accounts.open(TestAccounts.anAccount("contoso"));
    ledger.credit(
        new Credit("contoso", EntryKind.DEPOSIT, "d1", Money.of("1", "USD"), NOW, "deposit"));
  }

  @Test
  void dialOut_isAuthorizedForTheMinutesTheBalanceAffords() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(
            LambdaEvents.fromFile(
                "apigw-authorize-call-dial-out.json", APIGatewayV2HTTPEvent.class),
            new TestContext());

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getBody())
        .isEqualTo(
            "{\"callId\":\"call-42\",\"decision\":\"AUTHORIZED\",\"maxMinutes\":4,"
                + "\"held\":{\"currency\":\"USD\",\"amount\":\"1.00\"}}");
  }

  @Test
  void requestWithoutItsFields_isA400WithTheReason() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(
            LambdaEvents.fromFile(
                "apigw-authorize-call-missing-fields.json", APIGatewayV2HTTPEvent.class),
            new TestContext());

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getBody()).contains("userLocation is missing");
  }
}
