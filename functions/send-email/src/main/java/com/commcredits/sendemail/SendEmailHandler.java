package com.commcredits.sendemail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.adapters.lambda.SqsDelivery;
import java.util.Map;

/** Step 4: emails the notifications on the notifications queue to the orgs' admins, once each. */
public final class SendEmailHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private final NotificationBatch batch;

  /** For Lambda: wires real clients once per execution environment. */
  public SendEmailHandler() {
    this(System.getenv());
  }

  /** For a local run: the environment Lambda would give the function. */
  public SendEmailHandler(Map<String, String> environment) {
    this(SendEmailWiring.notificationBatch(LambdaEnvironment.of(environment)));
  }

  SendEmailHandler(NotificationBatch batch) {
    this.batch = batch;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return batch.process(SqsDelivery.of(event)).toResponse();
  }
}
