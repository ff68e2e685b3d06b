package com.commcredits.domain.funding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the auto-recharge step to settle a credit purchase whose charge got no clear answer (a
 * timeout, a 5xx): the provider is asked under the purchase's own key, so the admin learns the
 * outcome without sending the request again. Carries only ids and the try: the purchase's state is
 * read when the request is handled, so duplicates and late arrivals are harmless.
 *
 * @param tries this is the how-manyth settlement of the purchase (1 for the first)
 */
public record PurchaseSettlement(String orgId, String purchaseId, Instant notBefore, int tries)
    implements FundingRequest {

  /**
   * How long after each unanswered try the next comes: about 7 hours in all, then operators are
   * alerted and the daily sweep asks once a day until the provider answers.
   */
  static final List<Duration> BACKOFF =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofHours(1),
          Duration.ofHours(6));

  /** The daily sweep settles a purchase open this long (its own messages may have been lost). */
  static final Duration SWEEP_AFTER = Duration.ofMinutes(15);

  /** A purchase open this long is reported to operators by the daily sweep. */
  static final Duration STUCK_AFTER = Duration.ofDays(1);

  public PurchaseSettlement {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(purchaseId, "purchaseId");
    Objects.requireNonNull(notBefore, "notBefore");
    if (tries < 1) {
      throw new IllegalArgumentException("tries start at 1, got " + tries);
    }
  }

  /** The first settlement of a purchase left open at {@code now}. */
  static PurchaseSettlement first(String orgId, String purchaseId, Instant now) {
    return new PurchaseSettlement(orgId, purchaseId, now.plus(BACKOFF.get(0)), 1);
  }

  /**
   * The daily sweep's one try for a purchase still open; it gives up (and alarms) if unanswered.
   */
  static PurchaseSettlement sweep(String orgId, String purchaseId, Instant now) {
    return new PurchaseSettlement(orgId, purchaseId, now, BACKOFF.size());
  }

  /** The try after this one went unanswered at {@code now}, or empty when the back-off is spent. */
  Optional<PurchaseSettlement> next(Instant now) {
    if (tries >= BACKOFF.size()) {
      return Optional.empty();
    }
    return Optional.of(
        new PurchaseSettlement(orgId, purchaseId, now.plus(BACKOFF.get(tries)), tries + 1));
  }
}
