package com.commcredits.domain.rating;

import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The rate cards in force, one per currency, and the Zone A list the licences refer to. */
public final class RateCards {

  private final Map<Currency, RateCard> byCurrency;
  private final ZoneA zoneA;

  /**
   * @throws IllegalArgumentException if two cards price the same currency
   */
  public RateCards(Collection<RateCard> cards, ZoneA zoneA) {
    Map<Currency, RateCard> map = new HashMap<>();
    for (RateCard card : cards) {
      RateCard other = map.put(card.currency(), card);
      if (other != null) {
        throw new IllegalArgumentException(
            "cards " + other.ref() + " and " + card.ref() + " both price " + card.currency());
      }
    }
    this.byCurrency = Map.copyOf(map);
    this.zoneA = zoneA;
  }

  public Optional<RateCard> forCurrency(Currency currency) {
    return Optional.ofNullable(byCurrency.get(currency));
  }

  public Collection<RateCard> cards() {
    return byCurrency.values();
  }

  public ZoneA zoneA() {
    return zoneA;
  }
}
