package com.commcredits.domain.funding;

import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.balance.BalanceChangeCause;
import com.commcredits.domain.balance.BalanceChanged;
import com.commcredits.domain.balance.BalanceChangedPublisher;
import com.commcredits.domain.funding.PurchaseOutcome.DeclineKind;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.payment.CardCharge;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.domain.payment.PaymentGateway;
import java.time.Instant;
import java.util.Optional;

/**
 * An admin buys credits with the card on file, through the same payment path as a recharge: the
 * purchase is recorded (CHARGING, its own idempotency key) before the card is charged; the ledger
 * credit and the purchase's close are one transaction; a purchase found CHARGING under the same id
 * is reconciled with the provider under the same key before anything else; an indeterminate answer
 * leaves it {@link PurchaseOutcome.Pending}, never retried under a new key, and queues a {@link
 * PurchaseSettlement} that asks the provider again under that key with a back-off until it answers
 * (the daily sweep is the backstop for a lost message). Everything that can refuse the purchase
 * (org, currency, card, the credit itself) is checked before the card is charged.
 */
public final class PurchaseCredit {

  private final FundingStore store;
  private final PaymentGateway gateway;
  private final BalanceChangedPublisher balanceChanges;
  private final RechargeRequestPublisher settlements;

  /** What settling an open purchase came to. */
  public sealed interface SettlementOutcome {
    /**
     * The purchase has ended: charged and credited ({@link PurchaseOutcome.Purchased} now, {@link
     * PurchaseOutcome.AlreadyPurchased} before — by the admin sending again or an earlier message)
     * or declined. Every settlement of an ended purchase says how it ended, so its admins hear of
     * it even if the first answer's email was lost.
     *
     * @param purchase the purchase as it was found, before this settlement
     */
    record Settled(CreditPurchase purchase, PurchaseOutcome outcome) implements SettlementOutcome {}

    /** No such purchase or org. */
    record NothingToDo(String why) implements SettlementOutcome {}

    /** Early: queued again for its time. */
    record NotYetDue(Instant notBefore) implements SettlementOutcome {}

    /** Still no answer: asked again at {@code next}. */
    record RetryScheduled(int tries, Instant next) implements SettlementOutcome {}

    /** Still no answer after the whole back-off: operators must look; the daily sweep asks on. */
    record Unanswered(int tries) implements SettlementOutcome {}
  }

  public PurchaseCredit(
      FundingStore store,
      PaymentGateway gateway,
      BalanceChangedPublisher balanceChanges,
      RechargeRequestPublisher settlements) {
    this.store = store;
    this.gateway = gateway;
    this.balanceChanges = balanceChanges;
    this.settlements = settlements;
  }

  public PurchaseOutcome purchase(PurchaseCommand command) {
    Optional<BalanceSnapshot> snapshot = store.snapshot(command.orgId());
    if (snapshot.isEmpty()) {
      return new PurchaseOutcome.Rejected("unknown org '" + command.orgId() + "'");
    }
    OrgAccount account = snapshot.get().account();
    Optional<CreditPurchase> earlier = store.purchase(command.orgId(), command.purchaseId());
    if (earlier.isPresent()) {
      return resume(earlier.get(), command, account);
    }
    if (!command.amount().currency().equals(account.currency())) {
      return new PurchaseOutcome.Rejected(
          "the account is kept in "
              + account.currency().getCurrencyCode()
              + ", not "
              + command.amount().currency().getCurrencyCode());
    }
    PaymentMethod card = account.autoRecharge().paymentMethod();
    if (card == null) {
      return new PurchaseOutcome.Rejected("no card on file; add a payment method first");
    }
    CreditPurchase charging = CreditPurchase.charging(command);
    // Built before the charge: a purchase the ledger would refuse must never reach the card.
    Credit credit = credit(charging, command.now(), card);
    CardCharge charge = cardCharge(charging, account, card);
    if (!store.openPurchase(charging)) {
      // Another request with the same key got there first: answer as that one does.
      return store
          .purchase(command.orgId(), command.purchaseId())
          .map(found -> resume(found, command, account))
          .orElseGet(() -> new PurchaseOutcome.Pending(command.purchaseId()));
    }
    PurchaseOutcome outcome = conclude(charging, credit, gateway.charge(charge));
    if (outcome instanceof PurchaseOutcome.Pending) {
      // The admin need not come back: the provider is asked again under the same key.
      settlements.publish(
          PurchaseSettlement.first(charging.orgId(), charging.purchaseId(), command.now()));
    }
    return outcome;
  }

  /**
   * Settles a purchase left open by an unclear answer, under its own key: credits it if the
   * provider charged it, closes it if declined, charges it if the provider never saw it, and
   * otherwise queues the next try of the back-off.
   */
  public SettlementOutcome settle(PurchaseSettlement settlement, Instant now) {
    if (settlement.notBefore().isAfter(now)) {
      // Queues delay a message by minutes at most; a back-off of hours is a chain of such hops.
      settlements.publish(settlement);
      return new SettlementOutcome.NotYetDue(settlement.notBefore());
    }
    Optional<CreditPurchase> found = store.purchase(settlement.orgId(), settlement.purchaseId());
    Optional<BalanceSnapshot> snapshot = store.snapshot(settlement.orgId());
    if (found.isEmpty() || snapshot.isEmpty()) {
      return new SettlementOutcome.NothingToDo("no such purchase");
    }
    CreditPurchase purchase = found.get();
    OrgAccount account = snapshot.get().account();
    PurchaseOutcome outcome =
        purchase.status() == CreditPurchase.Status.CHARGING
            ? reconcile(purchase, now, account)
            : ended(purchase, account);
    if (!(outcome instanceof PurchaseOutcome.Pending)) {
      return new SettlementOutcome.Settled(purchase, outcome);
    }
    Optional<PurchaseSettlement> next = settlement.next(now);
    if (next.isEmpty()) {
      return new SettlementOutcome.Unanswered(settlement.tries());
    }
    settlements.publish(next.get());
    return new SettlementOutcome.RetryScheduled(next.get().tries(), next.get().notBefore());
  }

  private PurchaseOutcome resume(
      CreditPurchase earlier, PurchaseCommand command, OrgAccount account) {
    if (!earlier.amount().equals(command.amount())) {
      return new PurchaseOutcome.Rejected(
          "this Idempotency-Key was used for a purchase of "
              + earlier.amount().toPlainString()
              + "; use a new key for a new purchase");
    }
    return earlier.status() == CreditPurchase.Status.CHARGING
        ? reconcile(earlier, command.now(), account)
        : ended(earlier, account);
  }

  /** How a purchase that is no longer CHARGING ended. */
  private static PurchaseOutcome ended(CreditPurchase purchase, OrgAccount account) {
    return switch (purchase.status()) {
      case SUCCEEDED ->
          new PurchaseOutcome.AlreadyPurchased(
              purchase.purchaseId(), purchase.amount(), account.balance());
      case DECLINED -> declined(purchase.declineKind(), purchase.code());
      case CHARGING -> throw new IllegalArgumentException("purchase still charging");
    };
  }

  /** A try may have charged the card: ask the provider under the same key before anything else. */
  private PurchaseOutcome reconcile(CreditPurchase charging, Instant now, OrgAccount account) {
    PaymentMethod card = account.autoRecharge().paymentMethod();
    if (card == null) {
      // The card was removed since: the provider cannot be asked about it yet.
      return new PurchaseOutcome.Pending(charging.purchaseId());
    }
    ChargeResult found = gateway.find(cardCharge(charging, account, card));
    if (found instanceof ChargeResult.NotFound) {
      // The provider never saw it (a consistent lookup): charging now under the same key is safe.
      found = gateway.charge(cardCharge(charging, account, card));
    }
    if (found instanceof ChargeResult.NotFound) {
      return new PurchaseOutcome.Pending(charging.purchaseId());
    }
    return conclude(charging, credit(charging, now, card), found);
  }

  private PurchaseOutcome conclude(CreditPurchase charging, Credit credit, ChargeResult result) {
    if (result instanceof ChargeResult.Succeeded succeeded) {
      CreditPurchase done = charging.succeeded(succeeded.paymentId());
      boolean credited = store.completePurchase(done, withPayment(credit, succeeded.paymentId()));
      var balance = store.snapshot(charging.orgId()).orElseThrow().account().balance();
      if (!credited) {
        return new PurchaseOutcome.AlreadyPurchased(
            charging.purchaseId(), charging.amount(), balance);
      }
      balanceChanges.publish(
          new BalanceChanged(charging.orgId(), BalanceChangeCause.PURCHASE, credit.at()));
      return new PurchaseOutcome.Purchased(charging.purchaseId(), charging.amount(), balance);
    }
    if (result instanceof ChargeResult.HardDecline decline) {
      return close(charging, DeclineKind.HARD, decline.code());
    }
    if (result instanceof ChargeResult.SoftDecline decline) {
      return close(charging, DeclineKind.SOFT, decline.code());
    }
    if (result instanceof ChargeResult.ProcessingError error) {
      return close(charging, DeclineKind.PROCESSING, error.code());
    }
    // No answer, or none yet: the card may be charged; the same key settles it later.
    return new PurchaseOutcome.Pending(charging.purchaseId());
  }

  private PurchaseOutcome close(CreditPurchase charging, DeclineKind kind, String code) {
    store.closePurchase(charging.declined(kind, code));
    return declined(kind, code);
  }

  private static PurchaseOutcome declined(DeclineKind kind, String code) {
    String what =
        switch (kind) {
          case HARD -> "the card was declined; put another card on file";
          case SOFT -> "the card was declined for now; try again later or use another card";
          case PROCESSING -> "the payment provider could not process the card; try again later";
        };
    String shown = code == null ? "" : code;
    return new PurchaseOutcome.Declined(kind, shown, what + " (" + shown + ")");
  }

  private static Credit credit(CreditPurchase purchase, Instant at, PaymentMethod card) {
    return new Credit(
        purchase.orgId(),
        EntryKind.PURCHASE,
        purchase.purchaseId(),
        purchase.amount(),
        at,
        "purchase " + (card == null ? "card" : card.displayName()));
  }

  private static Credit withPayment(Credit credit, String paymentId) {
    return new Credit(
        credit.orgId(),
        credit.kind(),
        credit.sourceId(),
        credit.amount(),
        credit.at(),
        credit.memo() + " payment " + paymentId);
  }

  private static CardCharge cardCharge(
      CreditPurchase purchase, OrgAccount account, PaymentMethod card) {
    return new CardCharge(
        purchase.orgId(),
        purchase.idempotencyKey(),
        purchase.amount(),
        card.token(),
        "Communications credits purchase for " + account.displayName());
  }
}
