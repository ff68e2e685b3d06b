package com.commcredits.ratecalls;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.lambda.SqsDelivery;
import java.util.Map;

/** Step 1: rates the call detail records on the call-records queue and debits the ledger. */
public final class RateCallsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private final CallRecordBatch batch;

  /** For Lambda: wires real clients once per execution environment. */
  public RateCallsHandler() {
    this(System.getenv());
  }

  /** For a local run: the environment Lambda would give the function. */
  public RateCallsHandler(Map<String, String> environment) {
    this(RateCallsWiring.callRecordBatch(LambdaEnvironment.of(environment)));
  }

  RateCallsHandler(CallRecordBatch batch) {
    this.batch = batch;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return batch.process(SqsDelivery.of(event)).toResponse();
  }
}
