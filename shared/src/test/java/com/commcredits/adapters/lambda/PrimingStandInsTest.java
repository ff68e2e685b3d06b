package com.commcredits.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.authorize.CallHold;
import com.commcredits.domain.funding.CheckBalance;
import com.commcredits.domain.funding.RechargePolicy;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.EmailTemplates;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.notification.SendNotifications;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemoryCallHolds;
import com.commcredits.testing.InMemoryFundingStore;
import com.commcredits.testing.InMemoryLedger;
import com.commcredits.testing.InMemorySentNotifications;
import com.commcredits.testing.RecordingMailer;
import com.commcredits.testing.RecordingPublishers;
import com.commcredits.testing.TestAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stand-ins SnapStart priming runs the real paths with: they act on the priming org only. */
class PrimingStandInsTest {

  private static final String PRIMING = SnapStartPriming.PRIMING_ORG;
  private static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryLedger ledger = new InMemoryLedger(accounts);
  private final InMemoryFundingStore funding = new InMemoryFundingStore(accounts, ledger);

  @Test
  void balanceCheck_onThePrimingOrg_runsTheZeroBalancePath_andStoresNothing() {
    RecordingPublishers.Notifications notifications = new RecordingPublishers.Notifications();
    CheckBalance check =
        new CheckBalance(
            new PrimingFundingStore(funding, SnapStartPriming.primingAccount()),
            new RecordingPublishers.RechargeRequests(),
            notifications,
            RechargePolicy.standard());

    CheckBalance.Outcome outcome = check.check(PRIMING, Set.of(), NOW);

    assertThat(outcome).isInstanceOf(CheckBalance.Outcome.Checked.class);
    assertThat(notifications.published())
        .singleElement()
        .isInstanceOf(Notification.BalanceReachedZero.class);
    assertThat(accounts.find(PRIMING)).isEmpty();
  }

  @Test
  void primingFundingStore_changesNoOtherOrg() {
    accounts.open(TestAccounts.anAccount("acme"));
    PrimingFundingStore store = new PrimingFundingStore(funding, SnapStartPriming.primingAccount());

    assertThat(store.snapshot("acme")).isEmpty();
    assertThatThrownBy(
            () ->
                store.changeServiceState("acme", ServiceState.ACTIVE, ServiceState.SUSPENDED, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PrimingFundingStore(funding, TestAccounts.anAccount("acme")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emailSend_onThePrimingOrg_rendersAndSends_andRecordsNothing() {
    InMemorySentNotifications sent = new InMemorySentNotifications();
    RecordingMailer mailer = new RecordingMailer();
    SendNotifications sending =
        new SendNotifications(
            new PrimingAccounts(accounts, SnapStartPriming.primingAccount()),
            new EmailTemplates(),
            mailer,
            new PrimingSentNotifications(sent),
            Duration.ofSeconds(60));
    Notification lowBalance =
        new Notification.LowBalance(
            "low-" + PRIMING + "-1",
            PRIMING,
            NOW,
            Money.of("150.50", "USD"),
            Money.of("200.00", "USD"));

    SendNotifications.Outcome first = sending.send(lowBalance, NOW);
    SendNotifications.Outcome again = sending.send(lowBalance, NOW);

    assertThat(first).isInstanceOf(SendNotifications.Outcome.Sent.class);
    assertThat(again).isInstanceOf(SendNotifications.Outcome.Sent.class);
    assertThat(mailer.sent()).hasSize(2);
    assertThat(sent.all()).isEmpty();
  }

  @Test
  void primingAccounts_findOnlyTheStandIn_andChangeNothing() {
    accounts.open(TestAccounts.anAccount("acme"));
    PrimingAccounts priming = new PrimingAccounts(accounts, SnapStartPriming.primingAccount());

    assertThat(priming.find(PRIMING)).contains(SnapStartPriming.primingAccount());
    assertThat(priming.find("acme")).isEmpty();
    assertThatThrownBy(() -> priming.open(SnapStartPriming.primingAccount()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new PrimingAccounts(accounts, TestAccounts.anAccount("acme")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void primingCallHolds_placeOnThePrimingOrgOnly() {
    PrimingCallHolds holds = new PrimingCallHolds(new InMemoryCallHolds());
    Money held = Money.of("1", "USD");

    assertThat(holds.place(new CallHold(PRIMING, "c1", held, 1, NOW), 0)).isTrue();
    assertThatThrownBy(() -> holds.place(new CallHold("acme", "c1", held, 1, NOW), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
