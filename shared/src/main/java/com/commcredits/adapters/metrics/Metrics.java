package com.commcredits.adapters.metrics;

/**
 * What operators are told (issue 9, defect 13): counts and sums a handler adds while it works,
 * published once per invocation by {@link #flush()}. Names are CloudWatch metric names in the
 * {@code CommCredits} namespace; a dimension is one low-cardinality name/value (a reason code, an
 * outcome, a currency), never an id, a number or an address.
 */
public interface Metrics {

  /** Adds {@code value} to the metric (a count of 1 for most). */
  void add(String metric, long value);

  /** Adds {@code value} to the metric under one dimension, e.g. {@code reason=calleeNumber}. */
  void add(String metric, long value, String dimension, String dimensionValue);

  /** Publishes what was added since the last flush (one log line per dimension set). */
  void flush();

  /** For tests and tools that do not look at metrics. */
  Metrics NONE =
      new Metrics() {
        @Override
        public void add(String metric, long value) {}

        @Override
        public void add(String metric, long value, String dimension, String dimensionValue) {}

        @Override
        public void flush() {}
      };
}
