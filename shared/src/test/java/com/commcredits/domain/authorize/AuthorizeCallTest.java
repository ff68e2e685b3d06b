package com.commcredits.domain.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.adapters.ratecards.RateCardFiles;
import com.commcredits.domain.calls.CallType;
import com.commcredits.domain.calls.NumberType;
import com.commcredits.domain.ledger.Credit;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.rating.RateCardRater;
import com.commcredits.domain.rating.RateCards;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemoryCallHolds;
import com.commcredits.testing.InMemoryCallRestrictions;
import com.commcredits.testing.InMemoryLedger;
import com.commcredits.testing.TestAccounts;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthorizeCallTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryLedger ledger = new InMemoryLedger(accounts);
  private final InMemoryCallHolds holds = new InMemoryCallHolds();
  private final InMemoryCallRestrictions restrictions = new InMemoryCallRestrictions();
  private final RateCards cards = RateCardFiles.packaged();
  private final AuthorizeCall authorizing =
      new AuthorizeCall(
          accounts, new RateCardRater(cards), ledger, holds, restrictions, cards.zoneA());

  @BeforeEach
  void anOrgWithOneDollar() {
    accounts.open(TestAccounts.anAccount("acme"));
    ledger.credit(
        new Credit("acme", EntryKind.DEPOSIT, "d1", Money.of("1", "USD"), NOW, "deposit"));
  }

  private static CallAuthorizationRequest dialOut(String callId, String to, int minutes) {
    return new CallAuthorizationRequest(
        "acme",
        callId,
        "anna@acme.example",
        "US",
        CallType.CONF_OUT,
        NumberType.TOLL,
        "+12065550100",
        to,
        minutes);
  }

  @Test
  void dialOut_isAuthorizedForWhatTheBalanceAffords_andHoldsIt() {
    var answer = authorizing.authorize(dialOut("call-1", "+81312345678", 60), NOW);

    assertThat(answer)
        .isEqualTo(new Authorization.Authorized("call-1", 4, Money.of("1.00", "USD")));
  }

  @Test
  void simultaneousDialOuts_cannotTogetherSpendMoreThanTheBalance() {
    holds.beforeNextPlace(
        () -> authorizing.authorize(dialOut("call-other", "+81312345678", 2), NOW));

    var answer = authorizing.authorize(dialOut("call-1", "+81312345678", 60), NOW);

    assertThat(answer)
        .isEqualTo(new Authorization.Authorized("call-1", 2, Money.of("0.50", "USD")));
  }

  @Test
  void dialOut_isDenied_whenCallsInProgressHoldTheWholeBalance() {
    authorizing.authorize(dialOut("call-1", "+81312345678", 60), NOW);

    var answer = authorizing.authorize(dialOut("call-2", "+12125550123", 5), NOW);

    assertThat(answer).isInstanceOf(Authorization.Denied.class);
    // guards issue 9 defect 12: the reason used to tell the org's balance to any caller
    assertThat(((Authorization.Denied) answer).reason())
        .contains("not enough credit")
        .doesNotContainPattern("[0-9]");
  }

  @Test
  void holdsPerOrg_areCapped_inNumberAndMinutes() {
    // guards issue 9 defect 12: unlimited holds let a caller pin an org's whole credit
    ledger.credit(
        new Credit("acme", EntryKind.DEPOSIT, "d2", Money.of("10000", "USD"), NOW, "deposit"));
    for (int i = 0; i < AuthorizeCall.MAX_OPEN_HOLDS; i++) {
      authorizing.authorize(dialOut("call-" + i, "+12125550123", 1), NOW);
    }

    var oneMore = authorizing.authorize(dialOut("call-more", "+12125550123", 1), NOW);

    assertThat(oneMore).isInstanceOf(Authorization.Denied.class);
    assertThat(((Authorization.Denied) oneMore).reason()).contains("too many calls in progress");
  }

  @Test
  void askingAgainForTheSameCall_returnsItsHold_withoutHoldingTwice() {
    authorizing.authorize(dialOut("call-1", "+12125550123", 10), NOW);

    var again = authorizing.authorize(dialOut("call-1", "+12125550123", 10), NOW);

    assertThat(again)
        .isEqualTo(new Authorization.Authorized("call-1", 10, Money.of("0.22", "USD")));
    assertThat(holds.read("acme", NOW).active()).hasSize(1);
  }

  @Test
  void callAPoolPaysFor_needsNoHold() {
    accounts.update("acme", a -> TestAccounts.withLicences(a, OrgLicences.audioConferencing(2)));

    var answer = authorizing.authorize(dialOut("call-1", "+12125550123", 30), NOW);

    assertThat(answer)
        .isEqualTo(
            new Authorization.Authorized(
                "call-1", 30, Money.zero(Money.of("0", "USD").currency())));
    assertThat(holds.read("acme", NOW).active()).isEmpty();
  }

  @Test
  void exhaustedBalance_deniesCreditFundedCalls() {
    ledger.credit(
        new Credit("acme", EntryKind.ADJUSTMENT, "a1", Money.of("-1", "USD"), NOW, "spent"));

    var answer = authorizing.authorize(dialOut("call-1", "+12125550123", 5), NOW);

    assertThat(answer).isInstanceOf(Authorization.Denied.class);
  }

  @Test
  void organizerLimitedToZoneA_cannotDialBrazil_butCanDialTheUk() {
    restrictions.save(
        "acme",
        new CallRestrictions(
            CallRestrictions.DialOut.ANY_DESTINATION,
            Map.of("anna@acme.example", CallRestrictions.DialOut.ZONE_A),
            CallRestrictions.UserCalls.INTERNATIONAL_AND_DOMESTIC,
            Map.of()));

    var brazil = authorizing.authorize(dialOut("call-1", "+551133334444", 5), NOW);
    var uk = authorizing.authorize(dialOut("call-2", "+442079460123", 5), NOW);

    assertThat(brazil).isInstanceOf(Authorization.Denied.class);
    assertThat(((Authorization.Denied) brazil).reason()).contains("Zone A", "BR");
    assertThat(uk).isInstanceOf(Authorization.Authorized.class);
  }

  @Test
  void userWithCallingTurnedOff_canStillCallEmergency() {
    restrictions.save(
        "acme",
        new CallRestrictions(
            CallRestrictions.DialOut.ANY_DESTINATION,
            Map.of(),
            CallRestrictions.UserCalls.NONE,
            Map.of()));
    var call =
        new CallAuthorizationRequest(
            "acme",
            "call-9",
            "anna@acme.example",
            "US",
            CallType.USER_OUT,
            NumberType.TOLL,
            "+12065550100",
            "+12125550123",
            5);
    var emergency =
        new CallAuthorizationRequest(
            "acme",
            "call-911",
            "anna@acme.example",
            "US",
            CallType.USER_OUT,
            NumberType.TOLL,
            "+12065550100",
            "+911",
            5);

    assertThat(authorizing.authorize(call, NOW)).isInstanceOf(Authorization.Denied.class);
    assertThat(authorizing.authorize(emergency, NOW)).isInstanceOf(Authorization.Authorized.class);
  }
}
