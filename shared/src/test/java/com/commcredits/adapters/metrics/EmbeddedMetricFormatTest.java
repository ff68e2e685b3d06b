package com.commcredits.adapters.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EmbeddedMetricFormatTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final EmbeddedMetricFormat metrics =
      new EmbeddedMetricFormat(
          "rate-calls",
          new PrintStream(bytes, true, StandardCharsets.UTF_8),
          Clock.fixed(Instant.parse("2026-12-02T07:00:00Z"), ZoneOffset.UTC));

  private String[] lines() {
    return bytes.toString(StandardCharsets.UTF_8).split("\n");
  }

  @Test
  void flush_writesOneEmfLinePerDimensionSet_withTheSumsOfTheInvocation() {
    metrics.add("CdrsCharged", 1);
    metrics.add("CdrsCharged", 1);
    metrics.add("AmountChargedMicros", 250_000, "currency", "USD");
    metrics.add("CdrsRejected", 1, "reason", "calleeNumber must be an E.164 number, got '+49…'");

    metrics.flush();

    assertThat(lines())
        .containsExactly(
            "{\"_aws\":{\"Timestamp\":1796194800000,\"CloudWatchMetrics\":[{\"Namespace\":"
                + "\"CommCredits\",\"Dimensions\":[[\"function\"]],\"Metrics\":[{\"Name\":"
                + "\"CdrsCharged\",\"Unit\":\"Count\"}]}]},\"function\":\"rate-calls\","
                + "\"CdrsCharged\":2}",
            "{\"_aws\":{\"Timestamp\":1796194800000,\"CloudWatchMetrics\":[{\"Namespace\":"
                + "\"CommCredits\",\"Dimensions\":[[\"function\",\"currency\"]],\"Metrics\":"
                + "[{\"Name\":\"AmountChargedMicros\",\"Unit\":\"Count\"}]}]},\"function\":"
                + "\"rate-calls\",\"currency\":\"USD\",\"AmountChargedMicros\":250000}",
            "{\"_aws\":{\"Timestamp\":1796194800000,\"CloudWatchMetrics\":[{\"Namespace\":"
                + "\"CommCredits\",\"Dimensions\":[[\"function\",\"reason\"]],\"Metrics\":"
                + "[{\"Name\":\"CdrsRejected\",\"Unit\":\"Count\"}]}]},\"function\":"
                + "\"rate-calls\",\"reason\":\"calleeNumber\",\"CdrsRejected\":1}");
  }

  @Test
  void flush_writesNothing_whenNothingWasAdded_andStartsAfreshAfterAFlush() {
    metrics.add("EmailsSent", 1);
    metrics.flush();
    bytes.reset();

    metrics.flush();

    assertThat(bytes.size()).isZero();
  }

  @Test
  void dimensionValue_isKeptToAShortCode_soFreeTextNeverBecomesAMetricPerMessage() {
    assertThat(EmbeddedMetricFormat.code("unknown org 'x'")).isEqualTo("unknown");
    assertThat(EmbeddedMetricFormat.code(null)).isEqualTo("unknown");
    assertThat(EmbeddedMetricFormat.code("HARD_DECLINE")).isEqualTo("HARD_DECLINE");
  }
}
