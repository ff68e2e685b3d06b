package com.commcredits.domain.calls;

/** A call record that breaks the contract; the message is the reason shown to admins. */
public final class InvalidCallRecord extends IllegalArgumentException {
  public InvalidCallRecord(String reason) {
    super(reason);
  }
}
