package com.commcredits.domain.funding;

import com.commcredits.domain.money.Money;

/** What a credit purchase came to, by what the admin (and the Admin API) should do next. */
public sealed interface PurchaseOutcome {

  /** The card was charged and the balance credited, now. */
  record Purchased(String purchaseId, Money amount, Money newBalance) implements PurchaseOutcome {}

  /** This purchase id was bought before: nothing was charged or credited again. */
  record AlreadyPurchased(String purchaseId, Money amount, Money balance)
      implements PurchaseOutcome {}

  /**
   * The provider refused the charge; nothing was charged or credited.
   *
   * @param code the provider's decline code, e.g. {@code expired_card} (may be empty)
   * @param reason what the admin reads: why, and what to do
   */
  record Declined(DeclineKind kind, String code, String reason) implements PurchaseOutcome {}

  /**
   * The provider gave no clear answer (a timeout, a 5xx): the card may have been charged. The
   * purchase stays open and is reconciled under the same purchase id (send the request again with
   * the same {@code Idempotency-Key}); a new key would risk a second charge.
   */
  record Pending(String purchaseId) implements PurchaseOutcome {}

  /** The request cannot be bought as asked (unknown org, no card on file, wrong currency…). */
  record Rejected(String reason) implements PurchaseOutcome {}

  /** Why a charge was refused, by what the admin should do. */
  enum DeclineKind {
    /** Expired, lost, stolen or declined card: put another card on file. */
    HARD,
    /** Insufficient funds and the like: try later, or another card. */
    SOFT,
    /** The provider could not process the card: try again later with a new request. */
    PROCESSING
  }
}
