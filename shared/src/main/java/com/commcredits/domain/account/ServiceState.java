package com.commcredits.domain.account;

/**
 * Whether an org's credit-funded services (toll-free numbers and dial-out) work. They are suspended
 * when the balance reaches zero and resume when funds arrive.
 */
public enum ServiceState {
  ACTIVE,
  SUSPENDED
}
