package com.commcredits.domain.rating;

import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.calls.NumberType;
import java.util.Arrays;

/**
 * What a rate card prices: the kind of call, told apart by who called whom and, for inbound calls,
 * whether the org's number was toll or toll-free. Each has its own prices on a rate card.
 */
public enum RateClass {
  /** A meeting dialled out to an external number; priced by the number dialled. */
  CONF_OUT("conf_out"),
  /** A participant dialled in to a meeting's toll number; priced by that number's country. */
  CONF_IN_TOLL("conf_in_toll"),
  /** A participant dialled in to a meeting's toll-free number; the org pays. */
  CONF_IN_TOLL_FREE("conf_in_toll_free"),
  /** A calling-plan user placed a call; priced by the number dialled. */
  USER_OUT("user_out"),
  /** A calling-plan user received a call on a toll number. */
  USER_IN_TOLL("user_in_toll"),
  /** A calling-plan user received a call on a toll-free number; the org pays. */
  USER_IN_TOLL_FREE("user_in_toll_free");

  private final String code;

  RateClass(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static RateClass of(CallRecord call) {
    boolean tollFree = call.numberType() == NumberType.TOLL_FREE;
    return switch (call.callType()) {
      case CONF_OUT -> CONF_OUT;
      case USER_OUT -> USER_OUT;
      case CONF_IN -> tollFree ? CONF_IN_TOLL_FREE : CONF_IN_TOLL;
      case USER_IN -> tollFree ? USER_IN_TOLL_FREE : USER_IN_TOLL;
    };
  }

  public boolean outbound() {
    return this == CONF_OUT || this == USER_OUT;
  }

  public boolean conference() {
    return this == CONF_OUT || this == CONF_IN_TOLL || this == CONF_IN_TOLL_FREE;
  }

  /**
   * @throws IllegalArgumentException naming the accepted codes
   */
  public static RateClass fromCode(String code) {
    return Arrays.stream(values())
        .filter(c -> c.code.equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "rate class '"
                        + code
                        + "' is not one of "
                        + String.join(", ", Arrays.stream(values()).map(c -> c.code).toList())));
  }
}
