package com.commcredits.domain.calls;

import java.util.Arrays;
import java.util.Locale;

/** What kind of call a record describes, in the usage report's own codes. */
public enum CallType {
  /** A participant dialled in to a meeting's conference number. */
  CONF_IN("conf_in", Direction.INBOUND),
  /** A meeting dialled out to an external number. */
  CONF_OUT("conf_out", Direction.OUTBOUND),
  /** A calling-plan user received a call. */
  USER_IN("user_in", Direction.INBOUND),
  /** A calling-plan user placed a call. */
  USER_OUT("user_out", Direction.OUTBOUND);

  public enum Direction {
    INBOUND,
    OUTBOUND
  }

  private final String code;
  private final Direction direction;

  CallType(String code, Direction direction) {
    this.code = code;
    this.direction = direction;
  }

  public String code() {
    return code;
  }

  public Direction direction() {
    return direction;
  }

  public boolean isConference() {
    return this == CONF_IN || this == CONF_OUT;
  }

  /**
   * @throws IllegalArgumentException naming the accepted codes
   */
  public static CallType fromCode(String code) {
    String wanted = code.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(t -> t.code.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "callType '" + code + "' is not one of conf_in, conf_out, user_in, user_out"));
  }
}
