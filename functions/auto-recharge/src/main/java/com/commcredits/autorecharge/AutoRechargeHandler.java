package com.commcredits.autorecharge;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.lambda.SqsDelivery;
import java.util.Map;

/** Step 3: charges the card on file for requested recharges and credits the ledger, once. */
public final class AutoRechargeHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private final RechargeRequestBatch batch;

  /** For Lambda: wires real clients once per execution environment. */
  public AutoRechargeHandler() {
    this(System.getenv());
  }

  /** For a local run: the environment Lambda would give the function. */
  public AutoRechargeHandler(Map<String, String> environment) {
    this(AutoRechargeWiring.rechargeRequestBatch(LambdaEnvironment.of(environment)));
  }

  AutoRechargeHandler(RechargeRequestBatch batch) {
    this.batch = batch;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return batch.process(SqsDelivery.of(event)).toResponse();
  }
}
