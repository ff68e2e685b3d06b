package com.commcredits.local;

import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.charging.RejectedCallRecord;
import com.commcredits.domain.ledger.BalanceForecast;
import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * {@code local/run demo}: two orgs through the whole pipeline. Contoso calls, falls below its
 * trigger and is recharged from a good card; Fabrikam's card has expired, so its recharge fails, it
 * runs out of credit and is suspended, until the admin puts a new card on file and adds funds.
 * Everything goes through the queues, the four functions, DynamoDB and the SES emulator.
 */
public final class Demo {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SETTLE = Duration.ofSeconds(60);

  private final LocalDeployment deployment;
  private final LocalAdmin admin;
  private final PrintStream out;
  private final Map<String, Integer> shownEntries = new HashMap<>();
  private final Map<String, String> shownStates = new HashMap<>();
  private int shownEmails;
  private int sequence;

  private Demo(LocalDeployment deployment, PrintStream out) {
    this.deployment = deployment;
    this.admin = new LocalAdmin(deployment);
    this.out = out;
  }

  public static void run(LocalDeployment deployment, PrintStream out) {
    new Demo(deployment, out).play();
  }

  private void play() {
    Instant now = Instant.now();
    heading("1. Contoso opens an account, funds it and turns on auto-recharge");
    open("contoso", "Contoso Ltd", "USD", Language.EN, 120);
    admin
        .administration()
        .setAutoRecharge("contoso", false, Money.of("50", "USD"), Money.of("20", "USD"), null, now);
    admin.administration().addFunds("contoso", "contoso-deposit-1", Money.of("25", "USD"), now);
    admin.administration().updatePaymentMethod("contoso", card("pm_card_visa", "4242"), now);
    admin
        .administration()
        .setAutoRecharge("contoso", true, Money.of("50", "USD"), Money.of("20", "USD"), null, now);
    settle();

    heading("2. Contoso's call records arrive (events/*.json), one sent three times");
    for (String event :
        List.of(
            "sqs-call-record-dial-out.json",
            "sqs-call-record-dial-out.json",
            "sqs-call-record-redelivered.json",
            "sqs-call-records-mixed-batch.json",
            "sqs-call-record-same-usage-id-different-content.json",
            "sqs-call-record-not-json.json",
            "sqs-call-record-unknown-org.json")) {
      bodiesOf(event).forEach(this::send);
    }
    settle();

    heading(
        "2b. Contoso buys 2 per-user audio conferencing licences: 120 dial-out minutes a month");
    admin.administration().setLicences("contoso", OrgLicences.audioConferencing(2));
    out.println(
        "   a 100-minute dial-out to the US (Zone A): covered by the pool, 0.00 from credits");
    send(call("contoso", "US", "conf_out", "+12125550123", 100 * 60));
    settle();
    out.println(
        "   a 30-minute dial-out to the UK: 20 minutes from the pool, 10 x 0.035 from credits");
    send(call("contoso", "US", "conf_out", "+442079460123", 30 * 60));
    settle();
    out.printf(
        "   contoso pool usage this month: %s%n",
        admin.ledger().poolUsage("contoso", YearMonth.now(ZoneOffset.UTC)).minutesUsed());

    heading(
        "3. A 30-minute dial-out to Japan, the pool used up, is charged fully and takes Contoso below its"
            + " trigger: auto-recharge");
    send(call("contoso", "US", "conf_out", "+81312345678", 30 * 60));
    settle();

    heading("4. Fabrikam (German admins, EUR) has an expired card on file");
    open("fabrikam", "Fabrikam GmbH", "EUR", Language.DE, 300);
    admin
        .administration()
        .setAutoRecharge(
            "fabrikam", false, Money.of("50", "EUR"), Money.of("10", "EUR"), null, now);
    admin.administration().addFunds("fabrikam", "fabrikam-deposit-1", Money.of("15", "EUR"), now);
    admin
        .administration()
        .updatePaymentMethod("fabrikam", card("pm_card_chargeDeclinedExpiredCard", "0069"), now);
    admin
        .administration()
        .setAutoRecharge("fabrikam", true, Money.of("50", "EUR"), Money.of("10", "EUR"), null, now);
    settle();

    heading("5. Fabrikam falls below its trigger: the recharge is declined (expired card)");
    send(call("fabrikam", "DE", "conf_out", "+81312345678", 25 * 60));
    settle();

    heading("6. Fabrikam keeps calling until its credit runs out: services suspended");
    send(call("fabrikam", "DE", "conf_out", "+81312345678", 45 * 60));
    settle();

    heading("7. Fabrikam's admin puts a new card on file and adds funds: services resume");
    admin
        .administration()
        .updatePaymentMethod("fabrikam", card("pm_card_visa", "4242"), Instant.now());
    admin
        .administration()
        .addFunds("fabrikam", "fabrikam-deposit-2", Money.of("20", "EUR"), Instant.now());
    settle();

    summary();
  }

  private void open(String orgId, String name, String currency, Language language, int users) {
    var opened =
        admin
            .administration()
            .openAccount(
                orgId,
                name,
                Currency.getInstance(currency),
                language,
                List.of("billing-admin@" + orgId + ".example"),
                users,
                Instant.now());
    out.printf(
        "   %s opened for %d licensed users; recommended (seed table): deposit %s, trigger %s%n",
        orgId,
        users,
        opened.account().autoRecharge().amount(),
        opened.account().autoRecharge().trigger());
  }

  private void settle() {
    deployment.awaitQuiescence(SETTLE);
    for (String orgId : List.of("contoso", "fabrikam")) {
      var account = admin.accounts().find(orgId);
      if (account.isEmpty()) {
        continue;
      }
      List<LedgerEntry> entries = admin.ledger().entries(orgId);
      Money running = Money.zero(account.get().currency());
      for (int i = 0; i < entries.size(); i++) {
        LedgerEntry entry = entries.get(i);
        running = running.plus(entry.amount());
        if (i >= shownEntries.getOrDefault(orgId, 0)) {
          out.printf(
              "   %-9s %-12s %-34s %12s  -> balance %s%n",
              orgId, entry.kind(), entry.sourceId(), entry.amount().toPlainString(), running);
        }
      }
      shownEntries.put(orgId, entries.size());
      OrgAccount now = account.get();
      String state =
          "services "
              + now.serviceState()
              + (now.autoRecharge().pausedReason() == null
                  ? ""
                  : ", auto-recharge paused: " + now.autoRecharge().pausedReason());
      if (!state.equals(shownStates.put(orgId, state))) {
        out.printf("   %-9s %s%n", orgId, state);
      }
    }
    var emails = deployment.sentEmails();
    for (int i = shownEmails; i < emails.size(); i++) {
      out.printf("   email to %s: \"%s\"%n", emails.get(i).to(), emails.get(i).subject());
    }
    shownEmails = emails.size();
  }

  private void summary() {
    heading("Summary");
    for (String orgId : List.of("contoso", "fabrikam")) {
      OrgAccount account = admin.accounts().find(orgId).orElseThrow();
      Money sum = admin.ledgerSum(orgId);
      out.printf(
          "   %-9s balance %s = sum of %d ledger entries %s (%s); services %s%n",
          orgId,
          account.balance(),
          admin.ledger().entries(orgId).size(),
          sum,
          sum.equals(account.balance()) ? "equal" : "MISMATCH",
          account.serviceState());
      var forecast =
          BalanceForecast.of(account.balance(), admin.ledger().entries(orgId), Instant.now());
      out.printf(
          "   %-9s spends %s a day at this week's pace%s%n",
          "",
          forecast.dailySpend(),
          forecast
              .zeroAt()
              .map(at -> "; the balance reaches zero around " + at.truncatedTo(ChronoUnit.MINUTES))
              .orElse(""));
    }
    List<RejectedCallRecord> rejected = new ArrayList<>(admin.rejected().list("contoso"));
    rejected.addAll(admin.rejected().list("nobody-inc"));
    rejected.addAll(admin.rejected().list(null));
    out.printf("   %d call records rejected and kept for review:%n", rejected.size());
    rejected.forEach(
        r ->
            out.printf("     usage %s: %s%n", r.usageId() == null ? "?" : r.usageId(), r.reason()));
    out.printf(
        "   %d emails sent; dead-letter queues hold %d messages%n",
        deployment.sentEmails().size(), deadLetters());
  }

  private int deadLetters() {
    return deployment.template().queues().keySet().stream()
        .filter(id -> id.endsWith("DeadLetterQueue"))
        .mapToInt(deployment::approximateDepth)
        .sum();
  }

  private void heading(String text) {
    out.println();
    out.println(text);
  }

  private void send(String body) {
    deployment
        .sqs()
        .sendMessage(
            SendMessageRequest.builder()
                .queueUrl(deployment.queueUrl("CallRecordsQueue"))
                .messageBody(body)
                .build());
  }

  private String call(String orgId, String location, String type, String callee, long seconds) {
    Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant start = end.minusSeconds(seconds);
    String usageId = orgId + "-demo-" + (++sequence);
    return """
        {"usageId":"%s","orgId":"%s","callId":"call-%s","conferenceId":"conf-%s",\
        "userPrincipalName":"organizer@%s.example","userLocation":"%s","callType":"%s",\
        "numberType":"toll","callerNumber":"+4930901820","calleeNumber":"%s",\
        "startTime":"%s","endTime":"%s","durationSeconds":%d}"""
        .formatted(
            usageId, orgId, usageId, orgId, orgId, location, type, callee, start, end, seconds);
  }

  private static PaymentMethod card(String token, String last4) {
    return new PaymentMethod(token, "Visa", last4, YearMonth.now().plusYears(3));
  }

  private static List<String> bodiesOf(String eventFile) {
    try {
      JsonNode event = JSON.readTree(Files.readString(eventsDirectory().resolve(eventFile)));
      List<String> bodies = new ArrayList<>();
      event.path("Records").forEach(record -> bodies.add(record.path("body").asText()));
      return bodies;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path eventsDirectory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no events/ directory above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("events");
  }
}
