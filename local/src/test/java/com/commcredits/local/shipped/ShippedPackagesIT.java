package com.commcredits.local.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.domain.account.Language;
import com.commcredits.domain.money.Money;
import com.commcredits.local.LocalAdmin;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.junit.LocalDeploymentExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each function's shipped package ({@code functions/<name>/target/function.jar}, shaded and shrunk
 * by ProGuard, what {@code sam build} unpacks) alone on a fresh JVM's class path: the handler built
 * with its no-argument constructor against the emulators, the SnapStart priming, one realistic
 * event, success, and the priming clean. A class the shrinking removed wrongly fails here, not in
 * Lambda. Also, read as class files: at most 6 MB, nothing renamed, no local variable tables, every
 * class the kept classes name present (or a hint which SDK operation the ProGuard inFilter in the
 * parent pom lacks), libphonenumber's metadata complete, no metadata of services we do not call.
 */
@ExtendWith(LocalDeploymentExtension.class)
class ShippedPackagesIT {

  private static final String ORG = "shipped-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String TOKEN = UUID.randomUUID().toString().substring(0, 8);

  private final LocalDeployment deployment;

  ShippedPackagesIT(LocalDeployment deployment) {
    this.deployment = deployment;
    synchronized (ShippedPackagesIT.class) {
      if (!opened) {
        var administration = new LocalAdmin(deployment).administration();
        administration.openAccount(
            ORG,
            "Shipped",
            Currency.getInstance("USD"),
            Language.EN,
            List.of("admin@" + ORG + ".example"),
            10,
            Instant.now());
        administration.addFunds(ORG, "shipped-deposit", Money.of("1000", "USD"), Instant.now());
        opened = true;
      }
    }
  }

  private static boolean opened;

  /** Issue 10: at most 6 MB (10^6 bytes, as the README counts) per function's package. */
  private static final long MAX_BYTES = 6_000_000;

  static Stream<Arguments> functions() {
    String now = Instant.now().toString();
    Instant callStart = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
    return Stream.of(
        Arguments.of(
            "rate-calls",
            "RateCallsFunction",
            "com.commcredits.ratecalls.RateCallsHandler",
            List.of("sqs"),
            "{\"schemaVersion\":1,\"usageId\":\"shipped-"
                + TOKEN
                + "\",\"orgId\":\""
                + ORG
                + "\",\"callId\":\"call-shipped\",\"conferenceId\":\"conf-1\","
                + "\"userPrincipalName\":\"anna@shipped.example\",\"userDisplayName\":\"Anna\","
                + "\"userLocation\":\"US\",\"callType\":\"conf_out\",\"numberType\":\"toll\","
                + "\"callerNumber\":\"+12065550100\",\"calleeNumber\":\"+12125550123\","
                + "\"startTime\":\""
                + callStart
                + "\",\"endTime\":\""
                + callStart.plusSeconds(125)
                + "\",\"durationSeconds\":125}"),
        Arguments.of(
            "check-balance",
            "CheckBalanceFunction",
            "com.commcredits.checkbalance.CheckBalanceHandler",
            List.of("sqs"),
            "{\"orgId\":\"" + ORG + "\",\"cause\":\"CALL_CHARGE\",\"at\":\"" + now + "\"}"),
        Arguments.of(
            "auto-recharge",
            "AutoRechargeFunction",
            "com.commcredits.autorecharge.AutoRechargeHandler",
            List.of("sqs"),
            "{\"orgId\":\""
                + ORG
                + "\",\"attemptId\":\"recharge-"
                + ORG
                + "-"
                + TOKEN
                + "\",\"notBefore\":\""
                + now
                + "\"}"),
        Arguments.of(
            "send-email",
            "SendEmailFunction",
            "com.commcredits.sendemail.SendEmailHandler",
            List.of("sqs"),
            "{\"notificationId\":\"low-"
                + TOKEN
                + "\",\"orgId\":\""
                + ORG
                + "\",\"kind\":\"LOW_BALANCE\",\"at\":\""
                + now
                + "\",\"balance\":{\"currency\":\"USD\",\"amount\":\"150.50\"}}"),
        Arguments.of(
            "authorize-call",
            "AuthorizeCallFunction",
            "com.commcredits.authorizecall.AuthorizeCallHandler",
            List.of("http", "POST", "/authorize", ""),
            "{\"orgId\":\""
                + ORG
                + "\",\"callId\":\"call-"
                + TOKEN
                + "\",\"userLocation\":\"US\",\"callType\":\"conf_out\",\"numberType\":\"toll\","
                + "\"callerNumber\":\"+12065550100\",\"calleeNumber\":\"+81312345678\","
                + "\"wantedMinutes\":1}"),
        Arguments.of(
            "sweep-accounts",
            "SweepAccountsFunction",
            "com.commcredits.sweepaccounts.SweepAccountsHandler",
            List.of("map"),
            "{}"),
        Arguments.of(
            "admin-api",
            "AdminApiFunction",
            "com.commcredits.adminapi.AdminApiHandler",
            List.of("http", "GET", "/orgs/" + ORG + "/ledger", "sub=admin-1;custom:org=" + ORG),
            ""),
        Arguments.of(
            "console",
            "ConsoleFunction",
            "com.commcredits.console.ConsoleHandler",
            List.of("http", "GET", "/console/", ""),
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void shippedJarAlone_buildsPrimesAndHandlesAnEvent(
      String function, String logicalId, String handler, List<String> event, String body)
      throws Exception {
    // given
    Path jar = functionJar(function);
    Path bodyFile = Files.createTempFile("shipped-event-", ".json");
    Files.writeString(bodyFile, body);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(jar + java.io.File.pathSeparator + childClasses());
    command.add(ShippedFunctionRun.class.getName());
    command.add(handler);
    command.add(event.get(0));
    command.add(bodyFile.toString());
    command.addAll(event.subList(1, event.size()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment = new HashMap<>(deployment.functionEnvironment(logicalId));
    environment.remove("JAVA_TOOL_OPTIONS");
    String path = builder.environment().get("PATH");
    builder.environment().clear();
    builder.environment().put("PATH", path);
    builder.environment().putAll(environment);
    Path out = Files.createTempFile("shipped-child-", ".log");
    builder.redirectOutput(out.toFile());

    // when
    Process process = builder.start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(out);
    Files.delete(out);
    Files.delete(bodyFile);

    // then
    assertThat(finished).as("child finished\n" + output).isTrue();
    assertThat(output)
        .doesNotContain("NoClassDefFoundError")
        .doesNotContain("ClassNotFoundException")
        .doesNotContain("NoSuchMethod")
        .contains("SHIPPED-OK");
    assertThat(output).as("the priming ran clean").doesNotContain("priming_failed");
    assertThat(process.exitValue()).as(output).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void shippedJar_isAtMostSixMegabytes_andRenamesNothing(String function) throws IOException {
    // given
    Path jar = functionJar(function);
    ShippedJar shipped = ShippedJar.read(jar);
    ShippedJar unshrunk = ShippedJar.read(unshrunkJar(function));

    // then
    assertThat(Files.size(jar)).as(function + "'s package in bytes").isLessThanOrEqualTo(MAX_BYTES);
    assertThat(shipped.renamedAgainst(unshrunk))
        .as("classes and members the ProGuard step renamed (shrink.pro: -keepnames)")
        .isEmpty();
    assertThat(shipped.classesWithLocalVariableTables())
        .as("classes that still carry local variable tables (the naming step drops them)")
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void shippedJar_namesOnlyClassesItHoldsOrTheJdkHas(String function) {
    // given
    ShippedJar shipped = ShippedJar.read(functionJar(function));

    // then
    assertThat(shipped.unresolvedReferences())
        .as(
            "classes named by the classes of "
                + function
                + "'s package that neither it nor the JDK holds (a new SDK call needs its"
                + " request and response in the ProGuard inFilter of the parent pom.xml)")
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void shippedJar_carriesTheMetadataOfOnlyTheServicesWeCall(String function) {
    // given
    ShippedJar jar = ShippedJar.read(functionJar(function));

    // then: shared's GeneratedServiceMetadataProvider shipped, not the SDK's of every service
    assertThat(
            jar.classNames().stream()
                .filter(name -> name.startsWith("software/amazon/awssdk/regions/servicemetadata/")))
        .as("service metadata classes in " + function + "'s package")
        .allMatch(
            name ->
                Set.of("Dynamodb", "Sqs", "Email", "Secretsmanager").stream()
                    .anyMatch(
                        service ->
                            name.equals(
                                "software/amazon/awssdk/regions/servicemetadata/"
                                    + service
                                    + "ServiceMetadata")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void shippedJar_keepsEveryPhoneNumberMetadataFile(String function) {
    // given
    ShippedJar jar = ShippedJar.read(functionJar(function));
    Set<String> shipped = phoneMetadata(jar);
    Set<String> unshrunk = phoneMetadata(ShippedJar.read(unshrunkJar(function)));

    // then
    assertThat(shipped).as("libphonenumber's metadata, loaded as resources").isEqualTo(unshrunk);
    if (Set.of("rate-calls", "authorize-call", "admin-api").contains(function)) {
      assertThat(shipped)
          .contains(
              "com/google/i18n/phonenumbers/data/PhoneNumberMetadataProto_US",
              "com/google/i18n/phonenumbers/data/PhoneNumberMetadataProto_DE");
      assertThat(jar.classNames())
          .as("the loader that reads them relative to its own class")
          .contains("com/google/i18n/phonenumbers/metadata/init/ClassPathResourceMetadataLoader");
    }
  }

  private static Set<String> phoneMetadata(ShippedJar jar) {
    return jar.resources().stream()
        .filter(name -> name.startsWith("com/google/i18n/phonenumbers/data/"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Path functionJar(String function) {
    Path jar = root().resolve("functions").resolve(function).resolve("target/function.jar");
    assertThat(jar).as("built by the package phase before the ITs").exists();
    return jar;
  }

  /** What the shade step built and ProGuard read (the plugin keeps it beside its output). */
  private static Path unshrunkJar(String function) {
    Path jar =
        root().resolve("functions").resolve(function).resolve("target/function_proguard_base.jar");
    assertThat(jar).as("kept by the ProGuard step").exists();
    return jar;
  }

  private static Path root() {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("template.yaml"))) {
      root = root.getParent();
    }
    return root;
  }

  /** {@link ShippedFunctionRun} alone in a directory: no test classes, no SDK, no resources. */
  private static Path childClasses() throws IOException {
    Path dir = Files.createTempDirectory("shipped-child-");
    String resource = ShippedFunctionRun.class.getName().replace('.', '/') + ".class";
    Path target = dir.resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = ShippedPackagesIT.class.getClassLoader().getResourceAsStream(resource)) {
      Files.copy(in, target);
    }
    return dir;
  }
}
