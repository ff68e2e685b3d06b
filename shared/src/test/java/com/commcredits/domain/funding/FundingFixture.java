package com.commcredits.domain.funding;

import com.commcredits.domain.admin.AccountAdministration;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.money.Money;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemoryFundingStore;
import com.commcredits.testing.InMemoryLedger;
import com.commcredits.testing.RecordingBalanceChangedPublisher;
import com.commcredits.testing.RecordingPublishers;
import com.commcredits.testing.ScriptedPaymentGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The balance check and the recharge step wired to in-memory ports, with a clock to advance. */
final class FundingFixture {

  static final RechargePolicy POLICY =
      new RechargePolicy(
          List.of(Duration.ofHours(1), Duration.ofHours(6)),
          List.of(Duration.ofSeconds(30)),
          3,
          Duration.ofHours(1),
          Duration.ofMinutes(2));

  final InMemoryAccounts accounts = new InMemoryAccounts();
  final InMemoryLedger ledger = new InMemoryLedger(accounts);
  final InMemoryFundingStore store = new InMemoryFundingStore(accounts, ledger);
  final ScriptedPaymentGateway gateway = new ScriptedPaymentGateway();
  final RecordingPublishers.Notifications notifications = new RecordingPublishers.Notifications();
  final RecordingPublishers.RechargeRequests recharges = new RecordingPublishers.RechargeRequests();
  final RecordingBalanceChangedPublisher balanceChanges = new RecordingBalanceChangedPublisher();
  final CheckBalance checkBalance = new CheckBalance(store, recharges, notifications, POLICY);
  final RechargeAutomatically recharging =
      new RechargeAutomatically(store, gateway, recharges, balanceChanges, notifications, POLICY);
  final PurchaseCredit purchasing = new PurchaseCredit(store, gateway, balanceChanges, recharges);
  final AccountAdministration admin = new AccountAdministration(accounts, ledger, balanceChanges);
  Instant now = Instant.parse("2026-11-02T10:00:00Z");
  private int debits;

  Instant advance(Duration by) {
    now = now.plus(by);
    return now;
  }

  void fund(String orgId, String amount) {
    ledger.credit(
        new Credit(
            orgId, EntryKind.DEPOSIT, "dep-" + (++debits), Money.of(amount, "USD"), now, ""));
  }

  void spend(String orgId, String amount) {
    ledger.credit(
        new Credit(
            orgId,
            EntryKind.ADJUSTMENT,
            "spend-" + (++debits),
            Money.of(amount, "USD").negate(),
            now,
            ""));
  }

  /** Delivers every queued recharge request that is due, as the queue would. */
  void deliverDueRechargeRequests() {
    int delivered = 0;
    while (delivered < recharges.published().size()) {
      RechargeRequest request = recharges.published().get(delivered++);
      if (!request.notBefore().isAfter(now)) {
        recharging.handle(request, now);
      }
    }
  }

  Money balance(String orgId) {
    return accounts.find(orgId).orElseThrow().balance();
  }
}
