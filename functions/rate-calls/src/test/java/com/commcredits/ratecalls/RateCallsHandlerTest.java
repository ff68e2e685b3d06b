package com.commcredits.ratecalls;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.commcredits.adapters.json.CallRecordJson;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.domain.charging.ChargeCallRecords;
import com.commcredits.domain.charging.RejectedCallRecord;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemoryLedger;
import com.commcredits.testing.InMemoryRejectedCallRecords;
import com.commcredits.testing.LambdaEvents;
import com.commcredits.testing.RecordingBalanceChangedPublisher;
import com.commcredits.testing.TestAccounts;
import com.commcredits.testing.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateCallsHandlerTest {

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryLedger ledger = new InMemoryLedger(accounts);
  private final InMemoryRejectedCallRecords rejected = new InMemoryRejectedCallRecords();
  private final RecordingBalanceChangedPublisher balanceChanges =
      new RecordingBalanceChangedPublisher();
  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
  private RateCallsHandler handler;

  @BeforeEach
  void setUp() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-02T13:00:00Z"), ZoneOffset.UTC);
    handler =
        new RateCallsHandler(
            new CallRecordBatch(
                new CallRecordJson(Json.mapper()),
                new ChargeCallRecords(
                    accounts, new RateCardRater(RateCardFiles.packaged()), ledger),
                rejected,
                balanceChanges,
                clock,
                // DEBUG: each charged record's line is at DEBUG, and it too carries no number.
                new StructuredLog(
                    "rate-calls", StructuredLog.Level.DEBUG, new PrintStream(logs), clock)));
    accounts.open(TestAccounts.anAccount("contoso"));
  }

  @Test
  void dialOut_isCharged_andAnnouncedToTheBalanceCheck() {
    SQSBatchResponse response =
        handler.handleRequest(
            LambdaEvents.fromFile("sqs-call-record-dial-out.json"), new TestContext());

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(balance()).isEqualTo(Money.of("-0.066", "USD"));
    assertThat(balanceChanges.published())
        .singleElement()
        .satisfies(e -> assertThat(e.orgId()).isEqualTo("contoso"));
  }

  @Test
  void redelivery_isNotChargedAgain_butStillAnnounced() {
    handler.handleRequest(
        LambdaEvents.fromFile("sqs-call-record-dial-out.json"), new TestContext());

    var response =
        handler.handleRequest(
            LambdaEvents.fromFile("sqs-call-record-redelivered.json"), new TestContext());

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(balance()).isEqualTo(Money.of("-0.066", "USD"));
    assertThat(balanceChanges.published()).hasSize(2);
  }

  @Test
  void mixedBatch_rejectsOnlyTheBadRecord_andChargesTheOthers() {
    var response =
        handler.handleRequest(
            LambdaEvents.fromFile("sqs-call-records-mixed-batch.json"), new TestContext());

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(ledger.entries("contoso")).hasSize(2);
    assertThat(rejected.all())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.messageId()).isEqualTo("9d3f1a2e-0003-4c1e-9a51-000000000003");
              assertThat(r.reason()).contains("calleeNumber must be an E.164 number");
              assertThat(r.orgId()).isEqualTo("contoso");
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "sqs-call-record-not-json.json, body is not valid JSON",
    "sqs-call-record-negative-duration.json, must not be negative",
    "sqs-call-record-absurd-duration.json, exceeds the maximum",
    "sqs-call-record-unknown-org.json, unknown org 'nobody-inc'",
    "sqs-call-record-missing-field.json, calleeNumber is missing",
  })
  void invalidRecord_isRejectedWithItsReason_keptAndNotRetried(String event, String reason) {
    var response = handler.handleRequest(LambdaEvents.fromFile(event), new TestContext());

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(rejected.all())
        .extracting(RejectedCallRecord::reason)
        .singleElement()
        .asString()
        .contains(reason);
    assertThat(balance().isZero()).isTrue();
  }

  @Test
  void sameUsageIdWithDifferentContent_isRejectedAndKept_notChargedTwice() {
    handler.handleRequest(
        LambdaEvents.fromFile("sqs-call-record-dial-out.json"), new TestContext());

    handler.handleRequest(
        LambdaEvents.fromFile("sqs-call-record-same-usage-id-different-content.json"),
        new TestContext());

    assertThat(balance()).isEqualTo(Money.of("-0.066", "USD"));
    assertThat(rejected.all())
        .singleElement()
        .extracting(RejectedCallRecord::reason)
        .asString()
        .contains("different call record");
  }

  @Test
  void unreachableBalanceQueue_failsTheChargedRecords_soTheyComeBack() {
    balanceChanges.failFromNowOn();

    var response =
        handler.handleRequest(
            LambdaEvents.fromFile("sqs-call-record-dial-out.json"), new TestContext());

    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("9d3f1a2e-0001-4c1e-9a51-000000000001");
    assertThat(balance()).isEqualTo(Money.of("-0.066", "USD"));
  }

  @Test
  void logs_carryIdsButNoPhoneNumbers() {
    handler.handleRequest(
        LambdaEvents.fromFile("sqs-call-records-mixed-batch.json"), new TestContext());

    assertThat(logs.toString())
        .contains("\"orgId\":\"contoso\"", "u-contoso-0002")
        .doesNotContain("2079460123", "301234567");
  }

  private Money balance() {
    return accounts.find("contoso").orElseThrow().balance();
  }
}
