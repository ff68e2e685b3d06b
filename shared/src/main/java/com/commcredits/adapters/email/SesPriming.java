package com.commcredits.adapters.email;

import com.commcredits.domain.notification.Mailer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/** SnapStart priming for SES: a send SES rejects (see {@code Priming}). */
public final class SesPriming {

  /** What the priming mailer answers for the send SES rejected. */
  public static final String PRIMING_MESSAGE_ID = "snapstart-priming";

  private SesPriming() {}

  /**
   * An email with no recipient and no subject: SES rejects the request ({@code BadRequest}) and
   * sends nothing. (The local SES emulator accepts a send without recipients; without a subject it
   * refuses it too, so nothing reaches its store.)
   */
  public static void rejectedSend(SesV2Client ses, String sender) {
    rejectedSend(ses, sender, "priming", "<p>priming</p>");
  }

  /**
   * A mailer for a priming run of the send-email path: each rendered email goes to SES as {@link
   * SesMailer} sends it, but with no recipient and no subject, so SES rejects it; it answers as if
   * sent, so that priming goes on into the path a sent email takes.
   */
  public static Mailer rejectingMailer(SesV2Client ses, String sender) {
    return email -> {
      rejectedSend(ses, sender, email.textBody(), email.htmlBody());
      return new Mailer.SendResult.Sent(PRIMING_MESSAGE_ID);
    };
  }

  private static void rejectedSend(SesV2Client ses, String sender, String text, String html) {
    SendEmailRequest request =
        SendEmailRequest.builder()
            .fromEmailAddress(sender)
            .destination(Destination.builder().toAddresses(List.of()).build())
            .content(
                EmailContent.builder()
                    .simple(
                        Message.builder()
                            .body(Body.builder().text(utf8(text)).html(utf8(html)).build())
                            .build())
                    .build())
            .build();
    try {
      ses.sendEmail(request);
    } catch (SdkException expected) {
      // BadRequestException (no destination, no subject), as intended.
    }
  }

  private static Content utf8(String data) {
    return Content.builder().data(data).charset(StandardCharsets.UTF_8.name()).build();
  }
}
