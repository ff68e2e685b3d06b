package com.commcredits.local.sim;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Injects the simulation's faults into every AWS SDK call a handler makes: registered for every SDK
 * client of the test JVM (the SDK's global interceptor list on the test classpath), it acts only on
 * the thread of a handler invocation that {@link #during} armed, and draws every decision from the
 * scenario's seeded random source, so a seed replays the same faults at the same calls.
 *
 * <p>Before a call reaches the service: throttling, a 5xx, or the handler crashing. After it took
 * effect: the answer lost (a timeout after the commit), or the handler crashing before it hears
 * back. A crash is an {@link Error}, which no handler catches: the invocation dies, and every
 * message of its batch comes back, as with a Lambda whose runtime died.
 */
public final class FaultInjector implements ExecutionInterceptor {

  /** What can go wrong at one SDK call. */
  enum Kind {
    THROTTLED_BEFORE,
    SERVER_ERROR_BEFORE,
    CRASH_BEFORE,
    TIMEOUT_AFTER_COMMIT,
    CRASH_AFTER
  }

  /** The handler dies here, between two of its calls. */
  static final class SimulatedCrash extends Error {
    SimulatedCrash(String where) {
      super("simulated crash of the function " + where);
    }
  }

  /**
   * One armed invocation.
   *
   * @param rates chance per call of each kind of fault
   * @param outage every call fails with a 5xx (a dependency down for a while)
   * @param onCall told of every call that took effect (before a fault after it), e.g. emails sent
   */
  record Invocation(
      String function,
      SplittableRandom random,
      Map<Kind, Double> rates,
      boolean outage,
      Consumer<String> trace,
      Consumer<SdkRequest> onCall,
      EnumMap<Kind, Integer> injected) {}

  private static final ThreadLocal<Invocation> ARMED = new ThreadLocal<>();

  /** Runs {@code body} with faults armed on this thread. */
  static <T> T during(Invocation invocation, java.util.function.Supplier<T> body) {
    ARMED.set(invocation);
    try {
      return body.get();
    } finally {
      ARMED.remove();
    }
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    Invocation invocation = ARMED.get();
    if (invocation == null) {
      return;
    }
    String call = name(context.request());
    if (invocation.outage()) {
      throw serverError(call);
    }
    Kind kind =
        draw(invocation, Kind.THROTTLED_BEFORE, Kind.SERVER_ERROR_BEFORE, Kind.CRASH_BEFORE);
    if (kind == null) {
      return;
    }
    record(invocation, kind, call);
    switch (kind) {
      case THROTTLED_BEFORE ->
          throw AwsServiceException.builder()
              .statusCode(400)
              .message("Rate exceeded (simulated)")
              .awsErrorDetails(
                  AwsErrorDetails.builder()
                      .errorCode("ThrottlingException")
                      .errorMessage("Rate exceeded (simulated)")
                      .build())
              .build();
      case SERVER_ERROR_BEFORE -> throw serverError(call);
      default -> throw new SimulatedCrash("before " + call);
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Invocation invocation = ARMED.get();
    if (invocation == null) {
      return;
    }
    invocation.onCall().accept(context.request());
    String call = name(context.request());
    Kind kind = draw(invocation, Kind.TIMEOUT_AFTER_COMMIT, Kind.CRASH_AFTER);
    if (kind == null) {
      return;
    }
    record(invocation, kind, call);
    if (kind == Kind.TIMEOUT_AFTER_COMMIT) {
      throw SdkClientException.create(
          "simulated: " + call + " took effect but its answer timed out");
    }
    throw new SimulatedCrash("after " + call);
  }

  private static Kind draw(Invocation invocation, Kind... kinds) {
    double roll = invocation.random().nextDouble();
    double bound = 0;
    for (Kind kind : kinds) {
      bound += invocation.rates().getOrDefault(kind, 0.0);
      if (roll < bound) {
        return kind;
      }
    }
    return null;
  }

  private static void record(Invocation invocation, Kind kind, String call) {
    invocation.injected().merge(kind, 1, Integer::sum);
    invocation.trace().accept("fault: " + invocation.function() + " " + call + " " + kind);
  }

  private static AwsServiceException serverError(String call) {
    return AwsServiceException.builder()
        .statusCode(500)
        .message(call + " failed: internal server error (simulated)")
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode("InternalFailure")
                .errorMessage("internal server error (simulated)")
                .build())
        .build();
  }

  private static String name(SdkRequest request) {
    return request.getClass().getSimpleName().replaceFirst("Request$", "");
  }
}
