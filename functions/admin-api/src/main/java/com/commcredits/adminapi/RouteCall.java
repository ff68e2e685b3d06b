package com.commcredits.adminapi;

import com.commcredits.domain.account.OrgAccount;
import java.time.Instant;
import java.util.Map;

/**
 * A request matched to its route and let through: the caller, the path parameters, the org it is
 * about (already checked against the caller; {@code null} for routes about no org) and the time.
 *
 * @param idempotencyKey the validated key of a state-changing request, else {@code null}
 */
record RouteCall(
    ApiRequest request,
    Caller caller,
    Map<String, String> parameters,
    OrgAccount account,
    String idempotencyKey,
    Instant now) {

  String parameter(String name) {
    return parameters.get(name);
  }
}
