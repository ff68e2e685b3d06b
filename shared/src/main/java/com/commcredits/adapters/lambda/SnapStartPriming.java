package com.commcredits.adapters.lambda;

import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.metrics.EmbeddedMetricFormat;
import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.ServiceState;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Runs a function's hot path once before SnapStart takes its snapshot (a read that finds nothing, a
 * sample message decoded), so that the first real invocation after a restore finds the SDK client,
 * its HTTP connection pool, Jackson and our own classes loaded and warm. On JVMs without CRaC, and
 * in local runs, nothing is ever checkpointed and the priming never runs.
 */
public final class SnapStartPriming implements Resource {

  /** An org id no account has (ids need 3+ characters of a-z, 0-9, '-'): priming reads nothing. */
  public static final String PRIMING_ORG = "snapstart-priming";

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
   * (benchmarks/run), which has no CRaC checkpoint to trigger it.
   */
  public static synchronized void primeAll() {
    REGISTERED.forEach(priming -> priming.beforeCheckpoint(null));
  }

  /**
   * An account no org has, in USD with nothing licensed and auto-recharge off: what priming maps
   * and rates.
   */
  public static OrgAccount primingAccount() {
    Currency usd = Currency.getInstance("USD");
    return new OrgAccount(
        PRIMING_ORG,
        "priming",
        usd,
        Money.zero(usd),
        ServiceState.ACTIVE,
        Language.EN,
        List.of("priming@example.invalid"),
        0,
        AutoRecharge.off(new Money(usd, 50_000_000), new Money(usd, 10_000_000)),
        Instant.EPOCH,
        OrgLicences.NONE);
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
    try {
      prime.run();
      primeCommonPaths();
    } catch (RuntimeException e) {
      // A snapshot without priming is only slower; it must not fail the deployment.
      log.warn("snapstart.priming_failed", "fault", e.getClass().getSimpleName());
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {}
}
