package com.commcredits.domain.rating;

import java.util.List;

/**
 * What kind of number a call reached, as libphonenumber tells it, and which kinds of rate may price
 * it, in order: a rate for the number's own kind beats a rate for any kind.
 */
public enum DestinationKind {
  FIXED(List.of(NumberKind.FIXED, NumberKind.ANY)),
  MOBILE(List.of(NumberKind.MOBILE, NumberKind.ANY)),
  /** Where the numbering plan cannot tell (the US, Canada): priced as fixed. */
  FIXED_OR_MOBILE(List.of(NumberKind.FIXED, NumberKind.ANY)),
  TOLL_FREE(List.of(NumberKind.TOLL_FREE, NumberKind.ANY)),
  /** Emergency services: never charged, never drawn from a pool. */
  EMERGENCY(List.of()),
  /** Never priced by an ordinary rate: only a premium rate may price it, or the call is refused. */
  PREMIUM_RATE(List.of(NumberKind.PREMIUM)),
  /** Shared-cost, VoIP, personal, UAN, pager and voicemail numbers. */
  OTHER(List.of(NumberKind.ANY));

  private final NumberKind[] rateKinds;

  DestinationKind(List<NumberKind> rateKinds) {
    this.rateKinds = rateKinds.toArray(NumberKind[]::new);
  }

  /** The rate kinds that may price this destination, in order of preference. */
  NumberKind[] rateKinds() {
    return rateKinds;
  }
}
