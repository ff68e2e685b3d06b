package com.commcredits.domain.notification;

import static com.commcredits.testing.TestNotifications.balanceReachedZero;
import static com.commcredits.testing.TestNotifications.cardExpiring;
import static com.commcredits.testing.TestNotifications.lowBalance;
import static com.commcredits.testing.TestNotifications.rechargeFailed;
import static com.commcredits.testing.TestNotifications.rechargeSucceeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.Notification.RechargeFailure;
import com.commcredits.testing.TestAccounts;
import com.commcredits.testing.TestNotifications;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmailTemplatesTest {

  private final EmailTemplates templates = new EmailTemplates();

  @Test
  void rechargeSucceeded_inEnglish_namesAmountCardAndNewBalance() {
    // given
    OrgAccount acme = account("acme", Language.EN, "Acme Corp");

    // when
    Email email = templates.render(rechargeSucceeded("acme"), acme);

    // then
    assertThat(email.to()).containsExactly("billing@acme.example", "it@acme.example");
    assertThat(email.subject())
        .isEqualTo("Comm Credits · Acme Corp: auto-recharge of USD 100.00 succeeded");
    assertThat(email.textBody())
        .startsWith("Hello,")
        .contains("We charged USD 100.00 to Visa •••• 4242")
        .contains("New balance: USD 118.25");
    assertThat(email.htmlBody()).contains("<html lang=\"en\">").contains("USD 118.25");
  }

  @Test
  void rechargeSucceeded_inGerman_usesGermanWordsAndSeparators() {
    // given
    OrgAccount muster = account("muster", Language.DE, "Muster GmbH");
    Notification.RechargeSucceeded big =
        new Notification.RechargeSucceeded(
            "n1",
            "muster",
            TestNotifications.AT,
            Money.of("1234.5", "EUR"),
            Money.of("2000.0125", "EUR"),
            "Visa •••• 4242");

    // when
    Email email = templates.render(big, muster);

    // then
    assertThat(email.subject())
        .isEqualTo("Comm Credits · Muster GmbH: Aufladung über 1.234,50 EUR erfolgreich");
    assertThat(email.textBody())
        .startsWith("Guten Tag,")
        .contains("Neuer Kontostand: 2.000,0125 EUR");
    assertThat(email.htmlBody()).contains("<html lang=\"de\">");
  }

  @Test
  void hardDecline_tellsTheAdminToUpdateTheCard_inBothLanguages() {
    // given
    Notification expired = rechargeFailed("acme", RechargeFailure.HARD_DECLINE, "expired_card");

    // when
    Email english = templates.render(expired, account("acme", Language.EN, "Acme"));
    Email german = templates.render(expired, account("acme", Language.DE, "Acme"));

    // then
    assertThat(english.subject()).contains("update your card").contains("USD 100.00");
    assertThat(english.textBody())
        .contains("the card has expired")
        .contains("What to do: update your card")
        .contains("Auto-recharge is paused");
    assertThat(german.subject()).contains("Karte aktualisieren").contains("100,00 USD");
    assertThat(german.textBody())
        .contains("die Karte ist abgelaufen")
        .contains("Aktualisieren Sie Ihre Karte");
  }

  @Test
  void softDeclineRetrying_saysWhenItTriesAgain() {
    // given
    Notification retrying =
        rechargeFailed("acme", RechargeFailure.SOFT_DECLINE_RETRYING, "insufficient_funds");

    // when
    Email english = templates.render(retrying, account("acme", Language.EN, "Acme"));
    Email german = templates.render(retrying, account("acme", Language.DE, "Acme"));

    // then
    assertThat(english.textBody())
        .contains("the card has insufficient funds")
        .contains("We will try again on 24 November 2026, 09:30 UTC.");
    assertThat(german.textBody()).contains("am 24. November 2026, 09:30 UTC erneut");
  }

  @Test
  void balanceReachedZero_listsTheSuspendedServices() {
    // when
    Email english =
        templates.render(balanceReachedZero("acme"), account("acme", Language.EN, "Acme"));
    Email german =
        templates.render(balanceReachedZero("acme"), account("acme", Language.DE, "Acme"));

    // then
    assertThat(english.textBody())
        .contains("the balance is USD -0.0125")
        .contains("- Calls to your toll-free numbers\n")
        .contains("- Dial-out from meetings");
    assertThat(english.htmlBody()).contains("<li>Calls to your toll-free numbers</li>");
    assertThat(german.textBody())
        .contains("- Anrufe bei Ihren gebührenfreien Nummern")
        .contains("-0,0125 USD");
  }

  @Test
  void lowBalance_and_cardExpiring_sayWhatToDo() {
    // given
    OrgAccount acme = account("acme", Language.EN, "Acme");

    // when
    Email low = templates.render(lowBalance("acme"), acme);
    Email expiring = templates.render(cardExpiring("acme"), acme);

    // then
    assertThat(low.subject()).contains("running low (USD 150.50)");
    assertThat(low.textBody()).contains("below your warning level of USD 200.00");
    assertThat(expiring.subject()).contains("expires in December 2026");
    assertThat(expiring.textBody()).contains("update your card before then");
  }

  @Test
  void purchaseSettled_saysHowAPendingPurchaseEnded_andWhatToDo() {
    // given
    OrgAccount acme = account("acme", Language.EN, "Acme");
    OrgAccount acmeDe = account("acme", Language.DE, "Acme");

    // when
    Email completed = templates.render(TestNotifications.purchaseCompleted("acme"), acme);
    Email declined =
        templates.render(
            TestNotifications.purchaseDeclined(
                "acme", Notification.PurchaseFailure.HARD_DECLINE, "expired_card"),
            acme);
    Email declinedDe =
        templates.render(
            TestNotifications.purchaseDeclined(
                "acme", Notification.PurchaseFailure.SOFT_DECLINE, "insufficient_funds"),
            acmeDe);

    // then
    assertThat(completed.subject()).endsWith("purchase of USD 25.00 completed");
    assertThat(completed.textBody())
        .contains("request p-4f1c7a52", "charged the card on file once", "Balance: USD 143.25")
        .contains("do not buy it again");
    assertThat(declined.subject()).endsWith("purchase of USD 25.00 declined");
    assertThat(declined.textBody())
        .contains("the card has expired", "Your card was not charged", "put another card on file");
    assertThat(declinedDe.subject()).endsWith("Kauf über 25,00 USD abgelehnt");
    assertThat(declinedDe.textBody())
        .contains("nicht ausreichend gedeckt", "Ihre Karte wurde nicht belastet");
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyKind_rendersInEveryLanguage_withBothParts(Language language) {
    // given
    OrgAccount acme = account("acme", language, "Acme");

    for (Notification notification : TestNotifications.everyKind("acme")) {
      // when
      Email email = templates.render(notification, acme);

      // then
      assertThat(email.subject()).as(notification.notificationId()).startsWith("Comm Credits · ");
      assertThat(email.textBody()).contains("acme").doesNotContain("<p>");
      assertThat(email.htmlBody()).contains("<p>").endsWith("</html>\n");
    }
  }

  @Test
  void everyValue_isHtmlEscaped_inTheHtmlPart() {
    // given
    OrgAccount sneaky = account("acme", Language.EN, "<script>alert('x')</script> & Co");
    Notification.RechargeSucceeded withCard =
        new Notification.RechargeSucceeded(
            "n1",
            "acme",
            TestNotifications.AT,
            Money.of("1", "USD"),
            Money.of("2", "USD"),
            "<b>Visa</b> \"4242\"");

    // when
    Email email = templates.render(withCard, sneaky);

    // then
    assertThat(email.htmlBody())
        .doesNotContain("<script>")
        .doesNotContain("<b>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co")
        .contains("&lt;b&gt;Visa&lt;/b&gt; &quot;4242&quot;");
    assertThat(email.textBody()).contains("<b>Visa</b>");
  }

  @Test
  void aLineBreakInTheOrgName_isRefusedWhenTheAccountIsOpened_soNoEmailOfTheOrgCanFail() {
    // guards issue 9 defect 8: such a name used to make every email of the org fail
    assertThatThrownBy(() -> account("acme", Language.EN, "Acme\r\nBcc: victim@example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line breaks");
  }

  @Test
  void anUnknownDeclineCode_isNamedAsTheProviderGaveIt() {
    // when
    Email email =
        templates.render(
            rechargeFailed("acme", RechargeFailure.HARD_DECLINE, "do_not_honor"),
            account("acme", Language.EN, "Acme"));

    // then
    assertThat(email.textBody()).contains("the payment provider answered \"do_not_honor\"");
  }

  private static OrgAccount account(String orgId, Language language, String displayName) {
    OrgAccount base = TestAccounts.anAccount(orgId);
    return new OrgAccount(
        orgId,
        displayName,
        base.currency(),
        Money.of("18.25", "USD"),
        ServiceState.ACTIVE,
        language,
        List.of("billing@" + orgId + ".example", "it@" + orgId + ".example"),
        base.licensedUsers(),
        base.autoRecharge(),
        base.createdAt(),
        base.licences());
  }
}
