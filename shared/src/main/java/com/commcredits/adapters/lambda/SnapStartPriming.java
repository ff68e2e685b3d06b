package com.commcredits.adapters.lambda;

import java.util.ArrayList;
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

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    try {
      prime.run();
    } catch (RuntimeException e) {
      // A snapshot without priming is only slower; it must not fail the deployment.
      log.warn("snapstart.priming_failed", "fault", e.getClass().getSimpleName());
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {}
}
