package com.commcredits.domain.rating;

import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.licences.PoolDraw;
import com.commcredits.domain.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rated call costs, split between the licence pool that covered part of it and the org's
 * credits, with everything needed to trace the charge back to its call record and the rate and card
 * version that priced it.
 *
 * @param amount what is debited from credits, in the account's currency; never negative, zero when
 *     something else paid (a pool, an included licence, an emergency call)
 * @param billedSeconds the seconds credits pay for, after rounding up to the rate's increments;
 *     excludes the minutes a pool covered
 * @param ratePerMinute the price per minute of the rate that applied (zero if none applied)
 * @param connectionFee the one-off fee included in {@code amount} (zero when credits paid nothing)
 * @param rateRef which card, card version and rate priced the call, e.g. {@code
 *     sample-usd@2026.1/conf_out/44/mobile@2026-01-01T00:00:00Z}
 * @param destinationCountry ISO 3166-1 alpha-2 country of the number at the far end ({@code 001}
 *     for non-geographic numbers)
 * @param international whether that country differs from the user's location
 * @param capability what paid, in the usage report's terms: {@code CommunicationsCredits}, a
 *     licence ({@code AudioConferencing}, {@code DomesticCallingPlan(DE)}), or a pool and credits
 *     together ({@code AudioConferencing+CommunicationsCredits})
 * @param poolDraw the minutes taken from a licence pool, if any
 * @param destinationKind what the number is: fixed, mobile, toll-free, premium-rate, emergency
 * @param premium whether a premium-rate destination or rate priced the call (flagged, never silent)
 */
public record CallCharge(
    CallRecord call,
    Money amount,
    long billedSeconds,
    Money ratePerMinute,
    Money connectionFee,
    String rateRef,
    String destinationCountry,
    boolean international,
    String capability,
    Optional<PoolDraw> poolDraw,
    DestinationKind destinationKind,
    boolean premium) {

  public static final String CREDITS = "CommunicationsCredits";
  public static final String EMERGENCY = "Emergency";

  public CallCharge {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a call charge cannot be negative, got " + amount);
    }
    if (billedSeconds < 0) {
      throw new IllegalArgumentException("billed seconds cannot be negative");
    }
    Objects.requireNonNull(ratePerMinute, "ratePerMinute");
    Objects.requireNonNull(connectionFee, "connectionFee");
    Objects.requireNonNull(rateRef, "rateRef");
    Objects.requireNonNull(destinationCountry, "destinationCountry");
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(poolDraw, "poolDraw");
    Objects.requireNonNull(destinationKind, "destinationKind");
  }

  public String orgId() {
    return call.orgId();
  }

  public String usageId() {
    return call.usageId();
  }

  /** Minutes a licence pool covered; 0 when credits (or nothing) paid. */
  public long poolMinutes() {
    return poolDraw.map(PoolDraw::minutes).orElse(0L);
  }
}
