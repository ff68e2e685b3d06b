package com.commcredits.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
  private final StructuredLog log =
      new StructuredLog("test", StructuredLog.Level.INFO, new PrintStream(logs), Clock.systemUTC());

  @Test
  void checkpoint_runsThePrimingOnce() {
    AtomicInteger runs = new AtomicInteger();

    new SnapStartPriming(runs::incrementAndGet, log).beforeCheckpoint(null);

    assertThat(runs).hasValue(1);
  }

  @Test
  void failingPriming_doesNotFailTheCheckpoint_butIsLogged() {
    SnapStartPriming priming =
        new SnapStartPriming(
            () -> {
              throw new IllegalStateException("table unreachable");
            },
            log);

    assertThatNoException().isThrownBy(() -> priming.beforeCheckpoint(null));
    assertThat(logs.toString()).contains("snapstart.priming_failed");
  }

  @Test
  void primingThatMissesAClass_doesNotFailTheCheckpoint_butIsLogged() {
    SnapStartPriming priming =
        new SnapStartPriming(
            () -> {
              throw new NoClassDefFoundError("software/amazon/awssdk/Shrunk");
            },
            log);

    assertThatNoException().isThrownBy(() -> priming.beforeCheckpoint(null));
    assertThat(logs.toString()).contains("snapstart.priming_failed").contains("Shrunk");
  }
}
