package com.commcredits.adapters.email;

import com.commcredits.domain.notification.Email;
import com.commcredits.domain.notification.Mailer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Sends emails with SES v2 {@code SendEmail}, as a structured simple message (subject, text and
 * HTML parts, UTF-8), so that SES writes every header itself. Addresses are checked here, because
 * the local SES emulator accepts malformed ones.
 *
 * <p>A rejection that no retry can fix (the message or an address refused, the sending identity
 * unverified or unknown, the account suspended) is a {@link SendResult.PermanentlyRejected}.
 * Throttling, quota ({@code TooManyRequests}, {@code LimitExceeded}), a paused account and server
 * errors are thrown, so that SQS brings the message back.
 */
public final class SesMailer implements Mailer {

  /** A plain address: one {@code @}, a dotted domain, no spaces, brackets or line breaks. */
  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  private static final Pattern ANY_ADDRESS = Pattern.compile("[^\\s@:,;<>]+@[^\\s@:,;<>]+");

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final SesV2Client ses;
  private final String from;

  /**
   * @throws IllegalArgumentException at start-up if the sender is not a plain address
   */
  public SesMailer(SesV2Client ses, String from) {
    this.ses = Objects.requireNonNull(ses, "ses");
    if (from == null || !isAddress(from)) {
      throw new IllegalArgumentException(
          "sender email must be a plain address such as billing@example.com");
    }
    this.from = from;
  }

  static boolean isAddress(String address) {
    return address.length() <= 254 && ADDRESS.matcher(address).matches();
  }

  @Override
  public SendResult send(Email email) {
    for (String recipient : email.to()) {
      if (!isAddress(recipient)) {
        return new SendResult.PermanentlyRejected("a recipient address is malformed");
      }
    }
    SendEmailRequest request =
        SendEmailRequest.builder()
            .fromEmailAddress(from)
            .destination(Destination.builder().toAddresses(email.to()).build())
            .content(
                EmailContent.builder()
                    .simple(
                        Message.builder()
                            .subject(utf8(email.subject()))
                            .body(
                                Body.builder()
                                    .text(utf8(email.textBody()))
                                    .html(utf8(email.htmlBody()))
                                    .build())
                            .build())
                    .build())
            .build();
    try {
      return new SendResult.Sent(ses.sendEmail(request).messageId());
    } catch (MessageRejectedException e) {
      return rejected("MessageRejected", e);
    } catch (MailFromDomainNotVerifiedException e) {
      return rejected("MailFromDomainNotVerified", e);
    } catch (AccountSuspendedException e) {
      return rejected("AccountSuspended", e);
    } catch (NotFoundException e) {
      return rejected("NotFound (sending identity)", e);
    } catch (BadRequestException e) {
      return rejected("BadRequest", e);
    }
  }

  private static SendResult rejected(String kind, RuntimeException e) {
    String detail = e.getMessage() == null ? "" : e.getMessage();
    int requestId = detail.indexOf(" (Service:");
    detail = requestId > 0 ? detail.substring(0, requestId) : detail;
    // the reason is logged and kept: no addresses in it
    return new SendResult.PermanentlyRejected(
        "SES " + kind + ": " + ANY_ADDRESS.matcher(detail).replaceAll("<address>"));
  }

  private static Content utf8(String data) {
    return Content.builder().data(data).charset(UTF_8).build();
  }
}
