package com.commcredits.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link RatingBenchmark} (one thread, so its throughput is per core) and prints records rated
 * per second and the ratio of rating time to Jackson decode time, from the median of the measured
 * iterations (on a shared machine one slow iteration would drag a mean). JMH command-line options
 * pass through, e.g. {@code -wi 5 -i 5 -r 2s} for steadier figures.
 */
public final class RatingVersusDecoding {

  private RatingVersusDecoding() {}

  public static void main(String[] args) throws Exception {
    var options =
        new OptionsBuilder()
            .parent(new CommandLineOptions(args))
            .include(RatingBenchmark.class.getSimpleName())
            .threads(1)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Double> perSecond = new HashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      perSecond.put(name.substring(name.lastIndexOf('.') + 1), median(result));
    }
    double decode = perSecond.get("decodeJson");
    System.out.println();
    System.out.println("Comm Credits rating benchmark (one thread = one core, median iteration)");
    System.out.printf("  Jackson decode of a call record: %,12.0f records/s%n", decode);
    for (String name : new String[] {"rateRepeatedNumbers", "rateUnseenNumbers"}) {
      double rate = perSecond.get(name);
      System.out.printf(
          "  %-32s %,12.0f records/s per core; rating time / decode time = %.2f%n",
          name + ":", rate, decode / rate);
    }
  }

  private static double median(RunResult result) {
    List<Double> scores = new ArrayList<>();
    for (BenchmarkResult fork : result.getBenchmarkResults()) {
      for (IterationResult iteration : fork.getIterationResults()) {
        scores.add(iteration.getPrimaryResult().getScore());
      }
    }
    Collections.sort(scores);
    int n = scores.size();
    return n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
  }
}
