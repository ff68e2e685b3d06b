package com.commcredits.adapters.sqs;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SnapStart priming for SQS: a send the queue refuses (see {@code Priming}). */
public final class SqsPriming {

  private SqsPriming() {}

  /** A delay over SQS's 900 s limit: the queue refuses the message, nothing is enqueued. */
  public static void refusedSend(SqsClient sqs, String queueUrl) {
    try {
      sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody("{}").delaySeconds(901));
    } catch (SdkException expected) {
      // InvalidParameterValue, as intended.
    }
  }
}
