package com.commcredits.domain.funding;

import com.commcredits.domain.account.OrgAccount;

/** An org's account and funding state, read together. */
public record BalanceSnapshot(OrgAccount account, FundingState funding) {}
