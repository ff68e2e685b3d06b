package com.commcredits.adapters.sqs;

import com.commcredits.adapters.json.RechargeRequestJson;
import com.commcredits.domain.funding.RechargeRequest;
import com.commcredits.domain.funding.RechargeRequestPublisher;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Sends recharge requests, delayed until their {@code notBefore} up to SQS's limit of 15 minutes;
 * the recharge step re-queues one that arrives early.
 */
public final class SqsRechargeRequestPublisher implements RechargeRequestPublisher {

  static final int MAX_DELAY_SECONDS = 900;

  private final SqsClient sqs;
  private final String queueUrl;
  private final RechargeRequestJson json;
  private final Clock clock;

  public SqsRechargeRequestPublisher(
      SqsClient sqs, String queueUrl, RechargeRequestJson json, Clock clock) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void publish(RechargeRequest request) {
    long wait = Duration.between(clock.instant(), request.notBefore()).toSeconds();
    int delay = (int) Math.max(0, Math.min(MAX_DELAY_SECONDS, wait));
    sqs.sendMessage(
        SendMessageRequest.builder()
            .queueUrl(queueUrl)
            .messageBody(json.write(request))
            .delaySeconds(delay)
            .build());
  }
}
