package com.commcredits.local.events;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The Lambda Context of one local invocation. Identity and client context are null, as they are for
 * every SQS-triggered invocation in Lambda.
 */
public final class LocalContext implements Context {

  private final String requestId = UUID.randomUUID().toString();
  private final String functionName;
  private final String functionArn;
  private final int memoryLimitMb;
  private final Instant deadline;
  private final LambdaLogger logger;

  public LocalContext(
      String functionName,
      String functionArn,
      int memoryLimitMb,
      Duration timeout,
      LambdaLogger logger) {
    this.functionName = functionName;
    this.functionArn = functionArn;
    this.memoryLimitMb = memoryLimitMb;
    this.deadline = Instant.now().plus(timeout);
    this.logger = logger;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local/[$LATEST]" + requestId.replace("-", "");
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return functionArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryLimitMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }
}
