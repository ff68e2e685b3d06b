package com.commcredits.domain.notification;

import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.money.Money;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the email for a {@link Notification} to an org's admins, in the org's {@link Language}
 * (English or German), as plain text and HTML. Every value that reaches the HTML part is escaped;
 * values that reach the subject may not break a line (the {@link Email} refuses it). Amounts are
 * shown exactly, with the currency code and the language's separators ({@code USD 1,234.50}, {@code
 * 1.234,50 USD}); times in UTC.
 */
public final class EmailTemplates {

  private static final Map<String, String[]> REASONS =
      Map.ofEntries(
          Map.entry(
              "expired_card", new String[] {"the card has expired", "die Karte ist abgelaufen"}),
          Map.entry(
              "card_declined",
              new String[] {
                "the card issuer declined the charge",
                "die kartenausgebende Bank hat die Zahlung abgelehnt"
              }),
          Map.entry(
              "lost_card",
              new String[] {"the card was reported lost", "die Karte wurde als verloren gemeldet"}),
          Map.entry(
              "stolen_card",
              new String[] {
                "the card was reported stolen", "die Karte wurde als gestohlen gemeldet"
              }),
          Map.entry(
              "incorrect_cvc",
              new String[] {
                "the card's security code was not accepted",
                "der Sicherheitscode der Karte wurde nicht akzeptiert"
              }),
          Map.entry(
              "authentication_required",
              new String[] {
                "the bank asks you to confirm each charge, which an automatic recharge cannot do",
                "die Bank verlangt eine Bestätigung jeder Zahlung, die bei einer automatischen"
                    + " Aufladung nicht möglich ist"
              }),
          Map.entry(
              "insufficient_funds",
              new String[] {
                "the card has insufficient funds", "die Karte ist nicht ausreichend gedeckt"
              }),
          Map.entry(
              "processing_error",
              new String[] {
                "the payment provider could not process the charge",
                "der Zahlungsanbieter konnte die Zahlung nicht verarbeiten"
              }));

  /** Renders the notification for the account it belongs to. */
  public Email render(Notification notification, OrgAccount account) {
    if (!notification.orgId().equals(account.orgId())) {
      throw new IllegalArgumentException(
          "notification for org " + notification.orgId() + " rendered for " + account.orgId());
    }
    Copy copy = new Copy(account);
    Message message;
    if (notification instanceof Notification.RechargeSucceeded succeeded) {
      message = rechargeSucceeded(succeeded, copy);
    } else if (notification instanceof Notification.RechargeFailed failed) {
      message = rechargeFailed(failed, copy);
    } else if (notification instanceof Notification.BalanceReachedZero zero) {
      message = balanceReachedZero(zero, copy);
    } else if (notification instanceof Notification.LowBalance low) {
      message = lowBalance(low, copy);
    } else if (notification instanceof Notification.CardExpiring expiring) {
      message = cardExpiring(expiring, copy);
    } else if (notification instanceof Notification.PurchaseCompleted completed) {
      message = purchaseCompleted(completed, copy);
    } else if (notification instanceof Notification.PurchaseDeclined declined) {
      message = purchaseDeclined(declined, copy);
    } else {
      throw new IllegalArgumentException("no template for " + notification.getClass());
    }
    message.blocks.add(
        Block.paragraph(
            copy.t(
                "You receive this email as an admin of "
                    + copy.org
                    + " (organization id "
                    + account.orgId()
                    + ").",
                "Sie erhalten diese E-Mail als Administrator von "
                    + copy.org
                    + " (Organisations-ID "
                    + account.orgId()
                    + ").")));
    return new Email(
        account.adminEmails(),
        "Comm Credits · " + copy.org + ": " + message.subject,
        text(copy, message),
        html(copy, message));
  }

  private static Message rechargeSucceeded(Notification.RechargeSucceeded n, Copy c) {
    String amount = c.money(n.amount());
    String balance = c.money(n.newBalance());
    return new Message(
        c.t(
            "auto-recharge of " + amount + " succeeded",
            "Aufladung über " + amount + " erfolgreich"),
        Block.paragraph(
            c.t(
                "We charged "
                    + amount
                    + " to "
                    + n.card()
                    + " and added it to your communications"
                    + " credits.",
                "Wir haben "
                    + amount
                    + " von "
                    + n.card()
                    + " abgebucht und Ihrem Guthaben für"
                    + " Kommunikation gutgeschrieben.")),
        Block.paragraph(c.t("New balance: " + balance, "Neuer Kontostand: " + balance)));
  }

  private static Message rechargeFailed(Notification.RechargeFailed n, Copy c) {
    String amount = c.money(n.amount());
    String reason = c.reason(n.code());
    List<Block> blocks = new ArrayList<>();
    String subject;
    Block couldNotRecharge =
        Block.paragraph(
            c.t(
                "We could not recharge your communications credits with "
                    + amount
                    + ": "
                    + reason
                    + ".",
                "Wir konnten Ihr Guthaben für Kommunikation nicht um "
                    + amount
                    + " aufladen: "
                    + reason
                    + "."));
    switch (n.failure()) {
      case HARD_DECLINE -> {
        subject =
            c.t(
                "action needed: update your card, auto-recharge of " + amount + " failed",
                "Handlungsbedarf: Karte aktualisieren, Aufladung über "
                    + amount
                    + " fehlgeschlagen");
        blocks.add(couldNotRecharge);
        blocks.add(
            Block.paragraph(
                c.t(
                    "What to do: update your card (the payment method on file). Auto-recharge is"
                        + " paused until you do, and this card will not be charged again.",
                    "Was zu tun ist: Aktualisieren Sie Ihre Karte (die hinterlegte"
                        + " Zahlungsmethode). Bis dahin ist die automatische Aufladung"
                        + " angehalten, und diese Karte wird nicht erneut belastet.")));
      }
      case SOFT_DECLINE_RETRYING -> {
        subject =
            c.t(
                "auto-recharge of " + amount + " failed, we will try again",
                "Aufladung über " + amount + " fehlgeschlagen, wir versuchen es erneut");
        blocks.add(couldNotRecharge);
        blocks.add(
            Block.paragraph(
                n.nextRetryAt() == null
                    ? c.t(
                        "We will try again automatically.", "Wir versuchen es automatisch erneut.")
                    : c.t(
                        "We will try again on " + c.time(n.nextRetryAt()) + ".",
                        "Wir versuchen es am " + c.time(n.nextRetryAt()) + " erneut.")));
        blocks.add(
            Block.paragraph(
                c.t(
                    "What to do: make sure the card has enough funds, or update your card.",
                    "Was zu tun ist: Sorgen Sie für ausreichende Deckung der Karte, oder"
                        + " aktualisieren Sie Ihre Karte.")));
      }
      case SOFT_DECLINE_GAVE_UP -> {
        subject =
            c.t(
                "action needed: auto-recharge of " + amount + " paused",
                "Handlungsbedarf: Aufladung über " + amount + " angehalten");
        blocks.add(
            Block.paragraph(
                c.t(
                    "We tried several times to recharge your communications credits with "
                        + amount
                        + ", without success: "
                        + reason
                        + ".",
                    "Wir haben mehrmals versucht, Ihr Guthaben für Kommunikation um "
                        + amount
                        + " aufzuladen, ohne Erfolg: "
                        + reason
                        + ".")));
        blocks.add(
            Block.paragraph(
                c.t(
                    "What to do: make sure the card has enough funds or update your card, then"
                        + " turn auto-recharge on again. You can also add funds by hand.",
                    "Was zu tun ist: Sorgen Sie für Deckung der Karte oder aktualisieren Sie"
                        + " Ihre Karte, und schalten Sie die automatische Aufladung wieder ein."
                        + " Sie können Guthaben auch manuell aufladen.")));
      }
      case PROCESSING_ERROR_GAVE_UP -> {
        subject =
            c.t(
                "action needed: auto-recharge of " + amount + " paused",
                "Handlungsbedarf: Aufladung über " + amount + " angehalten");
        blocks.add(
            Block.paragraph(
                c.t(
                    "The payment provider failed repeatedly to process a recharge of "
                        + amount
                        + ": "
                        + reason
                        + ". Your card was not charged.",
                    "Der Zahlungsanbieter konnte eine Aufladung über "
                        + amount
                        + " wiederholt nicht verarbeiten: "
                        + reason
                        + ". Ihre Karte wurde nicht belastet.")));
        blocks.add(
            Block.paragraph(
                c.t(
                    "What to do: turn auto-recharge on again to retry, or add funds by hand.",
                    "Was zu tun ist: Schalten Sie die automatische Aufladung wieder ein, um es"
                        + " erneut zu versuchen, oder laden Sie Guthaben manuell auf.")));
      }
      case BURST_GUARD -> {
        subject =
            c.t(
                "auto-recharge paused to protect your card",
                "Automatische Aufladung zum Schutz Ihrer Karte angehalten");
        blocks.add(
            Block.paragraph(
                c.t(
                    "More recharges were due within an hour than we allow, so we paused"
                        + " auto-recharge instead of charging "
                        + amount
                        + " again. This protects your card from a recharge loop.",
                    "Innerhalb einer Stunde wären mehr Aufladungen fällig geworden als erlaubt."
                        + " Statt erneut "
                        + amount
                        + " abzubuchen, haben wir die automatische"
                        + " Aufladung angehalten. Das schützt Ihre Karte vor einer"
                        + " Aufladeschleife.")));
        blocks.add(
            Block.paragraph(
                c.t(
                    "What to do: check your call usage, then turn auto-recharge on again.",
                    "Was zu tun ist: Prüfen Sie Ihre Anrufnutzung, und schalten Sie die"
                        + " automatische Aufladung dann wieder ein.")));
      }
      case MONTHLY_CAP -> {
        subject = c.t("monthly recharge limit reached", "Monatliches Aufladelimit erreicht");
        blocks.add(
            Block.paragraph(
                c.t(
                    "This month's recharges reached your monthly limit, so the recharge of "
                        + amount
                        + " was not made.",
                    "Die Aufladungen dieses Monats haben Ihr monatliches Limit erreicht, daher"
                        + " wurde die Aufladung über "
                        + amount
                        + " nicht durchgeführt.")));
        blocks.add(
            Block.paragraph(
                c.t(
                    "What to do: raise the monthly limit or add funds by hand. Recharging resumes"
                        + " by itself on the 1st of next month (UTC), or at once when you raise"
                        + " the limit.",
                    "Was zu tun ist: Erhöhen Sie das monatliche Limit, oder laden Sie Guthaben"
                        + " manuell auf. Am 1. des nächsten Monats (UTC) wird von selbst wieder"
                        + " aufgeladen, oder sofort, wenn Sie das Limit erhöhen.")));
      }
      default -> throw new IllegalArgumentException("no template for " + n.failure());
    }
    blocks.add(
        Block.paragraph(
            c.t(
                "Current balance: "
                    + c.money(c.account.balance())
                    + ". When the balance reaches"
                    + " zero, toll-free numbers and dial-out stop working until funds arrive.",
                "Aktueller Kontostand: "
                    + c.money(c.account.balance())
                    + ". Erreicht der"
                    + " Kontostand null, funktionieren gebührenfreie Nummern und Einwahl nach"
                    + " außen nicht mehr, bis wieder Guthaben vorhanden ist.")));
    return new Message(subject, blocks);
  }

  private static Message balanceReachedZero(Notification.BalanceReachedZero n, Copy c) {
    List<String> services =
        n.suspendedServices().stream()
            .map(
                service ->
                    switch (service) {
                      case TOLL_FREE_NUMBERS ->
                          c.t(
                              "Calls to your toll-free numbers",
                              "Anrufe bei Ihren gebührenfreien Nummern");
                      case DIAL_OUT ->
                          c.t(
                              "Dial-out from meetings and calls to external phone numbers",
                              "Einwahl nach außen aus Besprechungen und Anrufe zu externen"
                                  + " Rufnummern");
                    })
            .toList();
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        Block.paragraph(
            c.t(
                "Your communications credits are used up: the balance is "
                    + c.money(n.balance())
                    + ".",
                "Ihr Guthaben für Kommunikation ist aufgebraucht: Der Kontostand beträgt "
                    + c.money(n.balance())
                    + ".")));
    if (!services.isEmpty()) {
      blocks.add(
          Block.paragraph(
              c.t(
                  "These services have stopped until funds arrive:",
                  "Diese Dienste sind angehalten, bis wieder Guthaben vorhanden ist:")));
      blocks.add(Block.bullets(services));
    }
    blocks.add(
        Block.paragraph(
            c.t(
                "What to do: add funds, or turn on auto-recharge, to restore them.",
                "Was zu tun ist: Laden Sie Guthaben auf, oder schalten Sie die automatische"
                    + " Aufladung ein, um sie wiederherzustellen.")));
    return new Message(
        c.t(
            "action needed: communications credits used up",
            "Handlungsbedarf: Guthaben für Kommunikation aufgebraucht"),
        blocks);
  }

  private static Message lowBalance(Notification.LowBalance n, Copy c) {
    String balance = c.money(n.balance());
    String trigger = c.money(n.trigger());
    return new Message(
        c.t(
            "communications credits running low (" + balance + ")",
            "Guthaben für Kommunikation wird knapp (" + balance + ")"),
        Block.paragraph(
            c.t(
                "Your balance of " + balance + " fell below your warning level of " + trigger + ".",
                "Ihr Kontostand von "
                    + balance
                    + " liegt unter Ihrer Warnschwelle von "
                    + trigger
                    + ".")),
        Block.paragraph(
            c.t(
                "Auto-recharge is off. What to do: add funds before the balance reaches zero, or"
                    + " turn on auto-recharge. At zero, toll-free numbers and dial-out stop"
                    + " working.",
                "Die automatische Aufladung ist ausgeschaltet. Was zu tun ist: Laden Sie"
                    + " Guthaben auf, bevor der Kontostand null erreicht, oder schalten Sie die"
                    + " automatische Aufladung ein. Bei null funktionieren gebührenfreie"
                    + " Nummern und Einwahl nach außen nicht mehr.")));
  }

  private static Message cardExpiring(Notification.CardExpiring n, Copy c) {
    String month = c.month(n.expires());
    return new Message(
        c.t("your card expires in " + month, "Ihre Karte läuft im " + month + " ab"),
        Block.paragraph(
            c.t(
                "The card on file for auto-recharge, "
                    + n.card()
                    + ", expires at the end of "
                    + month
                    + ".",
                "Die für die automatische Aufladung hinterlegte Karte "
                    + n.card()
                    + " läuft Ende "
                    + month
                    + " ab.")),
        Block.paragraph(
            c.t(
                "What to do: update your card before then, so that auto-recharge keeps working.",
                "Was zu tun ist: Aktualisieren Sie Ihre Karte bis dahin, damit die automatische"
                    + " Aufladung weiter funktioniert.")));
  }

  private static Message purchaseCompleted(Notification.PurchaseCompleted n, Copy c) {
    String amount = c.money(n.amount());
    String balance = c.money(n.balance());
    return new Message(
        c.t("purchase of " + amount + " completed", "Kauf über " + amount + " abgeschlossen"),
        Block.paragraph(
            unclearAtFirst(c, amount, n.purchaseId())
                + c.t(
                    " It has gone through since: we charged the card on file once and added "
                        + amount
                        + " to your credits.",
                    " Er ist inzwischen abgeschlossen: Wir haben die hinterlegte Karte einmal"
                        + " belastet und Ihnen "
                        + amount
                        + " gutgeschrieben.")),
        Block.paragraph(c.t("Balance: " + balance, "Kontostand: " + balance)),
        Block.paragraph(
            c.t(
                "Nothing to do: do not buy it again.",
                "Sie müssen nichts tun: Kaufen Sie es nicht noch einmal.")));
  }

  private static Message purchaseDeclined(Notification.PurchaseDeclined n, Copy c) {
    String amount = c.money(n.amount());
    String whatToDo =
        switch (n.failure()) {
          case HARD_DECLINE ->
              c.t(
                  "What to do: put another card on file, then buy again.",
                  "Was zu tun ist: Hinterlegen Sie eine andere Karte, und kaufen Sie dann"
                      + " erneut.");
          case SOFT_DECLINE ->
              c.t(
                  "What to do: make sure the card has enough funds, or use another card, then buy"
                      + " again.",
                  "Was zu tun ist: Sorgen Sie für ausreichende Deckung der Karte oder verwenden"
                      + " Sie eine andere, und kaufen Sie dann erneut.");
          case PROCESSING_ERROR ->
              c.t("What to do: buy again later.", "Was zu tun ist: Kaufen Sie später erneut.");
        };
    return new Message(
        c.t("purchase of " + amount + " declined", "Kauf über " + amount + " abgelehnt"),
        Block.paragraph(
            unclearAtFirst(c, amount, n.purchaseId())
                + c.t(
                    " It has been declined since: "
                        + c.reason(n.code())
                        + ". Your card was not charged.",
                    " Er wurde inzwischen abgelehnt: "
                        + c.reason(n.code())
                        + ". Ihre Karte wurde nicht belastet.")),
        Block.paragraph(whatToDo),
        Block.paragraph(
            c.t(
                "Current balance: " + c.money(c.account.balance()) + ".",
                "Aktueller Kontostand: " + c.money(c.account.balance()) + ".")));
  }

  /** How the email about a purchase left pending begins: why the admin hears of it now. */
  private static String unclearAtFirst(Copy c, String amount, String purchaseId) {
    return c.t(
        "Your purchase of "
            + amount
            + " in communications credits (request "
            + purchaseId
            + ") got no clear answer from the payment provider at first.",
        "Ihr Kauf von Guthaben für Kommunikation über "
            + amount
            + " (Anfrage "
            + purchaseId
            + ") erhielt vom Zahlungsanbieter zunächst keine eindeutige Antwort.");
  }

  private static String text(Copy c, Message message) {
    StringBuilder text = new StringBuilder(c.t("Hello,", "Guten Tag,")).append("\n\n");
    for (Block block : message.blocks) {
      if (block.bullets.isEmpty()) {
        text.append(block.text).append("\n\n");
      } else {
        block.bullets.forEach(item -> text.append("- ").append(item).append('\n'));
        text.append('\n');
      }
    }
    return text.append("Comm Credits\n").toString();
  }

  private static String html(Copy c, Message message) {
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
            .append(c.language.code())
            .append("\"><head><meta charset=\"UTF-8\"><title>")
            .append(escape(message.subject))
            .append("</title></head>\n<body>\n<p>")
            .append(escape(c.t("Hello,", "Guten Tag,")))
            .append("</p>\n");
    for (Block block : message.blocks) {
      if (block.bullets.isEmpty()) {
        html.append("<p>").append(escape(block.text)).append("</p>\n");
      } else {
        html.append("<ul>\n");
        block.bullets.forEach(item -> html.append("<li>").append(escape(item)).append("</li>\n"));
        html.append("</ul>\n");
      }
    }
    return html.append("<p>Comm Credits</p>\n</body>\n</html>\n").toString();
  }

  /** Escapes text for HTML element content and attribute values. */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  private record Block(String text, List<String> bullets) {
    static Block paragraph(String text) {
      return new Block(text, List.of());
    }

    static Block bullets(List<String> items) {
      return new Block("", List.copyOf(items));
    }
  }

  private static final class Message {
    final String subject;
    final List<Block> blocks;

    Message(String subject, Block... blocks) {
      this(subject, List.of(blocks));
    }

    Message(String subject, List<Block> blocks) {
      this.subject = subject;
      this.blocks = new ArrayList<>(blocks);
    }
  }

  /** The account's language and how values are written in it. */
  private static final class Copy {
    final OrgAccount account;
    final Language language;
    final String org;

    Copy(OrgAccount account) {
      this.account = account;
      this.language = account.language();
      this.org =
          account.displayName() == null || account.displayName().isBlank()
              ? account.orgId()
              : account.displayName();
    }

    String t(String english, String german) {
      return language == Language.DE ? german : english;
    }

    /** Exactly, never rounded: at least the currency's minor-unit digits, at most micro-units. */
    String money(Money money) {
      DecimalFormat format =
          new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(language.locale()));
      format.setMinimumFractionDigits(Math.max(0, money.currency().getDefaultFractionDigits()));
      format.setMaximumFractionDigits(Money.SCALE);
      format.setRoundingMode(RoundingMode.UNNECESSARY);
      String number = format.format(money.toBigDecimal());
      String code = money.currency().getCurrencyCode();
      return language == Language.DE ? number + " " + code : code + " " + number;
    }

    String time(Instant instant) {
      return DateTimeFormatter.ofPattern(
              t("d MMMM uuuu, HH:mm 'UTC'", "d. MMMM uuuu, HH:mm 'UTC'"), language.locale())
          .withZone(ZoneOffset.UTC)
          .format(instant);
    }

    String month(YearMonth month) {
      return DateTimeFormatter.ofPattern("MMMM uuuu", language.locale()).format(month);
    }

    String reason(String code) {
      String[] known = REASONS.get(code == null ? "" : code.toLowerCase(Locale.ROOT));
      if (known != null) {
        return t(known[0], known[1]);
      }
      return code == null || code.isBlank()
          ? t("the payment provider gave no reason", "der Zahlungsanbieter nannte keinen Grund")
          : t(
              "the payment provider answered \"" + code + "\"",
              "der Zahlungsanbieter antwortete „" + code + "“");
    }
  }
}
