package com.commcredits.adminapi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who a verified token is: an operator (a member of the operators group), an org admin (the org
 * claim names exactly one org), or neither, who reaches nothing. An operator's token that also
 * names an org is an operator.
 *
 * @param orgId the org of an org admin; {@code null} for operators and for tokens with no role
 */
record Caller(String subject, String email, Role role, String orgId) {

  enum Role {
    OPERATOR,
    ORG_ADMIN,
    NONE
  }

  /** Which claims carry the role: configured per issuer (Cognito's defaults, or one's own IdP). */
  record ClaimNames(String orgClaim, String groupsClaim, String operatorGroup) {
    static final ClaimNames COGNITO = new ClaimNames("custom:org", "cognito:groups", "operators");
  }

  private static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

  static Caller fromClaims(Map<String, String> claims, ClaimNames names) {
    String subject = claims.getOrDefault("sub", "");
    String email = claims.get("email");
    if (groups(claims.get(names.groupsClaim())).contains(names.operatorGroup())) {
      return new Caller(subject, email, Role.OPERATOR, null);
    }
    String org = claims.get(names.orgClaim());
    if (org != null && ORG_ID.matcher(org.strip()).matches()) {
      return new Caller(subject, email, Role.ORG_ADMIN, org.strip());
    }
    return new Caller(subject, email, Role.NONE, null);
  }

  /**
   * API Gateway hands array claims over as text, {@code [operators admins]}; other issuers send
   * JSON arrays or comma-separated lists. All read the same.
   */
  static List<String> groups(String claim) {
    if (claim == null || claim.isBlank()) {
      return List.of();
    }
    String inner = claim.strip();
    if (inner.startsWith("[") && inner.endsWith("]")) {
      inner = inner.substring(1, inner.length() - 1);
    }
    return Arrays.stream(inner.split("[\\s,]+"))
        .map(g -> g.replace("\"", "").strip())
        .filter(g -> !g.isEmpty())
        .toList();
  }

  boolean isOperator() {
    return role == Role.OPERATOR;
  }

  /** Operators reach every org; an org admin only its own. */
  boolean reaches(String org) {
    return isOperator() || (role == Role.ORG_ADMIN && orgId.equals(org));
  }

  /**
   * Whose idempotency keys these are: each org's admins share theirs, each operator has its own.
   */
  String replayScope() {
    return isOperator() ? "operator:" + subject : "org:" + orgId;
  }
}
