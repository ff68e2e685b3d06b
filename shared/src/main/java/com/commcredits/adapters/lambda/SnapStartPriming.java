package com.commcredits.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.metrics.EmbeddedMetricFormat;
import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.admin.AccountAdministration;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Runs a function's real path once before SnapStart takes its snapshot — its handler on a sample
 * event of the reserved priming org, whose reads find nothing, whose writes DynamoDB refuses (no
 * account item to meet their conditions) and whose sends the queue or SES refuses — so that the
 * first real invocation after a restore finds the SDK client, its HTTP connection pool, Jackson and
 * our own classes loaded and warm, and no data changed. On JVMs without CRaC, and in local runs,
 * nothing is ever checkpointed and the priming runs only when {@link #primeAll()} is called.
 */
public final class SnapStartPriming implements Resource {

  /**
   * An org id no account can have (opening it is refused): priming's reads find nothing and its
   * conditional writes fail.
   */
  public static final String PRIMING_ORG = AccountAdministration.PRIMING_ORG;

  // The CRaC context holds resources weakly; these must live as long as the function.
  private static final List<SnapStartPriming> REGISTERED = new ArrayList<>();

  private final Runnable prime;
  private final StructuredLog log;

  SnapStartPriming(Runnable prime, StructuredLog log) {
    this.prime = prime;
    this.log = log;
  }

  public static synchronized void register(Runnable prime, StructuredLog log) {
    SnapStartPriming priming = new SnapStartPriming(prime, log);
    REGISTERED.add(priming);
    Core.getGlobalContext().register(priming);
  }

  /**
   * Runs every registered priming now, as {@code beforeCheckpoint} would: for the measuring command
   * (benchmarks/run) and the tests, which have no CRaC checkpoint to trigger it.
   *
   * @return how many of them failed (each logged as {@code snapstart.priming_failed})
   */
  public static synchronized int primeAll() {
    int failed = 0;
    for (SnapStartPriming priming : REGISTERED) {
      if (!priming.prime()) {
        failed++;
      }
    }
    return failed;
  }

  /**
   * An account no org has, in USD with nothing licensed and auto-recharge off: what priming maps
   * and rates.
   */
  public static OrgAccount primingAccount() {
    return primingAccount(Money.zero(Currency.getInstance("USD")));
  }

  /** The priming account with {@code balance} (USD): a stand-in for paths that need funds. */
  public static OrgAccount primingAccount(Money balance) {
    Currency usd = Currency.getInstance("USD");
    return new OrgAccount(
        PRIMING_ORG,
        "priming",
        usd,
        balance,
        ServiceState.ACTIVE,
        Language.EN,
        List.of("priming@example.invalid"),
        0,
        AutoRecharge.off(new Money(usd, 50_000_000), new Money(usd, 10_000_000)),
        Instant.EPOCH,
        OrgLicences.NONE);
  }

  /**
   * One SQS message with {@code body}, as Lambda delivers it: what a priming run hands a handler.
   */
  public static SQSEvent sqsEvent(String body) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(PRIMING_ORG);
    message.setBody(body);
    message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return event;
  }

  /**
   * Fails the priming (logged as {@code snapstart.priming_failed}) if its sample did not go through
   * the handler as a real message does: a stand-in that refused would otherwise go unnoticed.
   */
  public static void requireNoFailures(SQSBatchResponse response) {
    if (!response.getBatchItemFailures().isEmpty()) {
      throw new IllegalStateException("the priming sample failed in the handler");
    }
  }

  /** As {@link #requireNoFailures}, for an HTTP handler's answer. */
  public static void requireStatus(APIGatewayV2HTTPResponse response, int status) {
    if (response.getStatusCode() != status) {
      throw new IllegalStateException(
          "the priming request was answered " + response.getStatusCode() + ", not " + status);
    }
  }

  /**
   * A log that formats every line as the function's does and writes it nowhere: the priming of a
   * handler's path must not put its stand-in outcomes into the function's logs.
   */
  public static StructuredLog quietLog(String component) {
    return new StructuredLog(
        component,
        StructuredLog.Level.INFO,
        new PrintStream(OutputStream.nullOutputStream()),
        Clock.systemUTC());
  }

  /**
   * What every function's first event ran that its own priming did not (found with {@code
   * benchmarks/run --trace-classes}): a JSON tree read and written, a batch's metrics lines (to
   * nowhere), a batch response.
   */
  static void primeCommonPaths() {
    try {
      JsonNode tree = Json.mapper().readTree("{\"a\":[1,\"b\",{\"c\":1.5}],\"d\":true}");
      tree.toString();
      Json.mapper().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    EmbeddedMetricFormat.prime();
    BatchFailures failures = new BatchFailures();
    failures.add("priming");
    failures.toResponse();
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  private boolean prime() {
    try {
      prime.run();
      primeCommonPaths();
      return true;
    } catch (RuntimeException | LinkageError e) {
      // A snapshot without priming is only slower; it must not fail the deployment (nor a class
      // that a shrunk jar lacks).
      log.warn(
          "snapstart.priming_failed",
          "fault",
          e.getClass().getSimpleName(),
          "faultMessage",
          String.valueOf(e.getMessage()));
      return false;
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {}
}
