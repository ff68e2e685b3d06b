package com.commcredits.domain.rating;

import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.money.Money;
import java.util.Objects;

/**
 * What a rated call costs the org's credits, with everything needed to trace the charge back to its
 * call record and the rate that priced it.
 *
 * @param amount what is debited from credits; zero when something else paid (a plan, a pool)
 * @param billedSeconds the connected time after rounding up to the rate's increments
 * @param ratePerMinute the price per minute that applied
 * @param connectionFee the one-off fee per call included in {@code amount}
 * @param rateRef which rate card, version and rate priced the call, e.g. {@code
 *     sample@1/conf_out/US}
 * @param destinationCountry ISO 3166-1 alpha-2 country of the number at the far end
 * @param international whether that country differs from the user's location
 * @param capability what paid, in the usage report's terms (e.g. {@code CommunicationsCredits})
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
    String capability) {

  public static final String CREDITS = "CommunicationsCredits";

  public CallCharge {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a call charge cannot be negative, got " + amount);
    }
    Objects.requireNonNull(ratePerMinute, "ratePerMinute");
    Objects.requireNonNull(connectionFee, "connectionFee");
    Objects.requireNonNull(rateRef, "rateRef");
    Objects.requireNonNull(destinationCountry, "destinationCountry");
    Objects.requireNonNull(capability, "capability");
  }

  public String orgId() {
    return call.orgId();
  }

  public String usageId() {
    return call.usageId();
  }
}
