package com.commcredits.local;

import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.charging.RejectedCallRecord;
import com.commcredits.domain.ledger.BalanceForecast;
import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.money.Money;
import com.commcredits.local.api.AdminClient;
import com.commcredits.local.api.LocalTokenIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

  private final AdminClient operator;
  private final LocalTokenIssuer issuer;
  private final URI api;

  private Demo(LocalDeployment deployment, LocalTokenIssuer issuer, URI api, PrintStream out) {
    this.deployment = deployment;
    this.admin = new LocalAdmin(deployment);
    this.issuer = issuer;
    this.api = api;
    this.operator = new AdminClient(api, issuer.operatorToken());
    this.out = out;
  }

  /**
   * Plays the demo: every change an operator or an org admin makes goes through the Admin API at
   * {@code api} with dev tokens of {@code issuer}; the timeline reads the ledger as an observer.
   */
  public static void run(
      LocalDeployment deployment, LocalTokenIssuer issuer, URI api, PrintStream out) {
    new Demo(deployment, issuer, api, out).play();
  }

  private AdminClient adminOf(String orgId) {
    return new AdminClient(api, issuer.orgAdminToken(orgId));
  }

  private void play() {
    out.println("   (every change below is a request to the Admin API at " + api + ")");
    heading("1. Contoso opens an account, funds it and turns on auto-recharge");
    open("contoso", "Contoso Ltd", "USD", "en", 120);
    autoRecharge("contoso", false, "USD", "50", "20");
    grant("contoso", "USD", "25", "initial deposit (invoiced)");
    card("contoso", "pm_card_visa", "4242");
    autoRecharge("contoso", true, "USD", "50", "20");
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
    operator.put(
        AdminClient.path("orgs", "contoso", "licences"),
        AdminClient.object().put("audioConferencingUsers", 2));
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
    open("fabrikam", "Fabrikam GmbH", "EUR", "de", 300);
    autoRecharge("fabrikam", false, "EUR", "50", "10");
    grant("fabrikam", "EUR", "15", "initial deposit (invoiced)");
    card("fabrikam", "pm_card_chargeDeclinedExpiredCard", "0069");
    autoRecharge("fabrikam", true, "EUR", "50", "10");
    settle();

    heading("5. Fabrikam falls below its trigger: the recharge is declined (expired card)");
    send(call("fabrikam", "DE", "conf_out", "+81312345678", 25 * 60));
    settle();

    heading("6. Fabrikam keeps calling until its credit runs out: services suspended");
    send(call("fabrikam", "DE", "conf_out", "+81312345678", 45 * 60));
    settle();

    heading("7. Fabrikam's admin puts a new card on file and buys credit: services resume");
    card("fabrikam", "pm_card_visa", "4242");
    ObjectNode purchase = AdminClient.object();
    purchase.set("amount", AdminClient.money("EUR", "20.00"));
    JsonNode bought =
        adminOf("fabrikam").post(AdminClient.path("orgs", "fabrikam", "purchases"), purchase);
    out.printf(
        "   fabrikam bought %s EUR with %s: %s%n",
        bought.at("/amount/amount").asText(),
        bought.path("card").asText(),
        bought.path("status").asText());
    settle();

    summary();
  }

  private void open(String orgId, String name, String currency, String language, int users) {
    ObjectNode body =
        AdminClient.object()
            .put("orgId", orgId)
            .put("displayName", name)
            .put("currency", currency)
            .put("language", language)
            .put("licensedUsers", users);
    body.putArray("adminEmails").add("billing-admin@" + orgId + ".example");
    JsonNode opened = operator.post("/orgs", body);
    out.printf(
        "   %s opened for %d licensed users; recommended (seed table): deposit %s %s, trigger %s %s%s%n",
        orgId,
        users,
        opened.at("/recommended/initialDeposit/amount").asText(),
        currency,
        opened.at("/recommended/trigger/amount").asText(),
        currency,
        opened.at("/recommended/note").isTextual() ? " (USD figures, unconverted)" : "");
  }

  private void autoRecharge(
      String orgId, boolean enabled, String currency, String amount, String trigger) {
    ObjectNode body = AdminClient.object().put("enabled", enabled);
    body.set("amount", AdminClient.money(currency, amount));
    body.set("trigger", AdminClient.money(currency, trigger));
    adminOf(orgId).put(AdminClient.path("orgs", orgId, "auto-recharge"), body);
  }

  private void grant(String orgId, String currency, String amount, String reason) {
    ObjectNode body = AdminClient.object().put("reason", reason);
    body.set("amount", AdminClient.money(currency, amount));
    operator.post(AdminClient.path("orgs", orgId, "credits"), body);
  }

  private void card(String orgId, String token, String last4) {
    adminOf(orgId)
        .put(
            AdminClient.path("orgs", orgId, "payment-method"),
            AdminClient.object()
                .put("token", token)
                .put("brand", "Visa")
                .put("last4", last4)
                .put("expires", YearMonth.now(ZoneOffset.UTC).plusYears(3).toString()));
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

  private static List<String> bodiesOf(String eventFile) {
    try {
      JsonNode event = JSON.readTree(Files.readString(eventsDirectory().resolve(eventFile)));
      List<String> bodies = new ArrayList<>();
      SampleCallDates dates = SampleCallDates.movedTo(Instant.now());
      event
          .path("Records")
          .forEach(record -> bodies.add(dates.redated(record.path("body").asText())));
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
