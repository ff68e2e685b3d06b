package com.commcredits.local;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.authorize.CallRestrictions;
import com.commcredits.domain.charging.RejectedCallRecord;
import com.commcredits.domain.ledger.BalanceForecast;
import com.commcredits.domain.ledger.CreditOutcome;
import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.licences.CallingPlan;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.report.UsageReportCsv;
import com.commcredits.local.events.LocalContext;
import com.commcredits.sweepaccounts.SweepAccountsHandler;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code local/run admin …}: what an org admin does, against a running {@code local/run serve},
 * through the same domain services and adapters the functions use.
 */
final class AdminCommand {

  static final String USAGE =
      """
      usage: local/run admin [--dynamodb-port 8000 --sqs-port 9324 --ses-port 8005] COMMAND

        open-org ORG --admin-email ADDRESS [--name NAME] [--currency USD] [--language en|de]
                     [--licensed-users N]
        add-funds ORG AMOUNT [--deposit-id ID]
        set-auto-recharge ORG --amount AMOUNT --trigger AMOUNT [--monthly-cap AMOUNT] [--off]
        update-card ORG --token TOKEN [--brand Visa] [--last4 4242] [--expires 2030-12]
        set-licences ORG [--conferencing USERS] [--domestic-plan CC:USERS:MINUTES]
                         [--international-plan CC:USERS:MINUTES:INTL_MINUTES]
        restrict ORG [--dial-out any|same-country|zone-a|none] [--user-calls all|domestic|none]
                     [--organizer UPN=POLICY] [--user UPN=POLICY]   who may call where
        show ORG              balance, services, auto-recharge, ledger
        rejected [ORG]        rejected call records with their reasons
        usage-report ORG [--month 2026-11]   the PSTN usage details report as CSV (for Excel)
        sweep                 run the daily sweep now (expire year-old funds, card warnings)
      """;

  private AdminCommand() {}

  static int run(List<String> args, PrintStream out) {
    List<String> rest = new ArrayList<>(args);
    int[] ports = {8000, 9324, 8005};
    Map<String, Integer> portFlags = Map.of("--dynamodb-port", 0, "--sqs-port", 1, "--ses-port", 2);
    while (rest.size() >= 2 && portFlags.containsKey(rest.get(0))) {
      ports[portFlags.get(rest.remove(0))] = Integer.parseInt(rest.remove(0));
    }
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("no admin command given");
    }
    String command = rest.remove(0);
    List<String> positional = new ArrayList<>();
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      if (arg.equals("--off")) {
        options.put("--off", "true");
      } else if (arg.startsWith("--")) {
        if (i + 1 >= rest.size()) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        options.put(arg, rest.get(++i));
      } else {
        positional.add(arg);
      }
    }
    LocalDeployment.Options deploymentOptions = LocalDeployment.Options.defaults();
    try (LocalDeployment deployment =
        LocalDeployment.start(
            deploymentOptions, new AttachedEmulators(ports[0], ports[1], ports[2]))) {
      if (command.equals("sweep")) {
        out.println(
            new SweepAccountsHandler(deployment.functionEnvironment("SweepAccountsFunction"))
                .handleRequest(Map.of(), sweepContext(deployment, out)));
        return 0;
      }
      return execute(new LocalAdmin(deployment), command, positional, options, out);
    }
  }

  private static int execute(
      LocalAdmin admin,
      String command,
      List<String> positional,
      Map<String, String> options,
      PrintStream out) {
    Instant now = Instant.now();
    var administration = admin.administration();
    switch (command) {
      case "open-org" -> {
        String org = first(positional, "ORG");
        var opened =
            administration.openAccount(
                org,
                options.getOrDefault("--name", org),
                Currency.getInstance(options.getOrDefault("--currency", "USD")),
                Language.fromCode(options.getOrDefault("--language", "en")),
                List.of(required(options, "--admin-email")),
                Integer.parseInt(options.getOrDefault("--licensed-users", "100")),
                now);
        out.println(
            (opened.created() ? "opened " : "already open: ")
                + org
                + "; recommended initial deposit "
                + opened.recommended().initialDeposit()
                + ", trigger "
                + opened.recommended().trigger()
                + " (seed table, by licensed users)");
      }
      case "add-funds" -> {
        String org = first(positional, "ORG");
        Money amount = money(admin, org, second(positional, "AMOUNT"));
        String depositId = options.getOrDefault("--deposit-id", "deposit-" + UUID.randomUUID());
        var outcome = administration.addFunds(org, depositId, amount, now);
        if (outcome instanceof CreditOutcome.Credited) {
          out.println("added " + amount + " to " + org + " as " + depositId);
        } else if (outcome instanceof CreditOutcome.AlreadyCredited) {
          out.println(depositId + " was added before; nothing changed");
        } else {
          out.println("unknown org " + org);
        }
      }
      case "set-auto-recharge" -> {
        String org = first(positional, "ORG");
        String cap = options.get("--monthly-cap");
        OrgAccount account =
            administration.setAutoRecharge(
                org,
                !options.containsKey("--off"),
                money(admin, org, required(options, "--amount")),
                money(admin, org, required(options, "--trigger")),
                cap == null ? null : money(admin, org, cap),
                now);
        out.println(account.autoRecharge());
      }
      case "update-card" -> {
        String org = first(positional, "ORG");
        PaymentMethod card =
            new PaymentMethod(
                required(options, "--token"),
                options.getOrDefault("--brand", "Visa"),
                options.getOrDefault("--last4", "4242"),
                YearMonth.parse(options.getOrDefault("--expires", "2030-12")));
        out.println(administration.updatePaymentMethod(org, card, now).autoRecharge());
      }
      case "set-licences" -> {
        String org = first(positional, "ORG");
        List<CallingPlan> plans = new ArrayList<>();
        String domestic = options.get("--domestic-plan");
        if (domestic != null) {
          String[] p = domestic.split(":");
          plans.add(CallingPlan.domestic(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2])));
        }
        String international = options.get("--international-plan");
        if (international != null) {
          String[] p = international.split(":");
          plans.add(
              CallingPlan.international(
                  p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3])));
        }
        OrgLicences licences =
            new OrgLicences(Integer.parseInt(options.getOrDefault("--conferencing", "0")), plans);
        administration.setLicences(org, licences);
        out.println(licences);
      }
      case "restrict" -> {
        String org = first(positional, "ORG");
        Map<String, CallRestrictions.DialOut> organizers = new HashMap<>();
        Map<String, CallRestrictions.UserCalls> users = new HashMap<>();
        if (options.containsKey("--organizer")) {
          String[] pair = options.get("--organizer").split("=", 2);
          organizers.put(pair[0], dialOut(pair[1]));
        }
        if (options.containsKey("--user")) {
          String[] pair = options.get("--user").split("=", 2);
          users.put(pair[0], userCalls(pair[1]));
        }
        CallRestrictions restrictions =
            new CallRestrictions(
                dialOut(options.getOrDefault("--dial-out", "any")),
                organizers,
                userCalls(options.getOrDefault("--user-calls", "all")),
                users);
        admin.restrictions().save(org, restrictions);
        out.println(restrictions);
      }
      case "show" -> show(admin, first(positional, "ORG"), out);
      case "usage-report" -> {
        YearMonth month =
            YearMonth.parse(
                options.getOrDefault("--month", YearMonth.now(ZoneOffset.UTC).toString()));
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        UsageReportCsv.write(admin.usage().startedBetween(first(positional, "ORG"), from, to), out);
      }
      case "rejected" -> {
        String org = positional.isEmpty() ? null : positional.get(0);
        for (RejectedCallRecord r : admin.rejected().list(org)) {
          out.printf(
              "%s  %s  usage %s: %s%n", r.rejectedAt(), r.messageId(), r.usageId(), r.reason());
        }
      }
      default -> throw new IllegalArgumentException("unknown admin command: " + command);
    }
    return 0;
  }

  private static LocalContext sweepContext(LocalDeployment deployment, PrintStream out) {
    return new LocalContext(
        "SweepAccountsFunction",
        "arn:aws:lambda:us-east-1:000000000000:function:" + deployment.stackName() + "-sweep",
        1024,
        Duration.ofMinutes(5),
        new LambdaLogger() {
          @Override
          public void log(String message) {
            out.println(message);
          }

          @Override
          public void log(byte[] message) {
            out.println(new String(message, StandardCharsets.UTF_8));
          }
        });
  }

  private static void show(LocalAdmin admin, String org, PrintStream out) {
    OrgAccount account =
        admin
            .accounts()
            .find(org)
            .orElseThrow(() -> new IllegalArgumentException("unknown org " + org));
    out.printf(
        "%s (%s): balance %s, services %s, auto-recharge %s%n",
        account.displayName(),
        org,
        account.balance(),
        account.serviceState(),
        account.autoRecharge());
    for (LedgerEntry entry : admin.ledger().entries(org)) {
      out.printf(
          "  %s  %-12s %-40s %12s%n", entry.at(), entry.kind(), entry.sourceId(), entry.amount());
    }
    out.printf("  ledger sum %s%n", admin.ledgerSum(org));
    var forecast =
        BalanceForecast.of(account.balance(), admin.ledger().entries(org), Instant.now());
    out.printf(
        "  spending %s a day over the last week; %s%n",
        forecast.dailySpend(),
        forecast.zeroAt().map(at -> "reaches zero around " + at).orElse("no zero date in sight"));
  }

  private static CallRestrictions.DialOut dialOut(String policy) {
    return switch (policy) {
      case "any" -> CallRestrictions.DialOut.ANY_DESTINATION;
      case "same-country" -> CallRestrictions.DialOut.SAME_COUNTRY;
      case "zone-a" -> CallRestrictions.DialOut.ZONE_A;
      case "none" -> CallRestrictions.DialOut.NONE;
      default ->
          throw new IllegalArgumentException(
              "dial-out policy must be any, same-country, zone-a or none, got " + policy);
    };
  }

  private static CallRestrictions.UserCalls userCalls(String policy) {
    return switch (policy) {
      case "all" -> CallRestrictions.UserCalls.INTERNATIONAL_AND_DOMESTIC;
      case "domestic" -> CallRestrictions.UserCalls.DOMESTIC;
      case "none" -> CallRestrictions.UserCalls.NONE;
      default ->
          throw new IllegalArgumentException(
              "user-calls policy must be all, domestic or none, got " + policy);
    };
  }

  private static Money money(LocalAdmin admin, String org, String amount) {
    Currency currency =
        admin
            .accounts()
            .find(org)
            .map(OrgAccount::currency)
            .orElseThrow(() -> new IllegalArgumentException("unknown org " + org));
    return Money.of(amount, currency.getCurrencyCode());
  }

  private static String first(List<String> positional, String name) {
    if (positional.isEmpty()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return positional.get(0);
  }

  private static String second(List<String> positional, String name) {
    if (positional.size() < 2) {
      throw new IllegalArgumentException(name + " is required");
    }
    return positional.get(1);
  }

  private static String required(Map<String, String> options, String flag) {
    String value = options.get(flag);
    if (value == null) {
      throw new IllegalArgumentException(flag + " is required");
    }
    return value;
  }
}
