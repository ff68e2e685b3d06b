package com.commcredits.local.it;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Makes a function die at a chosen SDK call, once: registered for every SDK client of the test JVM
 * (the SDK's global interceptor list on the test classpath), so it reaches the clients the real
 * handlers build. Disarmed, it does nothing.
 */
public final class Crash implements ExecutionInterceptor {

  private record Trap(Predicate<SdkRequest> request, boolean afterTheCall) {}

  private static final AtomicReference<Trap> ARMED = new AtomicReference<>();

  /** The next matching call throws before it reaches the service. */
  static void before(Predicate<SdkRequest> request) {
    ARMED.set(new Trap(request, false));
  }

  /** The next matching call reaches the service, then the function dies before it hears back. */
  static void after(Predicate<SdkRequest> request) {
    ARMED.set(new Trap(request, true));
  }

  static boolean sprung() {
    return ARMED.get() == null;
  }

  static void disarm() {
    ARMED.set(null);
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    spring(context.request(), false);
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    spring(context.request(), true);
  }

  private static void spring(SdkRequest request, boolean afterTheCall) {
    Trap trap = ARMED.get();
    if (trap != null
        && trap.afterTheCall() == afterTheCall
        && trap.request().test(request)
        && ARMED.compareAndSet(trap, null)) {
      throw new IllegalStateException("simulated crash of the function");
    }
  }
}
