package com.commcredits.domain.rating;

import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.calls.CallRecord;
import java.util.Currency;
import java.util.Map;

/** Rates each org's calls with the card of the org's billing currency. */
public final class RateCardsByCurrency implements CallRater {

  private final Map<Currency, CallRater> cards;

  public RateCardsByCurrency(Map<Currency, CallRater> cards) {
    this.cards = Map.copyOf(cards);
  }

  @Override
  public RatingOutcome rate(CallRecord call, OrgAccount account) {
    CallRater card = cards.get(account.currency());
    if (card == null) {
      return new RatingOutcome.Unratable("no rate card prices calls in " + account.currency());
    }
    return card.rate(call, account);
  }
}
