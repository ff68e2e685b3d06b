package com.commcredits.adapters.metrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Metrics} as CloudWatch's embedded metric format: JSON lines in the function's log that
 * CloudWatch turns into metrics, with no API call and no extra permission. Everything added in one
 * invocation goes out in one line per dimension set (a batch of 25 records costs a line or two, not
 * 25), always with the {@code function} dimension.
 */
public final class EmbeddedMetricFormat implements Metrics {

  public static final String NAMESPACE = "CommCredits";

  private record Key(String dimension, String value) {}

  private final String function;
  private final PrintStream out;
  private final Clock clock;
  private final Map<Key, Map<String, Long>> pending = new LinkedHashMap<>();

  public EmbeddedMetricFormat(String function, PrintStream out, Clock clock) {
    this.function = function;
    this.out = out;
    this.clock = clock;
  }

  /** For a function: lines on standard output, which Lambda sends to CloudWatch Logs. */
  public static EmbeddedMetricFormat forFunction(String function) {
    return new EmbeddedMetricFormat(function, System.out, Clock.systemUTC());
  }

  /** Writes a batch's lines to nowhere: SnapStart priming (issue 10), no metric is counted. */
  public static void prime() {
    EmbeddedMetricFormat metrics =
        new EmbeddedMetricFormat(
            "priming", new PrintStream(java.io.OutputStream.nullOutputStream()), Clock.systemUTC());
    metrics.add("Priming", 1);
    metrics.add("Priming", 1, "reason", "priming");
    metrics.flush();
  }

  @Override
  public synchronized void add(String metric, long value) {
    pending
        .computeIfAbsent(new Key(null, null), k -> new LinkedHashMap<>())
        .merge(metric, value, Long::sum);
  }

  @Override
  public synchronized void add(String metric, long value, String dimension, String dimensionValue) {
    pending
        .computeIfAbsent(new Key(dimension, code(dimensionValue)), k -> new LinkedHashMap<>())
        .merge(metric, value, Long::sum);
  }

  @Override
  public synchronized void flush() {
    long now = clock.millis();
    pending.forEach((key, values) -> out.println(line(key, values, now)));
    pending.clear();
  }

  private String line(Key key, Map<String, Long> values, long timestamp) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode line = json.objectNode();
    ObjectNode aws = line.putObject("_aws");
    aws.put("Timestamp", timestamp);
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", NAMESPACE);
    ArrayNode dimensions = directive.putArray("Dimensions").addArray().add("function");
    if (key.dimension() != null) {
      dimensions.add(key.dimension());
    }
    ArrayNode metrics = directive.putArray("Metrics");
    values.keySet().forEach(name -> metrics.addObject().put("Name", name).put("Unit", "Count"));
    line.put("function", function);
    if (key.dimension() != null) {
      line.put(key.dimension(), key.value());
    }
    values.forEach(line::put);
    return line.toString();
  }

  /** A dimension value kept to a short code: a free-text value would be a metric per message. */
  static String code(String value) {
    if (value == null || value.isBlank()) {
      return "unknown";
    }
    String code = value.trim().split("[^A-Za-z0-9_.-]", 2)[0];
    code = code.length() > 40 ? code.substring(0, 40) : code;
    return code.isEmpty() ? "unknown" : code;
  }
}
