package com.commcredits.measure;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.admin.AccountAdministration;
import com.commcredits.domain.money.Money;
import com.commcredits.local.LocalAdmin;
import com.commcredits.local.LocalDeployment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The measuring command ({@code benchmarks/run}): in one run, side by side, on this machine and the
 * local emulators — package sizes; first event in a fresh JVM on 1 CPU with the deployed flags
 * against a hello-world JVM; first ÷ second event after the SnapStart priming; pipeline CDR/s
 * against DynamoDB Local's raw debit-transaction rate for 30 orgs and for one; and the AWS cost of
 * 1 M CDRs from counted requests, consumed capacity, measured durations and log bytes.
 *
 * <p>Options: {@code --runs N} (cold starts per function, median reported; 5), {@code --primed-runs
 * N} (primed first/second events per function; 3), {@code --seconds S} (length of each throughput
 * phase; 5), {@code --threads T} (concurrent function instances; 4), {@code --child-java PATH} (the
 * JVM the cold starts run on; this one's by default), {@code --skip-cold} (packages, throughput and
 * cost only), {@code --skip-pipeline} (packages and cold starts only, e.g. to compare JVMs), {@code
 * --trace-classes DIR} (the primed children also log every class they load, with markers between
 * priming, the first and the second event, into DIR: what the first event loads that priming did
 * not; their timings are then not comparable), {@code --child-flags "FLAGS"} (more JVM flags for
 * the children, e.g. to try one), {@code --only a,b} (cold starts of these functions only), {@code
 * --baseline DIR} (another checkout, its packages built: each cold start is followed by the same on
 * the baseline's package, and a table sets the two side by side), {@code --layout jar} (cold starts
 * on the jar itself, not unpacked as Lambda runs it).
 */
public final class Measure {

  // us-east-1 list prices, arm64 Lambda (December 2026).
  static final double USD_PER_MILLION_WRU = 0.625;
  static final double USD_PER_MILLION_RRU = 0.125;
  static final double USD_PER_MILLION_SQS = 0.40;
  static final double USD_PER_GB_SECOND = 0.0000133334;
  static final double USD_PER_MILLION_INVOCATIONS = 0.20;
  static final double USD_PER_LOG_GB = 0.50;
  static final double MEMORY_GB = 1.0; // MemorySize 1024 in template.yaml

  /** The call-records event source's BatchSize, as template.yaml sets it. */
  static final int BATCH = callRecordsBatchSize();

  /**
   * Records per platform request: the CDR contract (README "Call detail record") has the platform
   * send them with {@code SendMessageBatch}, up to 10 a request.
   */
  static final int PLATFORM_SEND_BATCH = 10;

  /** Messages per receive and per batch delete of an event source mapping (SQS's limit). */
  static final int SQS_MESSAGES_PER_REQUEST = 10;

  static final int BALANCE_BATCH = 10; // the balance-changes event source's BatchSize
  static final List<String> DEPLOYED_FLAGS = List.of("-XX:TieredStopAtLevel=1");

  private final PrintStream report;
  private final Path root;
  private final int runs;
  private final int primedRuns;
  private final int seconds;
  private final int threads;
  private final String childJava;
  private final Path traceClasses;
  private final List<String> childFlags;
  private final List<String> only;
  private final boolean exploded;
  private final Path baseline;
  private final Map<String, Path> explodedDirs = new HashMap<>();
  private final String token = Long.toString(System.currentTimeMillis(), 36);
  private LocalDeployment deployment;

  private Measure(PrintStream report, Path root, Map<String, String> options) {
    this.report = report;
    this.root = root;
    this.runs = Integer.parseInt(options.getOrDefault("runs", "5"));
    this.primedRuns = Integer.parseInt(options.getOrDefault("primed-runs", "3"));
    this.seconds = Integer.parseInt(options.getOrDefault("seconds", "5"));
    this.threads = Integer.parseInt(options.getOrDefault("threads", "4"));
    this.childJava =
        options.getOrDefault(
            "child-java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    this.traceClasses =
        options.containsKey("trace-classes") ? Path.of(options.get("trace-classes")) : null;
    this.childFlags = words(options.getOrDefault("child-flags", ""));
    this.baseline =
        options.containsKey("baseline") ? Path.of(options.get("baseline")).toAbsolutePath() : null;
    this.exploded = !options.getOrDefault("layout", "exploded").equals("jar");
    this.only = words(options.getOrDefault("only", "").replace(',', ' '));
  }

  private static List<String> words(String text) {
    return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].replaceFirst("^--", "");
      if (name.startsWith("skip-")) {
        options.put(name, "true");
      } else {
        options.put(name, args[++i]);
      }
    }
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("template.yaml"))) {
      root = root.getParent();
    }
    PrintStream report = System.out;
    int status = 0;
    try {
      new Measure(report, root, options)
          .run(options.containsKey("skip-cold"), options.containsKey("skip-pipeline"));
    } catch (Exception | Error e) {
      e.printStackTrace(report);
      status = 1;
    }
    System.exit(status); // DynamoDB Local leaves non-daemon threads behind
  }

  private void run(boolean skipCold, boolean skipPipeline) throws Exception {
    long started = System.nanoTime();
    report.println("# Comm Credits — measured " + Instant.now() + " (" + machine() + ")");
    packageSizes();
    report.println("\nstarting the local emulators…");
    deployment =
        LocalDeployment.start(
            LocalDeployment.Options.defaults().withTemplate(root.resolve("template.yaml")));
    openOrgs();
    if (!skipCold) {
      coldStarts();
    }
    if (!skipPipeline) {
      throughputAndCost();
    }
    report.printf(Locale.ROOT, "%nmeasured in %.0f s%n", (System.nanoTime() - started) / 1e9);
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors()
        + " cores, JDK "
        + System.getProperty("java.version");
  }

  // ------------------------------------------------------------------ packages

  private static final List<String> FUNCTIONS =
      List.of(
          "rate-calls",
          "check-balance",
          "auto-recharge",
          "send-email",
          "authorize-call",
          "sweep-accounts",
          "admin-api",
          "console");

  private void packageSizes() {
    report.println("\n## Function packages (the shaded jar sam build ships; target ≤ 6 MB)\n");
    report.println("| function | MB |");
    report.println("|---|---|");
    for (String function : FUNCTIONS) {
      Path jar = jarOf(function);
      try {
        report.printf(Locale.ROOT, "| %s | %.1f |%n", function, Files.size(jar) / 1e6);
      } catch (IOException e) {
        report.printf("| %s | not built (%s) |%n", function, jar);
      }
    }
  }

  /**
   * What a cold start runs from: by default the jar unpacked into a directory, as {@code
   * functions/lambda.mk} lays it out for Lambda (/var/task holds the classes, not the jar); {@code
   * --layout jar} runs the jar itself.
   */
  private Path classpathOf(Path checkout, String function) throws IOException {
    Path jar = jarOf(checkout, function);
    if (!exploded) {
      return jar;
    }
    String key = checkout + "!" + function;
    Path dir = explodedDirs.get(key);
    if (dir == null) {
      dir = Files.createTempDirectory("measure-task-" + function + "-");
      try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
        for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
          Path target = dir.resolve(entry.getName()).normalize();
          if (!target.startsWith(dir)) {
            throw new IOException("entry outside the package: " + entry.getName());
          }
          if (entry.isDirectory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            try (InputStream in = zip.getInputStream(entry)) {
              Files.copy(in, target);
            }
          }
        }
      }
      explodedDirs.put(key, dir);
    }
    return dir;
  }

  private Path jarOf(String function) {
    return jarOf(root, function);
  }

  private static Path jarOf(Path checkout, String function) {
    return checkout.resolve("functions").resolve(function).resolve("target/function.jar");
  }

  // ------------------------------------------------------------------ orgs

  private static final int ORGS = 30;
  private final List<String> orgs = new ArrayList<>();
  private final String hotOrg = "bench-hot";
  private final String coldOrg = "bench-cold";

  private void openOrgs() {
    AccountAdministration administration = new LocalAdmin(deployment).administration();
    List<String> all = new ArrayList<>();
    for (int i = 0; i < ORGS; i++) {
      orgs.add(String.format(Locale.ROOT, "bench-o%02d", i));
    }
    all.addAll(orgs);
    all.add(hotOrg);
    all.add(coldOrg);
    Instant now = Instant.now();
    for (String org : all) {
      administration.openAccount(
          org,
          "Bench " + org,
          Currency.getInstance("USD"),
          Language.EN,
          List.of("admin@" + org + ".example"),
          50,
          now);
      administration.addFunds(org, "bench-deposit", Money.of("1000000", "USD"), now);
    }
  }

  // ------------------------------------------------------------------ cold starts

  private record Function(
      String name,
      String logicalId,
      String handler,
      String kind,
      java.util.function.IntFunction<String> body) {}

  private List<Function> functions() {
    return List.of(
        new Function(
            "rate-calls",
            "RateCallsFunction",
            "com.commcredits.ratecalls.RateCallsHandler",
            "sqs",
            n -> callRecord(coldOrg, "cold-" + token + "-" + n, "+12125550123")),
        new Function(
            "check-balance",
            "CheckBalanceFunction",
            "com.commcredits.checkbalance.CheckBalanceHandler",
            "sqs",
            n ->
                "{\"orgId\":\""
                    + coldOrg
                    + "\",\"cause\":\"CALL_CHARGE\",\"at\":\""
                    + now()
                    + "\"}"),
        new Function(
            "auto-recharge",
            "AutoRechargeFunction",
            "com.commcredits.autorecharge.AutoRechargeHandler",
            "sqs",
            n ->
                "{\"orgId\":\""
                    + coldOrg
                    + "\",\"attemptId\":\"recharge-"
                    + coldOrg
                    + "-"
                    + token
                    + n
                    + "\",\"notBefore\":\""
                    + now()
                    + "\"}"),
        new Function(
            "send-email",
            "SendEmailFunction",
            "com.commcredits.sendemail.SendEmailHandler",
            "sqs",
            n ->
                "{\"notificationId\":\"low-"
                    + token
                    + "-"
                    + n
                    + "\",\"orgId\":\""
                    + coldOrg
                    + "\",\"kind\":\"LOW_BALANCE\",\"at\":\""
                    + now()
                    + "\",\"balance\":{\"currency\":\"USD\",\"amount\":\"150.50\"},"
                    + "\"trigger\":{\"currency\":\"USD\",\"amount\":\"200.00\"}}"),
        new Function(
            "authorize-call",
            "AuthorizeCallFunction",
            "com.commcredits.authorizecall.AuthorizeCallHandler",
            "http",
            n ->
                "{\"orgId\":\""
                    + coldOrg
                    + "\",\"callId\":\"call-"
                    + token
                    + "-"
                    + n
                    + "\",\"userLocation\":\"US\",\"callType\":\"conf_out\",\"numberType\":\"toll\","
                    + "\"callerNumber\":\"+12065550100\",\"calleeNumber\":\"+81312345678\","
                    + "\"wantedMinutes\":1}"),
        new Function(
            "sweep-accounts",
            "SweepAccountsFunction",
            "com.commcredits.sweepaccounts.SweepAccountsHandler",
            "map",
            n -> "{}"),
        new Function(
            "admin-api",
            "AdminApiFunction",
            "com.commcredits.adminapi.AdminApiHandler",
            "api",
            n -> "/orgs/" + coldOrg));
  }

  private static String now() {
    return Instant.now().toString();
  }

  private int eventNumber;

  private void coldStarts() throws Exception {
    Path childClasses = childClasses();
    report.printf(
        "%n## First event in a fresh JVM (taskset -c 0, -XX:ActiveProcessorCount=1, %s, %s)%n%n",
        String.join(" ", concat(DEPLOYED_FLAGS, childFlags)), childJava);
    List<Long> hello = new ArrayList<>();
    Map<String, List<Long>> cold = new LinkedHashMap<>();
    Map<String, List<Long>> baselineCold = new LinkedHashMap<>();
    Map<String, List<Double>> primed = new LinkedHashMap<>();
    Map<String, List<long[]>> primedNanos = new LinkedHashMap<>();
    List<Function> functions =
        functions().stream().filter(f -> only.isEmpty() || only.contains(f.name())).toList();
    if (baseline != null) {
      for (Function function : functions) {
        if (!Files.exists(jarOf(baseline, function.name()))) {
          throw new IllegalArgumentException(
              "--baseline "
                  + baseline
                  + ": no "
                  + jarOf(baseline, function.name())
                  + " (build it there first: mvn -B -DskipTests package)");
        }
      }
    }
    for (int run = 0; run < runs; run++) {
      for (Function function : functions) {
        hello.add(
            timeChild(List.of("-cp", childClasses.toString(), HelloWorld.class.getName()), Map.of())
                .wallNanos);
        Path first = bodyFile(function.body().apply(++eventNumber));
        Child child =
            timeChild(
                List.of(
                    "-cp",
                    classpathOf(root, function.name()) + java.io.File.pathSeparator + childClasses,
                    FirstEvent.class.getName(),
                    "cold",
                    function.handler(),
                    function.kind(),
                    first.toString()),
                environmentOf(function));
        cold.computeIfAbsent(function.name(), f -> new ArrayList<>()).add(child.wallNanos);
        if (baseline != null) {
          // The baseline's package right after this one's, on the same event: side by side.
          Path again = bodyFile(function.body().apply(++eventNumber));
          Child before =
              timeChild(
                  List.of(
                      "-cp",
                      classpathOf(baseline, function.name())
                          + java.io.File.pathSeparator
                          + childClasses,
                      FirstEvent.class.getName(),
                      "cold",
                      function.handler(),
                      function.kind(),
                      again.toString()),
                  environmentOf(function));
          baselineCold
              .computeIfAbsent(function.name(), f -> new ArrayList<>())
              .add(before.wallNanos);
        }
        if (run >= primedRuns) {
          continue;
        }
        Path one = bodyFile(function.body().apply(++eventNumber));
        Path two = bodyFile(function.body().apply(++eventNumber));
        Child primedChild =
            timeChild(
                List.of(
                    "-cp",
                    classpathOf(root, function.name()) + java.io.File.pathSeparator + childClasses,
                    FirstEvent.class.getName(),
                    "primed",
                    function.handler(),
                    function.kind(),
                    one.toString(),
                    two.toString()),
                environmentOf(function));
        long[] nanos = primedChild.primed();
        if (traceClasses != null) {
          Files.createDirectories(traceClasses);
          Files.writeString(
              traceClasses.resolve(function.name() + "-primed-" + run + ".log"),
              primedChild.output());
        }
        primed
            .computeIfAbsent(function.name(), f -> new ArrayList<>())
            .add((double) nanos[0] / nanos[1]);
        primedNanos.computeIfAbsent(function.name(), f -> new ArrayList<>()).add(nanos);
      }
    }
    double helloMs = median(hello) / 1e6;
    report.printf(
        Locale.ROOT, "hello-world JVM: %.0f ms (median of %d)%n%n", helloMs, hello.size());
    report.println(
        "| function | first event, fresh JVM | ÷ hello-world (target ≤ 8×) | after priming: 1st / 2nd event | 1st ÷ 2nd (target ≤ 1.5×) |");
    report.println("|---|---|---|---|---|");
    for (Function function : functions) {
      double ms = median(cold.get(function.name())) / 1e6;
      List<long[]> pairs = primedNanos.get(function.name());
      if (pairs == null) { // --primed-runs 0
        report.printf(
            Locale.ROOT, "| %s | %.0f ms | %.1f× | – | – |%n", function.name(), ms, ms / helloMs);
        continue;
      }
      double firstMs = median(pairs.stream().map(p -> p[0]).toList()) / 1e6;
      double secondMs = median(pairs.stream().map(p -> p[1]).toList()) / 1e6;
      report.printf(
          Locale.ROOT,
          "| %s | %.0f ms | %.1f× | %.1f / %.1f ms | %.1f× |%n",
          function.name(),
          ms,
          ms / helloMs,
          firstMs,
          secondMs,
          medianOf(primed.get(function.name())));
    }
    if (baseline != null) {
      report.printf(
          "%n### Side by side: this checkout ÷ the baseline %s (same run, alternating)%n%n",
          baseline);
      report.println("| function | this checkout | baseline | this ÷ baseline |");
      report.println("|---|---|---|---|");
      for (Function function : functions) {
        double now = median(cold.get(function.name())) / 1e6;
        double before = median(baselineCold.get(function.name())) / 1e6;
        report.printf(
            Locale.ROOT,
            "| %s | %.0f ms | %.0f ms | %.2f |%n",
            function.name(),
            now,
            before,
            now / before);
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private Map<String, String> environmentOf(Function function) {
    Map<String, String> environment =
        new HashMap<>(deployment.functionEnvironment(function.logicalId()));
    environment.remove("JAVA_TOOL_OPTIONS"); // the flags are passed explicitly
    return environment;
  }

  private Path bodyFile(String body) throws IOException {
    Path file = Files.createTempFile("measure-event-", ".json");
    file.toFile().deleteOnExit();
    Files.writeString(file, body);
    return file;
  }

  /** The two classes a child JVM runs, alone in a directory (no interceptor list, no SDK). */
  private static Path childClasses() throws IOException {
    Path dir = Files.createTempDirectory("measure-child-");
    for (Class<?> type : List.of(HelloWorld.class, FirstEvent.class)) {
      String resource = type.getName().replace('.', '/') + ".class";
      Path target = dir.resolve(resource);
      Files.createDirectories(target.getParent());
      try (InputStream in = Measure.class.getClassLoader().getResourceAsStream(resource)) {
        Files.copy(in, target);
      }
    }
    return dir;
  }

  private record Child(long wallNanos, String output) {
    long[] primed() {
      for (String line : output.split("\n")) {
        if (line.startsWith("PRIMED ")) {
          String[] parts = line.split(" ");
          return new long[] {Long.parseLong(parts[1].trim()), Long.parseLong(parts[2].trim())};
        }
      }
      throw new IllegalStateException("the primed child printed no timing:\n" + output);
    }
  }

  private Child timeChild(List<String> javaArgs, Map<String, String> environment)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/taskset"))) {
      command.addAll(List.of("/usr/bin/taskset", "-c", "0"));
    }
    command.add(childJava);
    command.add("-XX:ActiveProcessorCount=1");
    command.add("-Xshare:auto");
    command.addAll(DEPLOYED_FLAGS);
    command.addAll(childFlags);
    if (traceClasses != null && javaArgs.contains("primed")) {
      command.add("-Xlog:class+load=info:stdout:uptime");
    }
    command.addAll(javaArgs);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    String path = env.get("PATH");
    env.clear();
    env.put("PATH", path);
    env.putAll(environment);
    Path out = Files.createTempFile("measure-child-", ".log");
    builder.redirectOutput(out.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    int status = process.waitFor();
    long wall = System.nanoTime() - start;
    String output = Files.readString(out);
    Files.delete(out);
    if (status != 0) {
      throw new IllegalStateException("child failed (" + status + "): " + command + "\n" + output);
    }
    return new Child(wall, output);
  }

  // ------------------------------------------------------------------ throughput and cost

  private void throughputAndCost() throws Exception {
    report.printf(
        "%n## Pipeline throughput (%d concurrent rate-calls instances, batches of %d, %d s per phase)%n%n",
        threads, BATCH, seconds);
    double raw30 = rawTransactions(orgs);
    double raw1 = rawTransactions(List.of(hotOrg));
    Phase pipeline30 = pipeline(orgs, false);
    Phase pipeline1 = pipeline(List.of(hotOrg), false);
    Cost cost = costOf(countedBatches(orgs, COUNTED_BATCHES));
    report.println(
        "| orgs | raw debit transactions/s | pipeline CDR/s | pipeline ÷ raw (target ≥ 0.8) |");
    report.println("|---|---|---|---|");
    report.printf(
        Locale.ROOT,
        "| 30 | %.0f | %.0f | %.2f |%n",
        raw30,
        pipeline30.perSecond(),
        pipeline30.perSecond() / raw30);
    report.printf(
        Locale.ROOT,
        "| 1 (hot org) | %.0f | %.0f | %.2f |%n",
        raw1,
        pipeline1.perSecond(),
        pipeline1.perSecond() / raw1);
    report.printf(
        Locale.ROOT,
        "%none hot org ÷ thirty: %.2f; records that failed: %d (30 orgs), %d (1 org)%n",
        pipeline1.perSecond() / pipeline30.perSecond(),
        pipeline30.failed(),
        pipeline1.failed());
    cost.print(report);
  }

  /**
   * DynamoDB Local's own rate for the shape of a one-record debit: one 3-item transaction (the
   * entry put if absent, the balance added to, a hold deleted), from {@code threads} threads.
   */
  private double rawTransactions(List<String> targetOrgs) throws InterruptedException {
    DynamoDbClient dynamoDb = deployment.dynamoDb();
    String table = deployment.tableName("LedgerTable");
    AtomicLong sequence = new AtomicLong();
    LongAdder done = new LongAdder();
    Runnable one =
        () -> {
          long n = sequence.incrementAndGet();
          String org = targetOrgs.get((int) (n % targetOrgs.size()));
          String id = "raw-" + token + "-" + targetOrgs.size() + "-" + n;
          dynamoDb.transactWriteItems(
              t ->
                  t.transactItems(
                      putIfAbsent(table, "RAW#" + org, "ENTRY#" + id),
                      TransactWriteItem.builder()
                          .update(
                              Update.builder()
                                  .tableName(table)
                                  .key(key("RAW#" + org, "ACCOUNT"))
                                  .updateExpression("ADD rawBalance :a")
                                  .expressionAttributeValues(
                                      Map.of(":a", AttributeValue.fromN("-1")))
                                  .build())
                          .build(),
                      TransactWriteItem.builder()
                          .delete(
                              Delete.builder()
                                  .tableName(table)
                                  .key(key("RAW#" + org, "HOLD#" + id))
                                  .build())
                          .build()));
          done.increment();
        };
    return runFor(one, done, Duration.ofSeconds(2)) / 1.0;
  }

  private static TransactWriteItem putIfAbsent(String table, String pk, String sk) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(
                    Map.of(
                        "pk", AttributeValue.fromS(pk),
                        "sk", AttributeValue.fromS(sk),
                        "amount", AttributeValue.fromN("-12500"),
                        "at", AttributeValue.fromS(now())))
                .conditionExpression("attribute_not_exists(pk)")
                .build())
        .build();
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
  }

  /** Runs {@code work} from every thread for a warm-up, then for the phase; returns work/s. */
  private double runFor(Runnable work, LongAdder done, Duration warmUp)
      throws InterruptedException {
    return runFor(work, done, warmUp, () -> {});
  }

  private double runFor(Runnable work, LongAdder done, Duration warmUp, Runnable onPhaseStart)
      throws InterruptedException {
    long warmUntil = System.nanoTime() + warmUp.toNanos();
    long[] window = new long[2];
    List<Thread> workers = new ArrayList<>();
    Object gate = new Object();
    long[] phaseStart = {0};
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                while (System.nanoTime() < warmUntil) {
                  runQuietly(work);
                }
                synchronized (gate) {
                  if (phaseStart[0] == 0) {
                    onPhaseStart.run();
                    done.reset();
                    phaseStart[0] = System.nanoTime();
                  }
                }
                long until = phaseStart[0] + Duration.ofSeconds(seconds).toNanos();
                while (System.nanoTime() < until) {
                  runQuietly(work);
                }
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    window[0] = phaseStart[0];
    window[1] = System.nanoTime();
    return done.sum() / ((window[1] - window[0]) / 1e9);
  }

  private void runQuietly(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      faults.increment();
    }
  }

  private final LongAdder faults = new LongAdder();

  private record Phase(
      double perSecond,
      long charged,
      long failed,
      long invocations,
      long durationMillis,
      long logBytes) {}

  /**
   * rate-calls handlers (one per thread, like separate Lambda instances) given batches of 25 new
   * CDRs for {@code targetOrgs}, round robin. With {@code counted}, the AWS requests, capacity
   * units, invocation durations and log bytes of the measured phase are kept for the cost table.
   */
  private Phase pipeline(List<String> targetOrgs, boolean counted) throws Exception {
    CountingStream logs = new CountingStream();
    PrintStream original = System.out;
    List<RequestHandler<SQSEvent, SQSBatchResponse>> handlers = new ArrayList<>();
    System.setOut(new PrintStream(logs, true));
    try {
      for (int t = 0; t < threads; t++) {
        handlers.add(deployment.newHandler("RateCallsFunction"));
      }
    } finally {
      System.setOut(original);
    }
    AtomicLong sequence = new AtomicLong();
    ThreadLocal<RequestHandler<SQSEvent, SQSBatchResponse>> mine = new ThreadLocal<>();
    ConcurrentLinkedQueue<RequestHandler<SQSEvent, SQSBatchResponse>> free =
        new ConcurrentLinkedQueue<>(handlers);
    LongAdder batches = new LongAdder();
    LongAdder failed = new LongAdder();
    LongAdder millis = new LongAdder();
    boolean[] measuring = {false};
    Runnable oneBatch =
        () -> {
          if (mine.get() == null) {
            mine.set(free.poll());
          }
          SQSEvent event = batchOf(targetOrgs, sequence, "p-");
          long start = System.nanoTime();
          SQSBatchResponse response = mine.get().handleRequest(event, null);
          long took = System.nanoTime() - start;
          if (measuring[0]) {
            millis.add(Math.max(1, (took + 999_999) / 1_000_000));
            failed.add(response.getBatchItemFailures().size());
          }
          batches.increment();
        };
    // Every instance is warmed first (its first batches are its cold start), then measured.
    deployment.purgeQueues();
    double batchesPerSecond =
        runFor(
            oneBatch,
            batches,
            Duration.ofSeconds(3),
            () -> {
              if (counted) {
                deployment.purgeQueues(); // the warm-up's balance changes are not this phase's
                logs.reset();
                RequestCounter.reset();
              }
              failed.reset();
              millis.reset();
              measuring[0] = true;
            });
    RequestCounter.stop();
    long invocations = batches.sum();
    long charged = invocations * BATCH - failed.sum();
    return new Phase(
        batchesPerSecond * BATCH, charged, failed.sum(), invocations, millis.sum(), logs.count());
  }

  /**
   * The cost of 1 M CDRs: what the measured rate-calls phase counted, plus check-balance draining
   * the balance changes that phase published (its receive and delete requests stand for the event
   * source mapping's). The call-records queue's own requests are modelled: per batch of {@link
   * #BATCH}, ceil(BATCH / 10) receives (at most 10 messages each) and as many batch deletes; the
   * platform's sends, one {@code SendMessageBatch} per 10 records as the CDR contract says.
   */
  static final int COUNTED_RECORDS = 2_000;

  static final int COUNTED_BATCHES = Math.max(2, COUNTED_RECORDS / BATCH);

  /**
   * One warmed rate-calls instance, one batch after another (as one Lambda instance on its own CPU
   * would run them), with every request, capacity unit, duration and log byte counted.
   */
  private Phase countedBatches(List<String> targetOrgs, int count) throws Exception {
    CountingStream logs = new CountingStream();
    PrintStream original = System.out;
    RequestHandler<SQSEvent, SQSBatchResponse> handler;
    System.setOut(new PrintStream(logs, true));
    try {
      handler = deployment.newHandler("RateCallsFunction");
    } finally {
      System.setOut(original);
    }
    AtomicLong sequence = new AtomicLong();
    for (int warm = 0; warm < 3; warm++) {
      handler.handleRequest(batchOf(targetOrgs, sequence, "w-"), null);
    }
    deployment.purgeQueues();
    logs.reset();
    RequestCounter.reset();
    long millis = 0;
    long failed = 0;
    long start = System.nanoTime();
    for (int b = 0; b < count; b++) {
      SQSEvent event = batchOf(targetOrgs, sequence, "c-");
      long began = System.nanoTime();
      SQSBatchResponse response = handler.handleRequest(event, null);
      millis += Math.max(1, (System.nanoTime() - began + 999_999) / 1_000_000);
      failed += response.getBatchItemFailures().size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    RequestCounter.stop();
    return new Phase(
        count * BATCH / seconds, count * BATCH - failed, failed, count, millis, logs.count());
  }

  private SQSEvent batchOf(List<String> targetOrgs, AtomicLong sequence, String prefix) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      long n = sequence.incrementAndGet();
      // Orgs drawn at random (seeded by the record's number), as calls arrive: a batch of 1,000
      // over 30 orgs names all of them, about 33 records each.
      String org = targetOrgs.get(new SplittableRandom(n).nextInt(targetOrgs.size()));
      SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
      message.setMessageId(UUID.randomUUID().toString());
      message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
      message.setBody(
          callRecord(
              org,
              prefix + token + "-" + targetOrgs.size() + "-" + n,
              String.format(Locale.ROOT, "+1212555%04d", n % 10_000)));
      records.add(message);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private Cost costOf(Phase rating) throws Exception {
    Map<String, Long> ratingRequests = RequestCounter.requests();
    double ratingWru = RequestCounter.writeUnits();
    double ratingRru = RequestCounter.readUnits();
    CountingStream logs = new CountingStream();
    PrintStream original = System.out;
    RequestHandler<SQSEvent, SQSBatchResponse> checkBalance;
    System.setOut(new PrintStream(logs, true));
    try {
      checkBalance = deployment.newHandler("CheckBalanceFunction");
    } finally {
      System.setOut(original);
    }
    RequestCounter.reset();
    String queue = deployment.queueUrl("BalanceChangesQueue");
    long invocations = 0;
    long millis = 0;
    while (true) {
      List<Message> messages =
          deployment
              .sqs()
              .receiveMessage(
                  r -> r.queueUrl(queue).maxNumberOfMessages(BALANCE_BATCH).waitTimeSeconds(1))
              .messages();
      if (messages.isEmpty()) {
        break;
      }
      List<SQSEvent.SQSMessage> records = new ArrayList<>();
      for (Message m : messages) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(m.messageId());
        record.setBody(m.body());
        record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        records.add(record);
      }
      SQSEvent event = new SQSEvent();
      event.setRecords(records);
      long start = System.nanoTime();
      checkBalance.handleRequest(event, null);
      millis += Math.max(1, (System.nanoTime() - start + 999_999) / 1_000_000);
      invocations++;
      deployment
          .sqs()
          .deleteMessageBatch(
              d ->
                  d.queueUrl(queue)
                      .entries(
                          messages.stream()
                              .map(
                                  m ->
                                      DeleteMessageBatchRequestEntry.builder()
                                          .id(m.messageId())
                                          .receiptHandle(m.receiptHandle())
                                          .build())
                              .toList()));
    }
    RequestCounter.stop();
    // The last, empty receive is the poller noticing the queue is drained, not a cost per CDR.
    Map<String, Long> checkRequests = new HashMap<>(RequestCounter.requests());
    checkRequests.merge("Sqs.ReceiveMessage", -1L, Long::sum);
    return new Cost(
        rating,
        ratingRequests,
        ratingWru,
        ratingRru,
        checkRequests,
        RequestCounter.writeUnits(),
        RequestCounter.readUnits(),
        invocations,
        millis,
        logs.count());
  }

  private record Cost(
      Phase rating,
      Map<String, Long> ratingRequests,
      double ratingWru,
      double ratingRru,
      Map<String, Long> checkRequests,
      double checkWru,
      double checkRru,
      long checkInvocations,
      long checkMillis,
      long checkLogBytes) {

    void print(PrintStream out) {
      double cdrs = rating.charged();
      double perMillion = 1_000_000 / cdrs;
      long ratingSqs = sum(ratingRequests, "Sqs.");
      long checkSqs = sum(checkRequests, "Sqs.");
      int requestsPerBatch = (BATCH + SQS_MESSAGES_PER_REQUEST - 1) / SQS_MESSAGES_PER_REQUEST;
      double esmSqs = rating.invocations() * 2.0 * requestsPerBatch;
      double platformSqs = cdrs / PLATFORM_SEND_BATCH;
      double sqsPerCdr = (ratingSqs + checkSqs + esmSqs + platformSqs) / cdrs;
      double wruPerCdr = (ratingWru + checkWru) / cdrs;
      double rruPerCdr = (ratingRru + checkRru) / cdrs;
      double gbSeconds = (rating.durationMillis() + checkMillis) / 1000.0 * MEMORY_GB;
      double invocations = rating.invocations() + checkInvocations;
      double logBytesPerCdr = (rating.logBytes() + checkLogBytes) / cdrs;
      double dynamo = wruPerCdr * USD_PER_MILLION_WRU + rruPerCdr * USD_PER_MILLION_RRU;
      double sqs = sqsPerCdr * USD_PER_MILLION_SQS;
      double lambda =
          gbSeconds * perMillion * USD_PER_GB_SECOND
              + invocations / cdrs * USD_PER_MILLION_INVOCATIONS;
      double logs = logBytesPerCdr * USD_PER_LOG_GB / 1000.0;
      out.printf(
          Locale.ROOT,
          "%n## Cost of 1 M CDRs (from %,.0f charged CDRs, counted; us-east-1 prices, excl. email)%n%n",
          cdrs);
      out.println("| what | per CDR | USD per 1 M CDRs |");
      out.println("|---|---|---|");
      out.printf(
          Locale.ROOT,
          "| DynamoDB write units (rate-calls %.2f + check-balance %.2f) | %.2f WRU | %.2f |%n",
          ratingWru / cdrs,
          checkWru / cdrs,
          wruPerCdr,
          wruPerCdr * USD_PER_MILLION_WRU);
      out.printf(
          Locale.ROOT,
          "| DynamoDB read units | %.2f RRU | %.2f |%n",
          rruPerCdr,
          rruPerCdr * USD_PER_MILLION_RRU);
      out.printf(
          Locale.ROOT,
          "| SQS requests (platform's SendMessageBatch %.2f, call-records event source %.2f, rate-calls sends %.2f, check-balance %.2f) | %.2f | %.2f |%n",
          platformSqs / cdrs,
          esmSqs / cdrs,
          ratingSqs / cdrs,
          checkSqs / cdrs,
          sqsPerCdr,
          sqs);
      out.printf(
          Locale.ROOT,
          "| Lambda (%.1f ms a batch of %d for rate-calls; %.2f invocations) | %.3f GB-ms | %.2f |%n",
          (double) rating.durationMillis() / rating.invocations(),
          BATCH,
          invocations / cdrs,
          gbSeconds * 1000 / cdrs,
          lambda);
      out.printf(
          Locale.ROOT,
          "| CloudWatch log bytes (rate-calls %.1f + check-balance %.1f) | %.1f B | %.2f |%n",
          rating.logBytes() / cdrs,
          checkLogBytes / cdrs,
          logBytesPerCdr,
          logs);
      out.printf(
          Locale.ROOT,
          "| **total** (target ≤ 1.50) | | **%.2f** |%n",
          dynamo + sqs + lambda + logs);
      out.println("\nrequests counted, rate-calls: " + ratingRequests);
      out.println("requests counted, check-balance: " + checkRequests);
    }

    private static long sum(Map<String, Long> requests, String prefix) {
      return requests.entrySet().stream()
          .filter(e -> e.getKey().startsWith(prefix))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }
  }

  /** The BatchSize of the rate-calls function's {@code CallRecords} event in template.yaml. */
  static int callRecordsBatchSize() {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("template.yaml"))) {
      root = root.getParent();
    }
    try {
      String template = Files.readString(root.resolve("template.yaml"));
      var found =
          java.util.regex.Pattern.compile("\\n\\s+CallRecords:\\n(?:.*\\n)*?\\s+BatchSize: (\\d+)")
              .matcher(template);
      if (!found.find()) {
        throw new IllegalStateException("template.yaml: no BatchSize for the CallRecords event");
      }
      return Integer.parseInt(found.group(1));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * When the measured calls start: an hour before the run, not a fixed date, which would one day be
   * older than the charging review window and turn every record into a rejection.
   */
  private static final Instant CALL_START =
      Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  static String callRecord(String org, String usageId, String callee) {
    return "{\"schemaVersion\":1,\"usageId\":\""
        + usageId
        + "\",\"orgId\":\""
        + org
        + "\",\"callId\":\"call-"
        + usageId
        + "\",\"conferenceId\":\"conf-1\",\"userPrincipalName\":\"anna@"
        + org
        + ".example\",\"userDisplayName\":\"Anna Example\",\"userLocation\":\"US\","
        + "\"callType\":\"conf_out\",\"numberType\":\"toll\",\"callerNumber\":\"+12065550100\","
        + "\"calleeNumber\":\""
        + callee
        + "\",\"startTime\":\""
        + CALL_START
        + "\",\"endTime\":\""
        + CALL_START.plusSeconds(125)
        + "\",\"durationSeconds\":125}";
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static double medianOf(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  /** Counts the bytes a function logs (its JSON lines), as CloudWatch would ingest them. */
  static final class CountingStream extends OutputStream {
    private final LongAdder bytes = new LongAdder();

    @Override
    public void write(int b) {
      bytes.increment();
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes.add(len);
    }

    long count() {
      return bytes.sum();
    }

    void reset() {
      bytes.reset();
    }
  }
}
