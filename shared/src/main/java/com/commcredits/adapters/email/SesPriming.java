package com.commcredits.adapters.email;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** SnapStart priming for SES: a send SES rejects (see {@code Priming}). */
public final class SesPriming {

  private SesPriming() {}

  /** An email with no recipient at all: SES rejects the request and sends nothing. */
  public static void rejectedSend(SesV2Client ses, String sender) {
    try {
      ses.sendEmail(
          e ->
              e.fromEmailAddress(sender)
                  .content(
                      c ->
                          c.simple(
                              s ->
                                  s.subject(d -> d.data("priming"))
                                      .body(b -> b.text(d -> d.data("priming"))))));
    } catch (SdkException expected) {
      // BadRequestException (no destination), as intended.
    }
  }
}
