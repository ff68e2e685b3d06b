package com.commcredits.adapters.lambda;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;

/**
 * One JSON object per line, as CloudWatch Logs Insights reads it. Callers pass ids and reasons,
 * never card data, full phone numbers or email addresses.
 */
public final class StructuredLog {

  public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  private final String component;
  private final Level threshold;
  private final PrintStream out;
  private final Clock clock;

  public StructuredLog(String component, Level threshold, PrintStream out, Clock clock) {
    this.component = component;
    this.threshold = threshold;
    this.out = out;
    this.clock = clock;
  }

  /** Reads the threshold from {@code LOG_LEVEL} (default INFO). */
  public static StructuredLog forComponent(String component, String levelName) {
    Level level =
        levelName == null ? Level.INFO : Level.valueOf(levelName.trim().toUpperCase(Locale.ROOT));
    return new StructuredLog(component, level, System.out, Clock.systemUTC());
  }

  public void debug(String event, String... keyValues) {
    write(Level.DEBUG, event, null, keyValues);
  }

  public void info(String event, String... keyValues) {
    write(Level.INFO, event, null, keyValues);
  }

  public void warn(String event, String... keyValues) {
    write(Level.WARN, event, null, keyValues);
  }

  public void error(String event, Throwable fault, String... keyValues) {
    write(Level.ERROR, event, fault, keyValues);
  }

  private void write(Level level, String event, Throwable fault, String... keyValues) {
    if (level.compareTo(threshold) < 0) {
      return;
    }
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("time", clock.instant().toString());
    line.put("level", level.name());
    line.put("component", component);
    line.put("event", event);
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      line.put(keyValues[i], keyValues[i + 1]);
    }
    if (fault != null) {
      line.put("fault", fault.getClass().getSimpleName());
      line.put("faultMessage", String.valueOf(fault.getMessage()));
    }
    out.println(line);
  }
}
