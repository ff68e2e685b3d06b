package com.commcredits.testing;

import com.commcredits.domain.authorize.CallRestrictions;
import com.commcredits.domain.authorize.CallRestrictionsStore;
import java.util.HashMap;
import java.util.Map;

public final class InMemoryCallRestrictions implements CallRestrictionsStore {

  private final Map<String, CallRestrictions> byOrg = new HashMap<>();

  @Override
  public synchronized CallRestrictions of(String orgId) {
    return byOrg.getOrDefault(orgId, CallRestrictions.NONE_SET);
  }

  @Override
  public synchronized void save(String orgId, CallRestrictions restrictions) {
    byOrg.put(orgId, restrictions);
  }
}
