package com.commcredits.domain.rating;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A rate card: the prices of one currency, by rate class and destination prefix, with dates from
 * which they apply. A call's rate is a rate for the number's own kind if the card has one in effect
 * at the call's start on some prefix of the number, else a rate for any kind; among those, the
 * longest prefix wins (see {@link #find}). Lookup walks a digit trie: at most 15 steps per kind, no
 * allocation.
 *
 * @param cardId names the card in every charge it prices, e.g. {@code sample-usd}
 * @param version the card's version, recorded with every charge, e.g. {@code 2026.1}
 */
public final class RateCard {

  private final String cardId;
  private final String version;
  private final Currency currency;
  private final Map<RateClass, Node> roots = new EnumMap<>(RateClass.class);
  private final int size;

  /**
   * @throws IllegalArgumentException if a rate is in another currency or two rates share class,
   *     prefix, kind and start
   */
  public RateCard(String cardId, String version, Currency currency, List<Rate> rates) {
    this.cardId = Objects.requireNonNull(cardId, "cardId");
    this.version = Objects.requireNonNull(version, "version");
    this.currency = Objects.requireNonNull(currency, "currency");
    for (Rate rate : rates) {
      if (!rate.pricePerMinute().currency().equals(currency)) {
        throw new IllegalArgumentException(
            "rate "
                + rate.ref()
                + " is in "
                + rate.pricePerMinute().currency()
                + ", not "
                + currency);
      }
      Node node = roots.computeIfAbsent(rate.rateClass(), c -> new Node());
      for (int i = 0; i < rate.prefix().length(); i++) {
        node = node.child(rate.prefix().charAt(i) - '0');
      }
      node.add(rate);
    }
    roots.values().forEach(Node::seal);
    this.size = rates.size();
  }

  public String cardId() {
    return cardId;
  }

  public String version() {
    return version;
  }

  public Currency currency() {
    return currency;
  }

  public int size() {
    return size;
  }

  /** {@code sample-usd@2026.1}. */
  public String ref() {
    return cardId + "@" + version;
  }

  /**
   * The rate that prices a call of this class to this destination starting at {@code at}: of the
   * rate kinds that fit the number (its own kind first, then any), the first that has a rate in
   * effect on some prefix of the number, and of that kind the rate of the longest prefix.
   */
  public Optional<Rate> find(RateClass rateClass, Destination destination, Instant at) {
    Node root = roots.get(rateClass);
    if (root == null) {
      return Optional.empty();
    }
    String digits = destination.digits();
    for (NumberKind kind : destination.kind().rateKinds()) {
      Node node = root;
      Rate best = node.inEffect(kind, at);
      for (int i = 0; i < digits.length() && node.children != null; i++) {
        node = node.children[digits.charAt(i) - '0'];
        if (node == null) {
          break;
        }
        Rate found = node.inEffect(kind, at);
        if (found != null) {
          best = found;
        }
      }
      if (best != null) {
        return Optional.of(best);
      }
    }
    return Optional.empty();
  }

  private static final class Node {
    private Node[] children;

    /** Per number kind, the rates in order of their start. */
    private final Rate[][] byKind = new Rate[NumberKind.values().length][];

    private final List<Rate> pending = new ArrayList<>();

    Node child(int digit) {
      if (children == null) {
        children = new Node[10];
      }
      if (children[digit] == null) {
        children[digit] = new Node();
      }
      return children[digit];
    }

    void add(Rate rate) {
      for (Rate other : pending) {
        if (other.kind() == rate.kind() && other.effectiveFrom().equals(rate.effectiveFrom())) {
          throw new IllegalArgumentException(
              "line "
                  + rate.line()
                  + ": duplicate of line "
                  + other.line()
                  + " ("
                  + rate.ref()
                  + ")");
        }
      }
      pending.add(rate);
    }

    void seal() {
      for (NumberKind kind : NumberKind.values()) {
        Rate[] rates =
            pending.stream()
                .filter(r -> r.kind() == kind)
                .sorted(Comparator.comparing(Rate::effectiveFrom))
                .toArray(Rate[]::new);
        byKind[kind.ordinal()] = rates.length == 0 ? null : rates;
      }
      pending.clear();
      if (children != null) {
        for (Node child : children) {
          if (child != null) {
            child.seal();
          }
        }
      }
    }

    Rate inEffect(NumberKind kind, Instant at) {
      Rate[] rates = byKind[kind.ordinal()];
      if (rates != null) {
        for (int i = rates.length - 1; i >= 0; i--) {
          if (!rates[i].effectiveFrom().isAfter(at)) {
            return rates[i];
          }
        }
      }
      return null;
    }
  }
}
