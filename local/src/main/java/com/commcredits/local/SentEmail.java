package com.commcredits.local;

import java.time.Instant;
import java.util.List;

/**
 * An email as the SES emulator recorded it.
 *
 * @param textBody the text part, empty when the mail has none
 * @param htmlBody the HTML part, empty when the mail has none
 * @param at when the emulator accepted it (whole seconds)
 */
public record SentEmail(
    String from, List<String> to, String subject, String textBody, String htmlBody, Instant at) {

  public SentEmail {
    to = List.copyOf(to);
  }
}
