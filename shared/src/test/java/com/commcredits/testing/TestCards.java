package com.commcredits.testing;

import java.time.YearMonth;
import java.time.ZoneOffset;

/** Card details for tests that run against the system clock. */
public final class TestCards {

  /**
   * An expiry five years on: a fixed month such as 2031-12 would one day be in the past, and the
   * card refused as expired.
   */
  public static final String FAR_EXPIRY = YearMonth.now(ZoneOffset.UTC).plusYears(5).toString();

  private TestCards() {}
}
