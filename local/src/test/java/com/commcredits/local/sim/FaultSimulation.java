package com.commcredits.local.sim;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.commcredits.local.LocalAdmin;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.events.LocalContext;
import com.commcredits.local.template.FunctionSpec;
import com.commcredits.local.template.SqsEventSource;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seeded fault simulation of the money path: scenario after scenario of random call records,
 * deposits, auto-recharge flips and card swaps for a few orgs, worked through the real handlers of
 * the four queue-driven functions over the real emulators, with faults injected at their SDK calls
 * ({@link FaultInjector}) and at the card provider ({@link FakeStripe} behind the real Stripe
 * adapter), and the money-path invariants checked after each ({@link Scenario}).
 *
 * <p>Scenario {@code i} of a run with seed {@code s} has seed {@code s + i}: a failing one reruns
 * alone with its own seed and a count of 1.
 */
final class FaultSimulation implements AutoCloseable {

  /** A function fed from one queue, invoked directly by the simulation (no poller). */
  record Consumer(
      String functionId,
      String queueId,
      String queueUrl,
      String deadLetterQueueUrl,
      String functionArn,
      FunctionSpec spec,
      int batchSize,
      int maxReceiveCount,
      RequestHandler<SQSEvent, SQSBatchResponse> handler) {}

  /** What a run did; {@code failures} holds one report per failing scenario. */
  record Figures(
      int scenarios,
      long callRecords,
      long callCharges,
      long cardCharges,
      long recharges,
      long emails,
      long invocations,
      long invariantChecks,
      Map<String, Integer> faults,
      List<Scenario.Report> failures,
      Duration time) {

    String summary() {
      return "fault simulation: "
          + scenarios
          + " scenarios, "
          + callRecords
          + " call records, "
          + callCharges
          + " call charges, "
          + cardCharges
          + " card charges, "
          + recharges
          + " recharges credited, "
          + emails
          + " emails, "
          + invocations
          + " handler invocations, faults injected "
          + faults
          + ", "
          + invariantChecks
          + " invariant checks, "
          + failures.size()
          + " failing scenario(s), "
          + time.toMillis() / 1000.0
          + " s ("
          + (scenarios == 0 ? 0 : time.toMillis() / scenarios)
          + " ms a scenario)";
    }
  }

  static final String STRIPE_KEY = "sk_test_simulation";
  private static final PrintStream FUNCTION_LOG = new PrintStream(OutputStream.nullOutputStream());

  private final LocalDeployment deployment;
  private final FakeStripe stripe = new FakeStripe();
  private final LocalAdmin admin;
  private final Map<String, Consumer> consumers = new LinkedHashMap<>();

  FaultSimulation(LocalDeployment deployment) {
    this.deployment = deployment;
    this.admin = new LocalAdmin(deployment);
    for (String functionId :
        List.of(
            "RateCallsFunction",
            "CheckBalanceFunction",
            "AutoRechargeFunction",
            "SendEmailFunction")) {
      consumers.put(functionId, consumer(functionId));
    }
  }

  /** The deployment the simulation runs on: the template's, with a back-off that waits no time. */
  static LocalDeployment.Options deploymentOptions() {
    return LocalDeployment.Options.defaults()
        .withStackName("fault-sim")
        .withParameter("PaymentGateway", "stripe")
        .withParameter("SoftDeclineBackoff", "PT0S,PT0S,PT0S")
        .withParameter("ProcessingErrorBackoff", "PT0S,PT0S,PT0S");
  }

  private Consumer consumer(String functionId) {
    FunctionSpec spec = deployment.template().functions().get(functionId);
    SqsEventSource source = spec.sqsEventSources().get(0);
    var redrive =
        deployment.template().queues().get(source.queueLogicalId()).redrivePolicy().orElseThrow();
    String dlq = redrive.deadLetterQueueLogicalId();
    Map<String, String> environment = new HashMap<>(deployment.functionEnvironment(functionId));
    // Money's own Stripe client and today's wiring both read these; a local stand-in only.
    environment.put("STRIPE_SECRET_KEY", STRIPE_KEY);
    environment.put("STRIPE_API_BASE_URL", stripe.baseUrl());
    // A recharge request not picked up is re-sent at the next balance check, with no wait: the
    // simulation's clock does not run for minutes.
    environment.put("RECHARGE_STALE_REQUEST_AFTER", "PT0S");
    environment.put("LOG_LEVEL", "ERROR");
    PrintStream console = System.out;
    RequestHandler<SQSEvent, SQSBatchResponse> handler;
    System.setOut(FUNCTION_LOG);
    try {
      handler = newHandler(spec, environment);
    } finally {
      System.setOut(console);
    }
    return new Consumer(
        functionId,
        source.queueLogicalId(),
        deployment.queueUrl(source.queueLogicalId()),
        deployment.queueUrl(dlq),
        "arn:aws:lambda:us-east-1:000000000000:function:" + functionId,
        spec,
        Math.min(10, source.batchSize()),
        redrive.maxReceiveCount(),
        handler);
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<SQSEvent, SQSBatchResponse> newHandler(
      FunctionSpec spec, Map<String, String> environment) {
    try {
      return (RequestHandler<SQSEvent, SQSBatchResponse>)
          Class.forName(spec.handlerClassName()).getConstructor(Map.class).newInstance(environment);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + spec.handlerClassName(), e);
    }
  }

  LocalContext context(Consumer consumer) {
    return new LocalContext(
        consumer.functionId(),
        consumer.functionArn(),
        consumer.spec().memorySizeMb(),
        Duration.ofSeconds(consumer.spec().timeoutSeconds()),
        new LambdaLogger() {
          @Override
          public void log(String message) {}

          @Override
          public void log(byte[] message) {}
        });
  }

  /** Runs {@code count} scenarios from {@code seed}, printing a line per failure as it happens. */
  Figures run(long seed, int count, PrintStream out) {
    long started = System.nanoTime();
    Map<String, Integer> faults = new TreeMap<>();
    List<Scenario.Report> failures = new ArrayList<>();
    long[] totals = new long[7];
    for (int i = 0; i < count; i++) {
      Scenario.Report report = new Scenario(seed + i, this).run();
      totals[0] += report.callRecords();
      totals[1] += report.callCharges();
      totals[2] += report.cardCharges();
      totals[3] += report.recharges();
      totals[4] += report.emails();
      totals[5] += report.invocations();
      totals[6] += report.invariantChecks();
      report.faults().forEach((kind, n) -> faults.merge(kind, n, Integer::sum));
      if (!report.violations().isEmpty()) {
        failures.add(report);
        out.println(report.describe());
      }
      if ((i + 1) % 100 == 0) {
        out.printf(
            "fault simulation: %d/%d scenarios, %d failing, %.1f s%n",
            i + 1, count, failures.size(), (System.nanoTime() - started) / 1e9);
      }
    }
    return new Figures(
        count,
        totals[0],
        totals[1],
        totals[2],
        totals[3],
        totals[4],
        totals[5],
        totals[6],
        faults,
        failures,
        Duration.ofNanos(System.nanoTime() - started));
  }

  LocalDeployment deployment() {
    return deployment;
  }

  LocalAdmin admin() {
    return admin;
  }

  FakeStripe stripe() {
    return stripe;
  }

  Map<String, Consumer> consumers() {
    return consumers;
  }

  @Override
  public void close() {
    stripe.close();
  }
}
