package com.commcredits.adapters.sqs;

import com.commcredits.adapters.json.BalanceChangedJson;
import com.commcredits.domain.balance.BalanceChanged;
import com.commcredits.domain.balance.BalanceChangedPublisher;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Sends balance changes to the balance-check queue. */
public final class SqsBalanceChangedPublisher implements BalanceChangedPublisher {

  private final SqsClient sqs;
  private final String queueUrl;
  private final BalanceChangedJson json;

  public SqsBalanceChangedPublisher(SqsClient sqs, String queueUrl, BalanceChangedJson json) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.json = json;
  }

  @Override
  public void publish(BalanceChanged event) {
    sqs.sendMessage(
        SendMessageRequest.builder().queueUrl(queueUrl).messageBody(json.write(event)).build());
  }
}
