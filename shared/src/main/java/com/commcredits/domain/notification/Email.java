package com.commcredits.domain.notification;

import java.util.List;
import java.util.Objects;

/**
 * One email to an org's admins. Anything that ends up in a header (recipients, subject) must not
 * contain CR or LF, so that no content can add headers.
 */
public record Email(List<String> to, String subject, String textBody, String htmlBody) {

  public Email {
    to = List.copyOf(to);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("an email needs at least one recipient");
    }
    to.forEach(address -> requireHeaderSafe("recipient", address));
    requireHeaderSafe("subject", subject);
    Objects.requireNonNull(textBody, "textBody");
    Objects.requireNonNull(htmlBody, "htmlBody");
  }

  private static void requireHeaderSafe(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(field + " must not contain line breaks");
    }
  }
}
