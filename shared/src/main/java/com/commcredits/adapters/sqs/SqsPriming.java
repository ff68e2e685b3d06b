package com.commcredits.adapters.sqs;

import com.commcredits.adapters.json.NotificationJson;
import com.commcredits.adapters.json.RechargeRequestJson;
import com.commcredits.domain.funding.PurchaseSettlement;
import com.commcredits.domain.funding.RechargeRequest;
import com.commcredits.domain.funding.RechargeRequestPublisher;
import com.commcredits.domain.notification.NotificationPublisher;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.utils.Md5Utils;

/** SnapStart priming for SQS: a send the queue refuses (see {@code Priming}). */
public final class SqsPriming {

  /** Over SQS's 900 s limit: the queue refuses the message and enqueues nothing. */
  private static final int REFUSED_DELAY_SECONDS = 901;

  private SqsPriming() {}

  /** A delay over SQS's 900 s limit: the queue refuses the message, nothing is enqueued. */
  public static void refusedSend(SqsClient sqs, String queueUrl) {
    refusedSend(sqs, queueUrl, "{}");
  }

  /** {@code body} sent with a delay the queue refuses: nothing is enqueued. */
  public static void refusedSend(SqsClient sqs, String queueUrl, String body) {
    // what the SDK checks a sent message's answer with (an accepted send's path)
    Md5Utils.md5AsBase64(body.getBytes(StandardCharsets.UTF_8));
    try {
      sqs.sendMessage(
          m -> m.queueUrl(queueUrl).messageBody(body).delaySeconds(REFUSED_DELAY_SECONDS));
    } catch (SdkException expected) {
      // InvalidParameterValue, as intended.
    }
  }

  /** Writes each notification as the real publisher does, then sends it so the queue refuses it. */
  public static NotificationPublisher refusedNotifications(
      SqsClient sqs, String queueUrl, NotificationJson json) {
    return notification -> refusedSend(sqs, queueUrl, json.write(notification));
  }

  /** Writes each request as the real publisher does, then sends it so the queue refuses it. */
  public static RechargeRequestPublisher refusedRechargeRequests(
      SqsClient sqs, String queueUrl, RechargeRequestJson json) {
    return new RechargeRequestPublisher() {
      @Override
      public void publish(RechargeRequest request) {
        refusedSend(sqs, queueUrl, json.write(request));
      }

      @Override
      public void publish(PurchaseSettlement settlement) {
        refusedSend(sqs, queueUrl, json.write(settlement));
      }
    };
  }
}
