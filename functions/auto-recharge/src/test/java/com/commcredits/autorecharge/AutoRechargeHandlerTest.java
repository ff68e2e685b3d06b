package com.commcredits.autorecharge;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.json.RechargeRequestJson;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.domain.funding.PurchaseCommand;
import com.commcredits.domain.funding.PurchaseCredit;
import com.commcredits.domain.funding.PurchaseOutcome;
import com.commcredits.domain.funding.RechargeAttempt;
import com.commcredits.domain.funding.RechargeAutomatically;
import com.commcredits.domain.funding.RechargePolicy;
import com.commcredits.domain.funding.SettlePendingPurchases;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemoryFundingStore;
import com.commcredits.testing.InMemoryLedger;
import com.commcredits.testing.LambdaEvents;
import com.commcredits.testing.RecordingBalanceChangedPublisher;
import com.commcredits.testing.RecordingPublishers;
import com.commcredits.testing.ScriptedPaymentGateway;
import com.commcredits.testing.TestAccounts;
import com.commcredits.testing.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AutoRechargeHandlerTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:05:00Z");

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryLedger ledger = new InMemoryLedger(accounts);
  private final InMemoryFundingStore store = new InMemoryFundingStore(accounts, ledger);
  private final ScriptedPaymentGateway gateway = new ScriptedPaymentGateway();
  private final PurchaseCredit purchasing =
      new PurchaseCredit(
          store,
          gateway,
          new RecordingBalanceChangedPublisher(),
          new RecordingPublishers.RechargeRequests());
  private final RecordingPublishers.Notifications notifications =
      new RecordingPublishers.Notifications();
  private AutoRechargeHandler handler;

  @BeforeEach
  void setUp() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    handler =
        new AutoRechargeHandler(
            new RechargeRequestBatch(
                new RechargeRequestJson(Json.mapper()),
                new RechargeAutomatically(
                    store,
                    gateway,
                    new RecordingPublishers.RechargeRequests(),
                    new RecordingBalanceChangedPublisher(),
                    notifications,
                    RechargePolicy.standard()),
                new SettlePendingPurchases(purchasing, notifications),
                clock,
                new StructuredLog(
                    "auto-recharge",
                    StructuredLog.Level.INFO,
                    new PrintStream(new ByteArrayOutputStream()),
                    clock)));
    accounts.open(TestAccounts.anAutoRechargingAccount("contoso", "pm_card_visa"));
    store.openRecharge(
        RechargeAttempt.requested(
            "contoso", "recharge-contoso-1", Money.of("100", "USD"), NOW.minusSeconds(5)),
        0);
  }

  @Test
  void request_chargesTheCardAndCreditsTheLedger() {
    var response =
        handler.handleRequest(
            LambdaEvents.fromFile("sqs-recharge-request.json"), new TestContext());

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(gateway.cardCharges()).hasSize(1);
    assertThat(accounts.find("contoso").orElseThrow().balance()).isEqualTo(Money.of("100", "USD"));
  }

  @Test
  void redeliveredRequest_neverChargesTwice() {
    handler.handleRequest(LambdaEvents.fromFile("sqs-recharge-request.json"), new TestContext());

    handler.handleRequest(
        LambdaEvents.fromFile("sqs-recharge-request-redelivered.json"), new TestContext());

    assertThat(gateway.requests()).isEqualTo(1);
    assertThat(accounts.find("contoso").orElseThrow().balance()).isEqualTo(Money.of("100", "USD"));
  }

  @Test
  void malformedRequest_failsOnlyItself() {
    var response =
        handler.handleRequest(
            LambdaEvents.fromFile("sqs-recharge-request-malformed.json"), new TestContext());

    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("7c2d0b00-0002-4f00-8000-000000000002");
    assertThat(gateway.requests()).isZero();
  }

  @Test
  void settlementOfAPurchaseLeftPending_creditsTheChargeTheProviderMade_andTellsTheAdmins() {
    // given: the admin's purchase was charged but its reply lost (the event's purchase id is
    // purchaseIdFor("4f1c7a52-key-one"))
    gateway.thenAnswer(new ChargeResult.OutcomeUnknown("timeout"));
    var first =
        purchasing.purchase(
            new PurchaseCommand(
                "contoso",
                PurchaseCommand.purchaseIdFor("4f1c7a52-key-one"),
                Money.of("25", "USD"),
                NOW.minusSeconds(60)));

    // when
    var response =
        handler.handleRequest(
            LambdaEvents.fromFile("sqs-purchase-settlement.json"), new TestContext());

    // then
    assertThat(first).isInstanceOf(PurchaseOutcome.Pending.class);
    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(gateway.cardCharges()).hasSize(1);
    assertThat(accounts.find("contoso").orElseThrow().balance()).isEqualTo(Money.of("25", "USD"));
    assertThat(notifications.sent())
        .singleElement()
        .isInstanceOf(Notification.PurchaseCompleted.class);
  }
}
