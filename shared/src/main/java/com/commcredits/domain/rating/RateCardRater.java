package com.commcredits.domain.rating;

import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.licences.MinutePool;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.licences.PoolDraw;
import com.commcredits.domain.licences.PoolUsage;
import com.commcredits.domain.money.Money;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Rates calls with the card of the org's currency and the org's licences:
 *
 * <ol>
 *   <li>Emergency numbers are never charged.
 *   <li>Toll dial-in is included for orgs with per-user audio conferencing licences.
 *   <li>The rate is the card's longest-prefix match for the number's kind (else for any kind) in
 *       effect at the call's start. Premium-rate numbers only match premium rates; a card without
 *       one refuses them.
 *   <li>A matching pool (meeting dial-out to Zone A; a calling plan's domestic or international
 *       pool for the user's country) covers whole started minutes while it lasts; credits pay the
 *       rest, in the rate's following increments, with the connection fee.
 * </ol>
 */
public final class RateCardRater implements CallRater {

  private final RateCards cards;
  private final Destinations destinations;

  public RateCardRater(RateCards cards) {
    this(cards, new Destinations());
  }

  public RateCardRater(RateCards cards, Destinations destinations) {
    this.cards = cards;
    this.destinations = destinations;
  }

  public static YearMonth monthOf(CallRecord call) {
    return YearMonth.from(call.startTime().atOffset(ZoneOffset.UTC));
  }

  @Override
  public RatingOutcome rate(CallRecord call, OrgAccount account, PoolUsage usage) {
    RateCard card = cards.forCurrency(account.currency()).orElse(null);
    if (card == null) {
      return new RatingOutcome.Unratable("no rate card prices calls in " + account.currency());
    }
    Money zero = Money.zero(card.currency());
    RateClass rateClass = RateClass.of(call);
    String number = call.destinationNumber();
    if (rateClass.outbound() && destinations.isEmergency(number, call.userLocation())) {
      return rated(
          call,
          zero,
          0,
          zero,
          zero,
          card.ref() + "/emergency",
          call.userLocation(),
          false,
          CallCharge.EMERGENCY,
          Optional.empty(),
          DestinationKind.EMERGENCY,
          false);
    }
    Destination destination = destinations.classify(number).orElse(null);
    if (destination == null) {
      return new RatingOutcome.Unratable(
          "number "
              + CallRecord.masked(number)
              + " is not a valid number in libphonenumber's numbering plan; not charged");
    }
    boolean international = !destination.country().equals(call.userLocation());
    OrgLicences licences = account.licences();
    if (rateClass == RateClass.CONF_IN_TOLL && !licences.isPayPerMinute()) {
      return rated(
          call,
          zero,
          0,
          zero,
          zero,
          card.ref() + "/" + rateClass.code() + "/included",
          destination.country(),
          international,
          OrgLicences.AUDIO_CONFERENCING,
          Optional.empty(),
          destination.kind(),
          false);
    }
    Rate rate = card.find(rateClass, destination, call.startTime()).orElse(null);
    if (rate == null) {
      return new RatingOutcome.Unratable(noRate(card, rateClass, destination, call));
    }
    boolean premium = rate.kind() == NumberKind.PREMIUM;
    if (rate.action() == Rate.Action.REJECT) {
      return new RatingOutcome.Unratable(
          (premium ? "premium-rate destination " : "destination ")
              + CallRecord.masked(number)
              + " is refused by rate "
              + card.ref()
              + "/"
              + rate.ref()
              + " (line "
              + rate.line()
              + "); not charged");
    }
    Optional<MinutePool> pool =
        premium ? Optional.empty() : pool(rateClass, destination, international, call, licences);
    return split(call, card, rate, destination, international, premium, pool, usage);
  }

  private RatingOutcome split(
      CallRecord call,
      RateCard card,
      Rate rate,
      Destination destination,
      boolean international,
      boolean premium,
      Optional<MinutePool> pool,
      PoolUsage usage) {
    long seconds = call.durationSeconds();
    Optional<PoolDraw> draw = Optional.empty();
    long creditedSeconds = rate.increments().billed(seconds);
    if (pool.isPresent() && seconds > 0) {
      YearMonth month = monthOf(call);
      if (!usage.month().equals(month) || !usage.orgId().equals(call.orgId())) {
        throw new IllegalArgumentException(
            "pool usage of "
                + usage.orgId()
                + " "
                + usage.month()
                + " given for a call of "
                + call.orgId()
                + " in "
                + month);
      }
      MinutePool p = pool.get();
      long callMinutes = (seconds + 59) / 60;
      long left = Math.max(0, p.minutes() - usage.used(p.poolId()));
      long taken = Math.min(callMinutes, left);
      if (taken > 0) {
        draw = Optional.of(new PoolDraw(p.poolId(), p.capability(), month, taken, p.minutes()));
        creditedSeconds =
            taken == callMinutes ? 0 : rate.increments().billedRest(seconds - taken * 60);
      }
    }
    Money amount = rate.cost(creditedSeconds);
    Money fee = creditedSeconds > 0 ? rate.connectionFee() : Money.zero(card.currency());
    String capability = CallCharge.CREDITS;
    if (draw.isPresent()) {
      capability =
          creditedSeconds > 0
              ? draw.get().capability() + "+" + CallCharge.CREDITS
              : draw.get().capability();
    }
    return rated(
        call,
        amount,
        creditedSeconds,
        rate.pricePerMinute(),
        fee,
        card.ref() + "/" + rate.ref(),
        destination.country(),
        international,
        capability,
        draw,
        destination.kind(),
        premium);
  }

  private Optional<MinutePool> pool(
      RateClass rateClass,
      Destination destination,
      boolean international,
      CallRecord call,
      OrgLicences licences) {
    return switch (rateClass) {
      case CONF_OUT ->
          cards.zoneA().contains(destination.country())
              ? licences.conferencingDialOutPool()
              : Optional.empty();
      case USER_OUT ->
          international
              ? licences.internationalPool(call.userLocation())
              : licences.domesticPool(call.userLocation());
      default -> Optional.empty();
    };
  }

  private static String noRate(
      RateCard card, RateClass rateClass, Destination destination, CallRecord call) {
    String kind = destination.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return (destination.kind() == DestinationKind.PREMIUM_RATE
            ? "premium-rate destination "
                + CallRecord.masked(call.destinationNumber())
                + " has no premium rate on card "
            : "no rate for "
                + rateClass.code()
                + " to "
                + kind
                + " numbers in "
                + destination.country()
                + " on card ")
        + card.ref()
        + " in effect at "
        + call.startTime()
        + "; not charged";
  }

  private static RatingOutcome rated(
      CallRecord call,
      Money amount,
      long billedSeconds,
      Money ratePerMinute,
      Money connectionFee,
      String rateRef,
      String country,
      boolean international,
      String capability,
      Optional<PoolDraw> draw,
      DestinationKind kind,
      boolean premium) {
    return new RatingOutcome.Rated(
        new CallCharge(
            call,
            amount,
            billedSeconds,
            ratePerMinute,
            connectionFee,
            rateRef,
            country,
            international,
            capability,
            draw,
            kind,
            premium));
  }
}
