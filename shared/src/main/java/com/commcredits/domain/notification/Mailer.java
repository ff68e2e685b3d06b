package com.commcredits.domain.notification;

/** Sends emails. */
public interface Mailer {

  /**
   * @return {@link SendResult.Sent} with the provider's message id, or {@link
   *     SendResult.PermanentlyRejected} when retrying cannot help (e.g. an address the provider
   *     refuses); throws only for faults worth a retry (throttling, network)
   */
  SendResult send(Email email);

  sealed interface SendResult {
    record Sent(String messageId) implements SendResult {}

    record PermanentlyRejected(String reason) implements SendResult {}
  }
}
