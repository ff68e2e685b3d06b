package com.commcredits.checkbalance;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.commcredits.adapters.json.BalanceChangedJson;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.domain.funding.CheckBalance;
import com.commcredits.domain.funding.RechargePolicy;
import com.commcredits.domain.funding.RechargeRequest;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.ledger.ExpireFunds;
import com.commcredits.domain.money.Money;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemoryFundingStore;
import com.commcredits.testing.InMemoryLedger;
import com.commcredits.testing.LambdaEvents;
import com.commcredits.testing.RecordingPublishers;
import com.commcredits.testing.TestAccounts;
import com.commcredits.testing.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckBalanceHandlerTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:05:00Z");

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryLedger ledger = new InMemoryLedger(accounts);
  private final InMemoryFundingStore store = new InMemoryFundingStore(accounts, ledger);
  private final RecordingPublishers.RechargeRequests recharges =
      new RecordingPublishers.RechargeRequests();
  private final RecordingPublishers.Notifications notifications =
      new RecordingPublishers.Notifications();
  private CheckBalanceHandler handler;

  @BeforeEach
  void setUp() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    handler =
        new CheckBalanceHandler(
            new BalanceChangeBatch(
                new BalanceChangedJson(Json.mapper()),
                new CheckBalance(store, recharges, notifications, RechargePolicy.standard()),
                new ExpireFunds(ledger),
                clock,
                new StructuredLog(
                    "check-balance",
                    StructuredLog.Level.INFO,
                    new PrintStream(new ByteArrayOutputStream()),
                    clock)));
    accounts.open(TestAccounts.anAutoRechargingAccount("contoso", "pm_card_visa"));
    ledger.credit(
        new Credit("contoso", EntryKind.DEPOSIT, "d1", Money.of("10", "USD"), NOW, "deposit"));
  }

  @Test
  void severalChangesOfOneOrg_areCheckedOnce_andOpenOneRecharge() {
    SQSBatchResponse response =
        handler.handleRequest(
            LambdaEvents.fromFile("sqs-balance-changed-after-calls.json"), new TestContext());

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(recharges.published())
        .extracting(RechargeRequest::attemptId)
        .containsExactly("recharge-contoso-1");
  }

  @Test
  void malformedChange_failsOnlyItself_soItEndsInTheDeadLetterQueue() {
    SQSBatchResponse response =
        handler.handleRequest(
            LambdaEvents.fromFile("sqs-balance-changed-malformed.json"), new TestContext());

    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("5b1c0a00-0004-4f00-8000-000000000004");
  }
}
