package com.commcredits.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rating time against decode time of {@link RatingBenchmark}'s records by CPU time of this thread,
 * alternating batches of each in one JVM: on a shared machine, wall-clock throughput measured one
 * benchmark after the other (as JMH does) mostly measures the neighbours, this does not.
 */
public final class RatingCpuTime {

  private static final int BATCH = 5000;
  private static final int WARM_UP_ROUNDS = 20;
  private static final int ROUNDS = 40;

  private RatingCpuTime() {}

  public static void main(String[] args) {
    RatingBenchmark decoding = new RatingBenchmark();
    RatingBenchmark unseen = new RatingBenchmark();
    RatingBenchmark repeated = new RatingBenchmark();
    decoding.setUp();
    unseen.setUp();
    repeated.setUp();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> decode = new ArrayList<>();
    List<Double> rateUnseen = new ArrayList<>();
    List<Double> rateRepeated = new ArrayList<>();
    int kept = 0;
    for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
      long t0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < BATCH; i++) {
        kept += decoding.decodeJson() == null ? 0 : 1;
      }
      long t1 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < BATCH; i++) {
        kept += unseen.rateUnseenNumbers() == null ? 0 : 1;
      }
      long t2 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < BATCH; i++) {
        kept += repeated.rateRepeatedNumbers() == null ? 0 : 1;
      }
      long t3 = threads.getCurrentThreadCpuTime();
      if (round >= WARM_UP_ROUNDS) {
        decode.add((t1 - t0) / (double) BATCH);
        rateUnseen.add((t2 - t1) / (double) BATCH);
        rateRepeated.add((t3 - t2) / (double) BATCH);
      }
    }
    double d = median(decode);
    double u = median(rateUnseen);
    double r = median(rateRepeated);
    System.out.printf(
        "Comm Credits rating, CPU time per record (median of %d interleaved batches, %d records)%n",
        ROUNDS, kept);
    System.out.printf("  Jackson decode of a call record: %8.0f ns%n", d);
    System.out.printf("  rateRepeatedNumbers:             %8.0f ns; ÷ decode = %.2f%n", r, r / d);
    System.out.printf("  rateUnseenNumbers:               %8.0f ns; ÷ decode = %.2f%n", u, u / d);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
