package com.commcredits.adapters.sqs;

import com.commcredits.adapters.json.RechargeRequestJson;
import com.commcredits.domain.funding.PurchaseSettlement;
import com.commcredits.domain.funding.RechargeRequest;
import com.commcredits.domain.funding.RechargeRequestPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Sends recharge requests and purchase settlements, delayed until their {@code notBefore} up to
 * SQS's limit of 15 minutes; the recharge step re-queues one that arrives early.
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
    send(json.write(request), request.notBefore());
  }

  @Override
  public void publish(PurchaseSettlement settlement) {
    send(json.write(settlement), settlement.notBefore());
  }

  private void send(String body, Instant notBefore) {
    long wait = Duration.between(clock.instant(), notBefore).toSeconds();
    int delay = (int) Math.max(0, Math.min(MAX_DELAY_SECONDS, wait));
    sqs.sendMessage(
        SendMessageRequest.builder()
            .queueUrl(queueUrl)
            .messageBody(body)
            .delaySeconds(delay)
            .build());
  }
}
