package com.commcredits.local;

import com.commcredits.local.api.AdminClient;
import com.commcredits.local.api.LocalHttpApi;
import com.commcredits.local.api.LocalTokenIssuer;
import com.commcredits.local.template.FunctionSpec;
import com.commcredits.local.template.SamTemplate;
import com.commcredits.local.template.SqsEventSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code local/run serve|demo}: the whole application on local emulators. */
public final class Main {

  static final String USAGE =
      """
      usage: local/run serve [options]   run the stack and the Admin API until Ctrl-C
             local/run demo  [options]   run the stack, play the demo through the API, exit
             local/run admin COMMAND     a client of the Admin API (local/run admin --help)
             local/run token --org ORG | --operator
                                         print a dev token the local Admin API accepts

      options:
        --dynamodb-port N      DynamoDB Local's port (serve: 8000, demo: a free one)
        --sqs-port N           ElasticMQ's port      (serve: 9324, demo: a free one)
        --ses-port N           the SES emulator's    (serve: 8005, demo: a free one)
        --api-port N           the Admin API's (HTTP API) (serve: 8080, demo: a free one)
        --stack-name NAME      prefix of table and queue names (comm-credits)
        --template PATH        the SAM template (the nearest template.yaml)
        --parameter KEY=VALUE  a template parameter value (repeatable)
        --help                 this text
      """;

  private static final String SAMPLE_CALL_RECORD =
      "{\"schemaVersion\":1,\"usageId\":\"u-contoso-0001\",\"orgId\":\"contoso\","
          + "\"callId\":\"call-u-contoso-0001\",\"conferenceId\":\"conf-1001\","
          + "\"userPrincipalName\":\"anna@contoso.example\",\"userDisplayName\":\"Anna Example\","
          + "\"userLocation\":\"US\",\"callType\":\"conf_out\",\"numberType\":\"toll\","
          + "\"callerNumber\":\"+12065550100\",\"calleeNumber\":\"+12125550123\","
          + "\"startTime\":\"2026-11-02T10:00:00Z\",\"endTime\":\"2026-11-02T10:02:05Z\","
          + "\"durationSeconds\":125}";

  private Main() {}

  /** A parsed command line. */
  record Command(String mode, LocalDeployment.Options options, int apiPort) {

    static Command parse(String... args) {
      if (args.length == 0 || !List.of("serve", "demo").contains(args[0])) {
        throw new IllegalArgumentException(
            args.length == 0 ? "no command given" : "unknown command: " + args[0]);
      }
      String mode = args[0];
      boolean serve = mode.equals("serve");
      int[] ports = serve ? new int[] {8000, 9324, 8005, 8080} : new int[] {0, 0, 0, 0};
      LocalDeployment.Options options = LocalDeployment.Options.defaults();
      for (int i = 1; i < args.length; i++) {
        String flag = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("unknown option or missing value: " + flag);
        }
        String value = args[++i];
        switch (flag) {
          case "--dynamodb-port" -> ports[0] = port(value);
          case "--sqs-port" -> ports[1] = port(value);
          case "--ses-port" -> ports[2] = port(value);
          case "--api-port" -> ports[3] = port(value);
          case "--stack-name" -> options = options.withStackName(value);
          case "--template" -> options = options.withTemplate(Path.of(value));
          case "--parameter" -> {
            int equals = value.indexOf('=');
            if (equals < 1) {
              throw new IllegalArgumentException("--parameter needs KEY=VALUE, got " + value);
            }
            options =
                options.withParameter(value.substring(0, equals), value.substring(equals + 1));
          }
          default -> throw new IllegalArgumentException("unknown option: " + flag);
        }
      }
      return new Command(mode, options.withPorts(ports[0], ports[1], ports[2]), ports[3]);
    }

    private static int port(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65_535) {
          throw new NumberFormatException();
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a port: " + value);
      }
    }
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("admin")) {
      System.exit(admin(List.of(args).subList(1, args.length)));
    }
    if (args.length > 0 && args[0].equals("token")) {
      System.exit(token(List.of(args).subList(1, args.length)));
    }
    if (args.length == 1 && List.of("--help", "-h", "help").contains(args[0])) {
      System.out.print(USAGE);
      System.exit(0);
    }
    Command command;
    try {
      command = Command.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    try {
      if (command.mode().equals("serve")) {
        serve(command.options(), command.apiPort());
      } else {
        demo(command.options(), command.apiPort());
      }
    } catch (RuntimeException e) {
      System.err.println("local stack failed: " + e.getMessage());
      // DynamoDB Local leaves non-daemon threads behind; only an exit ends the JVM.
      System.exit(1);
    }
    System.exit(0);
  }

  static final String TOKEN_USAGE =
      """
      usage: local/run token --org ORG     a dev token of ORG's admin (claim custom:org)
             local/run token --operator    a dev token of an operator (group operators)
      The token is signed with the local issuer's key (local/target/dev-issuer/), valid 8 hours,
      and accepted by local/run serve's Admin API; send it as Authorization: Bearer <token>.
      """;

  /** The CLI's answers: usage and one line for every failure, never a stack trace. */
  static int admin(List<String> args) {
    if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
      (args.isEmpty() ? System.err : System.out).print(AdminCommand.USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    try {
      return AdminCommand.run(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("local/run admin: " + e.getMessage());
      System.err.print(AdminCommand.USAGE);
      return 2;
    } catch (AdminClient.Unreachable e) {
      System.err.println("local/run admin: " + e.getMessage());
      System.err.print(AdminCommand.USAGE);
      return 3;
    } catch (AdminClient.Refused e) {
      System.err.println("local/run admin: refused (" + e.status() + "): " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      System.err.println("local/run admin: failed: " + e.getMessage());
      return 1;
    }
  }

  static int token(List<String> args) {
    LocalTokenIssuer issuer;
    try {
      issuer = LocalTokenIssuer.withKeyFile(LocalTokenIssuer.defaultKeyFile(repositoryRoot()));
    } catch (RuntimeException e) {
      System.err.println("local/run token: " + e.getMessage());
      return 1;
    }
    if (args.size() == 1 && args.get(0).equals("--operator")) {
      System.out.println(issuer.operatorToken());
      return 0;
    }
    if (args.size() == 2
        && args.get(0).equals("--org")
        && args.get(1).matches("[a-z0-9][a-z0-9-]{2,63}")) {
      System.out.println(issuer.orgAdminToken(args.get(1)));
      return 0;
    }
    boolean help = args.contains("--help") || args.contains("-h");
    if (!help) {
      System.err.println("local/run token: give --org ORG (a-z, 0-9, '-') or --operator");
    }
    (help ? System.out : System.err).print(TOKEN_USAGE);
    return help ? 0 : 2;
  }

  private static Path repositoryRoot() {
    return SamTemplate.locate(Path.of("")).toAbsolutePath().getParent();
  }

  private static void serve(LocalDeployment.Options options, int apiPort) {
    LocalDeployment deployment = LocalDeployment.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nstopping the local stack");
                  deployment.close();
                  stopped.countDown();
                },
                "local-stack-shutdown"));
    List<String> runnable = functionsWithHandlerClasses(deployment, System.out);
    deployment.startEventSources(runnable.toArray(String[]::new));
    LocalTokenIssuer issuer =
        LocalTokenIssuer.withKeyFile(
            LocalTokenIssuer.defaultKeyFile(options.templatePath().toAbsolutePath().getParent()));
    LocalHttpApi api = deployment.startHttpApi("127.0.0.1", apiPort, issuer);
    describe(deployment, runnable, System.out);
    describe(api, System.out);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void demo(LocalDeployment.Options options, int apiPort) {
    // The demo prints its own timeline; the functions' log lines would bury it.
    boolean logLevelChosen = options.parameterOverrides().containsKey("LogLevel");
    LocalDeployment.Options quiet =
        logLevelChosen ? options : options.withParameter("LogLevel", "ERROR");
    // Metric lines (embedded metric format) are not log lines and ignore LogLevel: the functions'
    // standard output goes to a file, the timeline to the terminal.
    PrintStream timeline = System.out;
    Path functionOutput =
        quiet
            .templatePath()
            .toAbsolutePath()
            .getParent()
            .resolve("local/target/demo-functions.log");
    try (PrintStream functions = functionOutputFile(functionOutput);
        LocalDeployment deployment = LocalDeployment.start(quiet)) {
      System.setOut(functions);
      timeline.println("(the functions' output: " + functionOutput + ")");
      deployment.startEventSources(
          functionsWithHandlerClasses(deployment, timeline).toArray(String[]::new));
      LocalTokenIssuer issuer =
          LocalTokenIssuer.withKeyFile(
              LocalTokenIssuer.defaultKeyFile(quiet.templatePath().toAbsolutePath().getParent()));
      LocalHttpApi api = deployment.startHttpApi("127.0.0.1", apiPort, issuer);
      Demo.run(deployment, issuer, api.baseUri(), timeline);
    } finally {
      System.setOut(timeline);
    }
  }

  private static PrintStream functionOutputFile(Path file) {
    try {
      Files.createDirectories(file.getParent());
      return new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Lambda would not start a function whose class is missing; neither does the local stack. */
  private static List<String> functionsWithHandlerClasses(
      LocalDeployment deployment, PrintStream out) {
    List<String> runnable = new ArrayList<>();
    for (FunctionSpec function : deployment.template().functions().values()) {
      try {
        Class.forName(function.handlerClassName(), false, Main.class.getClassLoader());
        runnable.add(function.logicalId());
      } catch (ClassNotFoundException e) {
        out.println(
            "WARNING: "
                + function.logicalId()
                + " is not started: its handler "
                + function.handlerClassName()
                + " is not on the classpath");
      }
    }
    return runnable;
  }

  private static void describe(LocalDeployment deployment, List<String> running, PrintStream out) {
    Endpoints endpoints = deployment.endpoints();
    Map<String, String> consumers = new HashMap<>();
    deployment
        .template()
        .functions()
        .values()
        .forEach(
            f ->
                f.sqsEventSources()
                    .forEach(
                        source ->
                            consumers.put(source.queueLogicalId(), describe(f, source, running))));
    out.printf("%nComm Credits runs locally as stack '%s'.%n%n", deployment.stackName());
    out.println("Endpoints");
    out.printf("  %-10s %s%n", "DynamoDB", endpoints.dynamoDb());
    out.printf("  %-10s %s%n", "SQS", endpoints.sqs());
    out.printf(
        "  %-10s %s   (sent mail: %s/ in a browser, %s/store as JSON)%n",
        "SES v2", endpoints.ses(), endpoints.ses(), endpoints.ses());
    out.println("\nTables");
    deployment
        .template()
        .tables()
        .keySet()
        .forEach(id -> out.printf("  %-34s %s%n", id, deployment.tableName(id)));
    out.println("\nQueues");
    deployment
        .template()
        .queues()
        .keySet()
        .forEach(
            id ->
                out.printf(
                    "  %-34s %s%n  %-34s   %s%n",
                    id,
                    deployment.queueUrl(id),
                    "",
                    deployment.template().deadLetterQueues().contains(id)
                        ? "dead-letter queue"
                        : consumers.getOrDefault(id, "no consumer")));

    String entryQueue =
        deployment.template().queues().containsKey("CallRecordsQueue")
            ? "CallRecordsQueue"
            : consumers.keySet().stream().sorted().findFirst().orElse(null);
    String sqs = "aws --endpoint-url " + endpoints.sqs() + " sqs";
    out.println("\nTry it (dummy credentials; any region-aware aws CLI):");
    out.println(
        "  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local"
            + " AWS_DEFAULT_REGION=us-east-1");
    if (entryQueue != null) {
      String url = deployment.queueUrl(entryQueue);
      out.printf(
          "  %s send-message --queue-url %s \\%n    --message-body '%s'%n",
          sqs, url, SampleCallDates.movedTo(Instant.now()).redated(SAMPLE_CALL_RECORD));
      out.printf("  %s get-queue-attributes --queue-url %s --attribute-names All%n", sqs, url);
    }
    deployment.template().deadLetterQueues().stream()
        .findFirst()
        .ifPresent(
            dlq ->
                out.printf(
                    "  %s receive-message --queue-url %s --max-number-of-messages 10%n",
                    sqs, deployment.queueUrl(dlq)));
    deployment.template().tables().keySet().stream()
        .findFirst()
        .ifPresent(
            table ->
                out.printf(
                    "  aws --endpoint-url %s dynamodb scan --table-name %s%n",
                    endpoints.dynamoDb(), deployment.tableName(table)));
    out.printf("  curl -s %s/store%n", endpoints.ses());
    out.println("\nCtrl-C stops everything.");
  }

  private static void describe(LocalHttpApi api, PrintStream out) {
    out.printf(
        "%nAdmin API (HTTP API, JWT authorizer played by the local issuer): %s%n", api.baseUri());
    api.describeRoutes().forEach(route -> out.println("  " + route));
    out.printf(
        "  JWKS: %s%s  issuer %s  audience %s%n",
        api.baseUri(), LocalHttpApi.JWKS_PATH, LocalTokenIssuer.ISSUER, LocalTokenIssuer.AUDIENCE);
    out.println("  TOKEN=$(local/run token --org contoso)   # or --operator");
    out.printf("  curl -s -H \"Authorization: Bearer $TOKEN\" %s/orgs/contoso%n", api.baseUri());
    out.println("  local/run admin --help                   # the CLI is a client of this API");
  }

  private static String describe(
      FunctionSpec function, SqsEventSource source, List<String> running) {
    return "-> "
        + function.logicalId()
        + " (batch "
        + source.batchSize()
        + ", window "
        + source.maximumBatchingWindowSeconds()
        + " s"
        + (running.contains(function.logicalId()) ? "" : ", NOT STARTED")
        + ")";
  }
}
