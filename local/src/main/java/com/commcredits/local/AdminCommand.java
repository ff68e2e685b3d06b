package com.commcredits.local;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.commcredits.local.api.AdminClient;
import com.commcredits.local.api.LocalTokenIssuer;
import com.commcredits.local.events.LocalContext;
import com.commcredits.local.template.SamTemplate;
import com.commcredits.sweepaccounts.SweepAccountsHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code local/run admin …}: a client of the Admin API — {@code local/run serve}'s by default, or a
 * deployed stack's with {@code --api-url} and {@code --token}. Only {@code sweep}, which is no API
 * route, still reaches the local emulators directly.
 */
final class AdminCommand {

  static final String USAGE =
      """
      usage: local/run admin [--api-url URL] [--token JWT] COMMAND [ARGS]

        --api-url URL   the Admin API (default http://127.0.0.1:8080, local/run serve's)
        --token JWT     a bearer token (default: a local operator token from local/run token)

        me                     who the token is
        orgs [--query PREFIX]  list orgs (operators)
        open-org ORG --admin-email ADDRESS [--name NAME] [--currency USD|EUR] [--language en|de]
                     [--licensed-users N]
        add-funds ORG AMOUNT [--reason TEXT]   credit without payment (operators)
        buy ORG AMOUNT [--idempotency-key KEY]   buy credit now with the card on file
        set-auto-recharge ORG --amount AMOUNT --trigger AMOUNT [--monthly-cap AMOUNT] [--off]
        update-card ORG --token TOKEN [--brand Visa] [--last4 4242] [--expires 2030-12]
        set-licences ORG [--conferencing USERS] [--domestic-plan CC:USERS:MINUTES]
                         [--international-plan CC:USERS:MINUTES:INTL_MINUTES]
        restrict ORG [--dial-out any|same-country|zone-a|none] [--user-calls all|domestic|none]
                     [--organizer UPN=POLICY] [--user UPN=POLICY]   who may call where
        show ORG               balance, services, auto-recharge, card, licences, forecast
        ledger ORG             entries, newest first
        rejected ORG           rejected call records with their reasons
        notifications ORG      emails sent to the org's admins
        usage-report ORG [--month 2026-11]   the PSTN usage details report as CSV (for Excel)
        sweep [--dynamodb-port 8000 --sqs-port 9324 --ses-port 8005]
                               run the daily sweep now on the local emulators
      """;

  static final String DEFAULT_API_URL = "http://127.0.0.1:8080";

  private static final Set<String> FLAGS_WITHOUT_VALUE = Set.of("--off");

  private AdminCommand() {}

  /** Parsed arguments: the command, its positional arguments and its options. */
  record Args(
      Map<String, String> global,
      String command,
      List<String> positional,
      Map<String, String> options) {

    /**
     * Options before the command are the client's (--api-url, --token); after it, the command's.
     */
    static Args parse(List<String> args) {
      List<String> positional = new ArrayList<>();
      Map<String, String> global = new HashMap<>();
      Map<String, String> options = new HashMap<>();
      String command = null;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (command == null && Set.of("--api-url", "--token").contains(arg)) {
          if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(arg + " needs a value");
          }
          global.put(arg, args.get(++i));
        } else if (FLAGS_WITHOUT_VALUE.contains(arg)) {
          options.put(arg, "true");
        } else if (arg.startsWith("--")) {
          if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(arg + " needs a value");
          }
          options.put(arg, args.get(++i));
        } else if (command == null) {
          command = arg;
        } else {
          positional.add(arg);
        }
      }
      if (command == null) {
        throw new IllegalArgumentException("no admin command given");
      }
      return new Args(global, command, positional, options);
    }

    String first(String name) {
      if (positional.isEmpty()) {
        throw new IllegalArgumentException(name + " is required");
      }
      return positional.get(0);
    }

    String second(String name) {
      if (positional.size() < 2) {
        throw new IllegalArgumentException(name + " is required");
      }
      return positional.get(1);
    }

    String required(String flag) {
      String value = options.get(flag);
      if (value == null) {
        throw new IllegalArgumentException(flag + " is required");
      }
      return value;
    }
  }

  static int run(List<String> arguments, PrintStream out) {
    Args args = Args.parse(arguments);
    if (args.command().equals("sweep")) {
      return sweep(args, out);
    }
    URI api = URI.create(args.global().getOrDefault("--api-url", DEFAULT_API_URL));
    String token =
        args.global().containsKey("--token")
            ? args.global().get("--token")
            : LocalTokenIssuer.withKeyFile(
                    LocalTokenIssuer.defaultKeyFile(
                        SamTemplate.locate(Path.of("")).toAbsolutePath().getParent()))
                .operatorToken();
    return execute(new AdminClient(api, token), args, out);
  }

  static int execute(AdminClient client, Args args, PrintStream out) {
    switch (args.command()) {
      case "me" -> out.println(pretty(client.get("/me")));
      case "orgs" -> {
        String query = args.options().getOrDefault("--query", "");
        for (JsonNode org : client.get("/orgs?query=" + query + "&limit=200").path("items")) {
          out.printf(
              "%-24s %-30s %s %s  %s%n",
              org.path("orgId").asText(),
              org.path("displayName").asText(),
              org.at("/balance/amount").asText(),
              org.path("currency").asText(),
              org.path("serviceState").asText());
        }
      }
      case "open-org" -> {
        String org = args.first("ORG");
        ObjectNode body =
            AdminClient.object()
                .put("orgId", org)
                .put("displayName", args.options().getOrDefault("--name", org))
                .put("currency", args.options().getOrDefault("--currency", "USD"))
                .put("language", args.options().getOrDefault("--language", "en"))
                .put(
                    "licensedUsers",
                    integer(
                        args.options().getOrDefault("--licensed-users", "100"),
                        "--licensed-users"));
        body.putArray("adminEmails").add(args.required("--admin-email"));
        JsonNode opened = client.post("/orgs", body);
        out.printf(
            "opened %s (%s); recommended initial deposit %s, trigger %s%s%n",
            org,
            opened.path("currency").asText(),
            opened.at("/recommended/initialDeposit/amount").asText(),
            opened.at("/recommended/trigger/amount").asText(),
            opened.at("/recommended/note").isTextual()
                ? " — " + opened.at("/recommended/note").asText()
                : " (seed table, by licensed users)");
      }
      case "add-funds" -> {
        String org = args.first("ORG");
        ObjectNode body = AdminClient.object();
        body.set("amount", AdminClient.money(currency(client, org), args.second("AMOUNT")));
        body.put("reason", args.options().getOrDefault("--reason", "funds added by an operator"));
        JsonNode credited = client.post(AdminClient.path("orgs", org, "credits"), body);
        out.printf(
            "added %s %s to %s; balance %s%n",
            credited.at("/entry/amount/amount").asText(),
            credited.at("/entry/amount/currency").asText(),
            org,
            credited.at("/balance/amount").asText());
      }
      case "buy" -> {
        String org = args.first("ORG");
        ObjectNode body = AdminClient.object();
        body.set("amount", AdminClient.money(currency(client, org), args.second("AMOUNT")));
        AdminClient.Answer answer =
            client.send(
                "POST",
                AdminClient.path("orgs", org, "purchases"),
                body,
                args.options()
                    .getOrDefault("--idempotency-key", java.util.UUID.randomUUID().toString()));
        out.println(
            answer.status() == 202
                ? "pending (send again with the same --idempotency-key): " + answer.body()
                : answer.body());
      }
      case "set-auto-recharge" -> {
        String org = args.first("ORG");
        String currency = currency(client, org);
        ObjectNode body = AdminClient.object().put("enabled", !args.options().containsKey("--off"));
        body.set("amount", AdminClient.money(currency, args.required("--amount")));
        body.set("trigger", AdminClient.money(currency, args.required("--trigger")));
        if (args.options().containsKey("--monthly-cap")) {
          body.set("monthlyCap", AdminClient.money(currency, args.options().get("--monthly-cap")));
        }
        out.println(
            pretty(
                client
                    .put(AdminClient.path("orgs", org, "auto-recharge"), body)
                    .path("autoRecharge")));
      }
      case "update-card" -> {
        String org = args.first("ORG");
        ObjectNode body =
            AdminClient.object()
                .put("token", args.required("--token"))
                .put("brand", args.options().getOrDefault("--brand", "Visa"))
                .put("last4", args.options().getOrDefault("--last4", "4242"))
                .put("expires", args.options().getOrDefault("--expires", "2030-12"));
        JsonNode org2 = client.put(AdminClient.path("orgs", org, "payment-method"), body);
        out.println(pretty(org2.path("card")));
      }
      case "set-licences" -> {
        String org = args.first("ORG");
        ObjectNode body =
            AdminClient.object()
                .put(
                    "audioConferencingUsers",
                    integer(args.options().getOrDefault("--conferencing", "0"), "--conferencing"));
        ArrayNode plans = body.putArray("callingPlans");
        if (args.options().containsKey("--domestic-plan")) {
          String[] p =
              parts(args.options().get("--domestic-plan"), 3, "--domestic-plan CC:USERS:MINUTES");
          plans
              .addObject()
              .put("country", p[0])
              .put("users", integer(p[1], "users"))
              .put("domesticMinutesPerUser", integer(p[2], "minutes"));
        }
        if (args.options().containsKey("--international-plan")) {
          String[] p =
              parts(
                  args.options().get("--international-plan"),
                  4,
                  "--international-plan CC:USERS:MINUTES:INTL_MINUTES");
          plans
              .addObject()
              .put("country", p[0])
              .put("users", integer(p[1], "users"))
              .put("domesticMinutesPerUser", integer(p[2], "minutes"))
              .put("internationalMinutesPerUser", integer(p[3], "international minutes"));
        }
        out.println(
            pretty(client.put(AdminClient.path("orgs", org, "licences"), body).path("licences")));
      }
      case "restrict" -> {
        String org = args.first("ORG");
        ObjectNode body =
            AdminClient.object()
                .put("dialOutDefault", dialOut(args.options().getOrDefault("--dial-out", "any")))
                .put(
                    "userCallsDefault",
                    userCalls(args.options().getOrDefault("--user-calls", "all")));
        ObjectNode organizers = body.putObject("organizers");
        ObjectNode users = body.putObject("users");
        if (args.options().containsKey("--organizer")) {
          String[] pair =
              parts(args.options().get("--organizer"), 2, "--organizer UPN=POLICY", "=");
          organizers.put(pair[0], dialOut(pair[1]));
        }
        if (args.options().containsKey("--user")) {
          String[] pair = parts(args.options().get("--user"), 2, "--user UPN=POLICY", "=");
          users.put(pair[0], userCalls(pair[1]));
        }
        out.println(pretty(client.put(AdminClient.path("orgs", org, "call-restrictions"), body)));
      }
      case "show" -> show(client.get(AdminClient.path("orgs", args.first("ORG"))), out);
      case "ledger" -> {
        for (JsonNode entry :
            client
                .get(AdminClient.path("orgs", args.first("ORG"), "ledger") + "?limit=200")
                .path("items")) {
          out.printf(
              "  %s  %-12s %-44s %12s  %s%n",
              entry.path("at").asText(),
              entry.path("kind").asText(),
              entry.path("entryId").asText(),
              entry.at("/amount/amount").asText(),
              entry.path("memo").asText());
        }
      }
      case "rejected" -> {
        for (JsonNode r :
            client
                .get(AdminClient.path("orgs", args.first("ORG"), "rejected-records"))
                .path("items")) {
          out.printf(
              "%s  %s  usage %s: %s%n",
              r.path("rejectedAt").asText(),
              r.path("messageId").asText(),
              r.path("usageId").asText(),
              r.path("reason").asText());
        }
      }
      case "notifications" -> {
        for (JsonNode n :
            client
                .get(AdminClient.path("orgs", args.first("ORG"), "notifications"))
                .path("items")) {
          out.printf(
              "%s  %-22s %-8s %s%n",
              n.path("at").asText(),
              n.path("kind").asText(),
              n.path("status").asText(),
              n.path("notificationId").asText());
        }
      }
      case "usage-report" -> {
        String month =
            args.options().getOrDefault("--month", YearMonth.now(ZoneOffset.UTC).toString());
        out.print(
            client.getText(
                AdminClient.path("orgs", args.first("ORG"), "usage-report") + "?month=" + month));
      }
      default -> throw new IllegalArgumentException("unknown admin command: " + args.command());
    }
    return 0;
  }

  private static void show(JsonNode org, PrintStream out) {
    out.printf(
        "%s (%s): balance %s %s, services %s%n",
        org.path("displayName").asText(),
        org.path("orgId").asText(),
        org.at("/balance/amount").asText(),
        org.path("currency").asText(),
        org.at("/services/state").asText());
    JsonNode recharge = org.path("autoRecharge");
    out.printf(
        "  auto-recharge %s: %s below %s%s%n",
        recharge.path("enabled").asBoolean() ? "on" : "off",
        recharge.at("/amount/amount").asText(),
        recharge.at("/trigger/amount").asText(),
        recharge.path("paused").asBoolean()
            ? ", PAUSED: " + recharge.path("pauseDetail").asText()
            : "");
    JsonNode card = org.path("card");
    out.printf(
        "  card: %s%n",
        card.isNull()
            ? "none"
            : card.path("brand").asText()
                + " •••• "
                + card.path("last4").asText()
                + ", expires "
                + card.path("expires").asText());
    out.printf("  licences: %s%n", org.path("licences").path("pools"));
    out.printf(
        "  spending %s a day over the last week; %s%n",
        org.at("/forecast/dailySpend/amount").asText(),
        org.at("/forecast/zeroAt").isNull()
            ? "no zero date in sight"
            : "reaches zero around " + org.at("/forecast/zeroAt").asText());
    out.printf(
        "  recommended: deposit %s, trigger %s %s%n",
        org.at("/recommended/initialDeposit/amount").asText(),
        org.at("/recommended/trigger/amount").asText(),
        org.at("/recommended/currency").asText());
  }

  private static String currency(AdminClient client, String org) {
    return client.get(AdminClient.path("orgs", org)).path("currency").asText();
  }

  private static int sweep(Args args, PrintStream out) {
    int[] ports = {
      integer(args.options().getOrDefault("--dynamodb-port", "8000"), "--dynamodb-port"),
      integer(args.options().getOrDefault("--sqs-port", "9324"), "--sqs-port"),
      integer(args.options().getOrDefault("--ses-port", "8005"), "--ses-port")
    };
    try (LocalDeployment deployment =
        LocalDeployment.start(
            LocalDeployment.Options.defaults(),
            new AttachedEmulators(ports[0], ports[1], ports[2]))) {
      out.println(
          new SweepAccountsHandler(deployment.functionEnvironment("SweepAccountsFunction"))
              .handleRequest(Map.of(), sweepContext(deployment, out)));
      return 0;
    }
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

  private static String pretty(JsonNode json) {
    return json.toPrettyString();
  }

  private static int integer(String value, String name) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got " + value);
    }
  }

  private static String[] parts(String value, int count, String shape) {
    return parts(value, count, shape, ":");
  }

  private static String[] parts(String value, int count, String shape, String separator) {
    String[] parts = value.split(java.util.regex.Pattern.quote(separator), count);
    if (parts.length != count) {
      throw new IllegalArgumentException("expected " + shape + ", got " + value);
    }
    return parts;
  }

  static String dialOut(String policy) {
    return switch (policy) {
      case "any" -> "ANY_DESTINATION";
      case "same-country" -> "SAME_COUNTRY";
      case "zone-a" -> "ZONE_A";
      case "none" -> "NONE";
      default ->
          throw new IllegalArgumentException(
              "dial-out policy must be any, same-country, zone-a or none, got " + policy);
    };
  }

  static String userCalls(String policy) {
    return switch (policy) {
      case "all" -> "INTERNATIONAL_AND_DOMESTIC";
      case "domestic" -> "DOMESTIC";
      case "none" -> "NONE";
      default ->
          throw new IllegalArgumentException(
              "user-calls policy must be all, domestic or none, got " + policy);
    };
  }
}
