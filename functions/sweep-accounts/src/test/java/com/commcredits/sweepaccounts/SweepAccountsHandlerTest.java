package com.commcredits.sweepaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.adapters.lambda.StructuredLog;
import com.commcredits.domain.balance.BalanceChanged;
import com.commcredits.testing.LambdaEvents;
import com.commcredits.testing.RecordingBalanceChangedPublisher;
import com.commcredits.testing.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepAccountsHandlerTest {

  @Test
  void sweep_asksTheBalanceCheckToLookAtEveryOrg() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T03:15:00Z"), ZoneOffset.UTC);
    RecordingBalanceChangedPublisher balanceChanges = new RecordingBalanceChangedPublisher();
    SweepAccountsHandler handler =
        new SweepAccountsHandler(
            () -> List.of("contoso", "fabrikam"),
            balanceChanges,
            clock,
            new StructuredLog(
                "sweep-accounts",
                StructuredLog.Level.INFO,
                new PrintStream(new ByteArrayOutputStream()),
                clock));

    @SuppressWarnings("unchecked")
    Map<String, Object> event = LambdaEvents.fromFile("eventbridge-daily-sweep.json", Map.class);

    String result = handler.handleRequest(event, new TestContext());

    assertThat(result).isEqualTo("swept 2 orgs");
    assertThat(balanceChanges.published())
        .extracting(BalanceChanged::orgId, BalanceChanged::cause)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("contoso", SweepAccountsHandler.CAUSE),
            org.assertj.core.groups.Tuple.tuple("fabrikam", SweepAccountsHandler.CAUSE));
  }
}
