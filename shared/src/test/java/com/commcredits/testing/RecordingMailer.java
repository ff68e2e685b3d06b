package com.commcredits.testing;

import com.commcredits.domain.notification.Email;
import com.commcredits.domain.notification.Mailer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mailer that keeps what it sent, refuses the addresses it is told to refuse, and can fail the
 * next sends with a fault (as SES throttling would).
 */
public final class RecordingMailer implements Mailer {

  private final List<Email> sent = new ArrayList<>();
  private final Map<String, String> refused = new HashMap<>();
  private final Deque<RuntimeException> faults = new ArrayDeque<>();

  /** Sends to this address are rejected for good, with the reason. */
  public RecordingMailer refusing(String address, String reason) {
    refused.put(address, reason);
    return this;
  }

  /** The next send throws this fault. */
  public RecordingMailer failingNextWith(RuntimeException fault) {
    faults.add(fault);
    return this;
  }

  @Override
  public synchronized SendResult send(Email email) {
    if (!faults.isEmpty()) {
      throw faults.removeFirst();
    }
    for (String address : email.to()) {
      if (refused.containsKey(address)) {
        return new SendResult.PermanentlyRejected(refused.get(address));
      }
    }
    sent.add(email);
    return new SendResult.Sent("ses-" + sent.size());
  }

  public synchronized List<Email> sent() {
    return List.copyOf(sent);
  }
}
