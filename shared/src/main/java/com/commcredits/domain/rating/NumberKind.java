package com.commcredits.domain.rating;

import java.util.Arrays;

/**
 * Which numbers a rate applies to within its prefix, as libphonenumber classifies them. {@code ANY}
 * applies to every number of the prefix except premium-rate ones, which only {@code PREMIUM} rates
 * price: a premium-rate number is never charged at an ordinary rate.
 */
public enum NumberKind {
  ANY("any"),
  FIXED("fixed"),
  MOBILE("mobile"),
  TOLL_FREE("toll_free"),
  PREMIUM("premium");

  private final String code;

  NumberKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /**
   * @throws IllegalArgumentException naming the accepted codes
   */
  public static NumberKind fromCode(String code) {
    return Arrays.stream(values())
        .filter(k -> k.code.equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "number kind '"
                        + code
                        + "' is not one of any, fixed, mobile, toll_free, premium"));
  }
}
