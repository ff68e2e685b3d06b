package com.commcredits.domain.calls;

import java.util.Arrays;
import java.util.Locale;

/** Whether the org's number in the call is a toll or a toll-free number. */
public enum NumberType {
  TOLL("toll"),
  TOLL_FREE("toll_free");

  private final String code;

  NumberType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /**
   * @throws IllegalArgumentException naming the accepted codes
   */
  public static NumberType fromCode(String code) {
    String wanted = code.toLowerCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values())
        .filter(t -> t.code.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "numberType '" + code + "' is not one of toll, toll_free"));
  }
}
