package com.commcredits.local.it;

import static com.commcredits.testing.TestCallRecords.aRecentCallRecord;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.commcredits.local.LocalDeployment;
import com.commcredits.testing.LambdaEvents;
import com.commcredits.testing.TestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Two rate-calls function instances charging one org's calls at the same time, as Lambda may. */
final class TwoFunctionInstances {

  private TwoFunctionInstances() {}

  /**
   * Charges {@code calls} calls of {@code seconds} each (usage ids {@code <org>-c<i>}), one per
   * batch, alternating between two handler instances on {@code threads} threads.
   *
   * @return how many records failed and would come back from the queue
   */
  static int chargeAtOnce(
      LocalDeployment deployment, String org, int calls, long seconds, int threads)
      throws InterruptedException, ExecutionException {
    List<RequestHandler<SQSEvent, SQSBatchResponse>> instances =
        List.of(
            deployment.newHandler("RateCallsFunction"), deployment.newHandler("RateCallsFunction"));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<SQSBatchResponse>> runs = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        SQSEvent batch =
            LambdaEvents.withBodies(
                aRecentCallRecord().org(org).usageId(org + "-c" + i).lasting(seconds).json());
        var instance = instances.get(i % 2);
        runs.add(pool.submit(() -> instance.handleRequest(batch, new TestContext())));
      }
      int failed = 0;
      for (Future<SQSBatchResponse> run : runs) {
        failed += run.get().getBatchItemFailures().size();
      }
      return failed;
    } finally {
      pool.shutdown();
    }
  }
}
