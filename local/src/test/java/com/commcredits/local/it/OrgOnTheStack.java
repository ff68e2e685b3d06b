package com.commcredits.local.it;

import static com.commcredits.testing.TestCallRecords.aRecentCallRecord;

import com.commcredits.adapters.dynamodb.DynamoDbSimulatedCharges;
import com.commcredits.adapters.payment.SimulatedCharge;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.money.Money;
import com.commcredits.local.LocalAdmin;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.SentEmail;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * A fresh org on a running local deployment, funded and set to auto-recharge 50 below 20, with what
 * the tests ask of it: calls that spend its credit, its card charges, ledger and emails.
 */
final class OrgOnTheStack {

  static final Duration SETTLE = Duration.ofSeconds(60);

  final String orgId = "org-" + UUID.randomUUID().toString().substring(0, 8);
  final LocalAdmin admin;
  private final LocalDeployment deployment;
  private final DynamoDbSimulatedCharges cardCharges;
  private final String currency;
  private int calls;

  private OrgOnTheStack(LocalDeployment deployment, String currency) {
    this.deployment = deployment;
    this.admin = new LocalAdmin(deployment);
    this.cardCharges =
        new DynamoDbSimulatedCharges(deployment.dynamoDb(), deployment.tableName("LedgerTable"));
    this.currency = currency;
  }

  /** Opens, funds with {@code deposit}, puts the card on file and turns auto-recharge on. */
  static OrgOnTheStack open(
      LocalDeployment deployment, String currency, Language language, String card, String deposit) {
    OrgOnTheStack org = new OrgOnTheStack(deployment, currency);
    var administration = org.admin.administration();
    Instant now = Instant.now();
    administration.openAccount(
        org.orgId,
        "Org " + org.orgId,
        Currency.getInstance(currency),
        language,
        List.of(org.adminEmail()),
        50,
        now);
    administration.setAutoRecharge(org.orgId, false, org.money("50"), org.money("20"), null, now);
    administration.addFunds(org.orgId, "initial", org.money(deposit), now);
    administration.updatePaymentMethod(org.orgId, card(card), now);
    administration.setAutoRecharge(org.orgId, true, org.money("50"), org.money("20"), null, now);
    deployment.awaitQuiescence(SETTLE);
    return org;
  }

  static PaymentMethod card(String token) {
    return new PaymentMethod(token, "Visa", "4242", YearMonth.now().plusYears(2));
  }

  Money money(String amount) {
    return Money.of(amount, currency);
  }

  String adminEmail() {
    return "admin@" + orgId + ".example";
  }

  /**
   * A dial-out to Japan, priced by the sample cards' fallback rate (0.25 USD, 0.23 EUR a minute).
   */
  void call(Duration length) {
    String body =
        aRecentCallRecord()
            .org(orgId)
            .usageId(orgId + "-call-" + (++calls))
            .to("+81312345678")
            .lasting(length.toSeconds())
            .json();
    deployment
        .sqs()
        .sendMessage(
            SendMessageRequest.builder()
                .queueUrl(deployment.queueUrl("CallRecordsQueue"))
                .messageBody(body)
                .build());
  }

  OrgAccount account() {
    return admin.accounts().find(orgId).orElseThrow();
  }

  Money balance() {
    return admin.balance(orgId);
  }

  /** Every charge the card provider saw, declined ones included. */
  List<SimulatedCharge> cardCharges() {
    return cardCharges.all(orgId);
  }

  List<SimulatedCharge> succeededCardCharges() {
    return cardCharges().stream().filter(c -> c.kind() == SimulatedCharge.Kind.SUCCEEDED).toList();
  }

  long rechargeCredits() {
    return admin.ledger().entries(orgId).stream()
        .filter(e -> e.kind() == EntryKind.RECHARGE)
        .count();
  }

  List<SentEmail> emails() {
    return deployment.sentEmails().stream()
        .filter(mail -> mail.to().contains(adminEmail()))
        .toList();
  }
}
