package com.commcredits.domain.admin;

import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.PauseReason;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.balance.BalanceChangeCause;
import com.commcredits.domain.balance.BalanceChanged;
import com.commcredits.domain.balance.BalanceChangedPublisher;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.CreditOutcome;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.ledger.Ledger;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * What an org admin does to an account: open it, add funds, set auto-recharge, update the card.
 * Every change that can move the balance or unblock a recharge is announced to the balance check.
 */
public final class AccountAdministration {

  /**
   * The org id that SnapStart priming runs the functions' real paths on before a snapshot (reads
   * that find nothing, writes whose conditions fail): no account may ever be opened under it, or
   * priming would read and act on a real account.
   */
  public static final String PRIMING_ORG = "snapstart-priming";

  private final Accounts accounts;
  private final Ledger ledger;
  private final BalanceChangedPublisher balanceChanges;

  public AccountAdministration(
      Accounts accounts, Ledger ledger, BalanceChangedPublisher balanceChanges) {
    this.accounts = accounts;
    this.ledger = ledger;
    this.balanceChanges = balanceChanges;
  }

  /**
   * An account opened with the recommended amounts preset (auto-recharge off until a card), its
   * credit-funded services waiting for the first funds.
   */
  public record Opened(OrgAccount account, RecommendedFunding recommended, boolean created) {}

  /**
   * @throws IllegalArgumentException with the reason, if the org id is reserved or the account
   *     breaks a rule of {@link OrgAccount}
   */
  public Opened openAccount(
      String orgId,
      String displayName,
      Currency currency,
      Language language,
      List<String> adminEmails,
      int licensedUsers,
      Instant now) {
    if (isReserved(orgId)) {
      throw new IllegalArgumentException(
          "orgId '" + orgId + "' is reserved (the functions' start-up checks run on it)");
    }
    RecommendedFunding recommended = RecommendedFunding.forLicensedUsers(licensedUsers);
    // The seed's amounts are in USD; other currencies take the same figures as a starting point.
    Money deposit = Money.of(recommended.initialDeposit().toBigDecimal(), currency);
    Money trigger = Money.of(recommended.trigger().toBigDecimal(), currency);
    OrgAccount account =
        new OrgAccount(
            orgId,
            displayName,
            currency,
            Money.zero(currency),
            // Nothing credit-funded works on an empty balance; the first funds switch it on.
            ServiceState.SUSPENDED,
            language,
            adminEmails,
            licensedUsers,
            AutoRecharge.off(deposit, trigger),
            now,
            OrgLicences.NONE);
    boolean created = accounts.open(account);
    return new Opened(created ? account : accounts.find(orgId).orElseThrow(), recommended, created);
  }

  /** Whether no account may be opened under {@code orgId}. */
  public static boolean isReserved(String orgId) {
    return PRIMING_ORG.equals(orgId);
  }

  /**
   * Assigns the org's licences: per-user audio conferencing and calling plans, whose minute pools
   * pay for calls before credits do.
   *
   * @throws IllegalArgumentException if the org is unknown
   */
  public void setLicences(String orgId, OrgLicences licences) {
    if (!accounts.updateLicences(orgId, licences)) {
      throw new IllegalArgumentException("unknown org '" + orgId + "'");
    }
  }

  /** A one-time deposit or funds added by hand; {@code depositId} makes it count once. */
  public CreditOutcome addFunds(String orgId, String depositId, Money amount, Instant now) {
    CreditOutcome outcome =
        ledger.credit(new Credit(orgId, EntryKind.DEPOSIT, depositId, amount, now, "deposit"));
    if (!(outcome instanceof CreditOutcome.UnknownAccount)) {
      balanceChanges.publish(new BalanceChanged(orgId, BalanceChangeCause.DEPOSIT, now));
    }
    return outcome;
  }

  /**
   * Sets auto-recharge and its monthly cap ({@code null} for none). Turning it off stops every
   * pending retry (the recharge step cancels them).
   *
   * @throws IllegalArgumentException if it is turned on without a card on file, or the org is
   *     unknown
   */
  public OrgAccount setAutoRecharge(
      String orgId, boolean enabled, Money amount, Money trigger, Money monthlyCap, Instant now) {
    OrgAccount account = existing(orgId);
    AutoRecharge current = account.autoRecharge();
    PauseReason pause =
        current.pausedReason() != null && current.pausedReason().liftedByRechargeSetting()
            ? null
            : current.pausedReason();
    AutoRecharge updated =
        new AutoRecharge(enabled, amount, trigger, current.paymentMethod(), pause);
    accounts.updateAutoRecharge(orgId, updated);
    accounts.updateMonthlyCap(orgId, monthlyCap);
    balanceChanges.publish(new BalanceChanged(orgId, BalanceChangeCause.AUTO_RECHARGE_SET, now));
    return existing(orgId);
  }

  /** Puts a new card on file, which lifts a pause caused by a declined card. */
  public OrgAccount updatePaymentMethod(String orgId, PaymentMethod card, Instant now) {
    OrgAccount account = existing(orgId);
    AutoRecharge current = account.autoRecharge();
    accounts.updateAutoRecharge(
        orgId,
        new AutoRecharge(current.enabled(), current.amount(), current.trigger(), card, null));
    balanceChanges.publish(
        new BalanceChanged(orgId, BalanceChangeCause.PAYMENT_METHOD_UPDATED, now));
    return existing(orgId);
  }

  private OrgAccount existing(String orgId) {
    return accounts
        .find(orgId)
        .orElseThrow(() -> new IllegalArgumentException("unknown org '" + orgId + "'"));
  }
}
