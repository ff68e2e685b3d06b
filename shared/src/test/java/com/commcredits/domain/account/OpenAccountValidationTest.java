package com.commcredits.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.domain.admin.AccountAdministration;
import com.commcredits.domain.funding.RechargePolicy;
import com.commcredits.testing.InMemoryAccounts;
import com.commcredits.testing.InMemoryLedger;
import com.commcredits.testing.RecordingBalanceChangedPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Guards issue 9 defect 8: what can fail after a charge is refused when the account opens. */
class OpenAccountValidationTest {

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final AccountAdministration admin =
      new AccountAdministration(
          accounts, new InMemoryLedger(accounts), new RecordingBalanceChangedPublisher());

  private void open(String orgId, String name, String email) {
    admin.openAccount(
        orgId,
        name,
        Currency.getInstance("USD"),
        Language.EN,
        List.of(email),
        10,
        Instant.parse("2026-12-01T00:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "acme#1      | Acme          | a@acme.example     | orgId",
        "Acme        | Acme          | a@acme.example     | orgId",
        "ab          | Acme          | a@acme.example     | orgId",
        "acme        | ''            | a@acme.example     | displayName",
        "acme        | Acme          | not-an-address     | admin email",
        "acme        | Acme          | a@acme.example,x@y.z | admin email",
      })
  void openAccount_refusesWithAReason_andStoresNothing(
      String orgId, String name, String email, String reason) {
    assertThatThrownBy(() -> open(orgId, name, email))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
    assertThat(accounts.find(orgId)).isEmpty();
  }

  @Test
  void openAccount_refusesLineBreaksInTheName_andOverlongIds() {
    assertThatThrownBy(() -> open("acme", "Acme\r\nInc", "a@acme.example"))
        .hasMessageContaining("line breaks");
    assertThatThrownBy(() -> open("acme", "Acme", "a@acme.example\r\nBcc: x@y.example"))
        .hasMessageContaining("admin email");
    assertThatThrownBy(() -> open("a".repeat(65), "Acme", "a@acme.example"))
        .hasMessageContaining("3-64");
  }

  @Test
  void openAccount_refusesThePrimingOrg_soPrimingNeverFindsARealAccount() {
    assertThatThrownBy(() -> open(AccountAdministration.PRIMING_ORG, "Acme", "a@acme.example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
    assertThat(accounts.find(AccountAdministration.PRIMING_ORG)).isEmpty();
  }

  @Test
  void openAccount_acceptsAPlainAccount() {
    open("acme-42", "Acme & Söhne GmbH", "billing.team+cc@acme.example");

    assertThat(accounts.find("acme-42")).isPresent();
  }

  @Test
  void burstLimitAboveTheRememberedRecharges_isRefused_guardsIssue9Defect10() {
    assertThatThrownBy(
            () ->
                new RechargePolicy(
                    List.of(), List.of(), 11, Duration.ofHours(1), Duration.ofMinutes(2)))
        .hasMessageContaining("1-10");
  }
}
