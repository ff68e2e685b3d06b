package com.commcredits.domain.account;

import java.util.regex.Pattern;

/**
 * The one rule for org ids, shared by accounts and call records: 3-64 characters of {@code a-z},
 * {@code 0-9} and {@code -}, starting with a letter or digit. Every id built from it (ledger
 * entries, recharge attempts, provider idempotency keys, notification ids) then fits its own
 * format, so nothing can fail on the id after a card is charged.
 */
public final class OrgIds {

  public static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

  private OrgIds() {}

  public static boolean isValid(String orgId) {
    return orgId != null && ORG_ID.matcher(orgId).matches();
  }

  /**
   * @throws IllegalArgumentException with the reason, if the id breaks the rule
   */
  public static String require(String orgId) {
    if (!isValid(orgId)) {
      throw new IllegalArgumentException(
          "orgId must be 3-64 characters of a-z, 0-9 and '-', got " + quoted(orgId));
    }
    return orgId;
  }

  static String quoted(String value) {
    if (value == null) {
      return "nothing";
    }
    String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
    return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
