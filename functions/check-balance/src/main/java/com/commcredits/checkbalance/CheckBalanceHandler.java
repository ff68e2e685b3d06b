package com.commcredits.checkbalance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.lambda.SqsDelivery;
import java.util.Map;

/** Step 2: checks balances that changed against zero and the org's recharge trigger. */
public final class CheckBalanceHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private final BalanceChangeBatch batch;

  /** For Lambda: wires real clients once per execution environment. */
  public CheckBalanceHandler() {
    this(System.getenv());
  }

  /** For a local run: the environment Lambda would give the function. */
  public CheckBalanceHandler(Map<String, String> environment) {
    this(CheckBalanceWiring.balanceChangeBatch(LambdaEnvironment.of(environment)));
  }

  CheckBalanceHandler(BalanceChangeBatch batch) {
    this.batch = batch;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return batch.process(SqsDelivery.of(event)).toResponse();
  }
}
