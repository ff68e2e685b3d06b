package com.commcredits.domain.authorize;

/** Where each org's call restrictions are kept. */
public interface CallRestrictionsStore {

  /** The org's restrictions, or {@link CallRestrictions#NONE_SET} when its admins set none. */
  CallRestrictions of(String orgId);

  void save(String orgId, CallRestrictions restrictions);
}
