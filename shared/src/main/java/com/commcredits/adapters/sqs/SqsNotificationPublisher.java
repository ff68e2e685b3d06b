package com.commcredits.adapters.sqs;

import com.commcredits.adapters.json.NotificationJson;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.notification.NotificationKind;
import com.commcredits.domain.notification.NotificationPublisher;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Sends notifications to the notifications queue, one message each. The kind also travels as a
 * message attribute, so an operator can tell messages apart in the dead-letter queue.
 */
public final class SqsNotificationPublisher implements NotificationPublisher {

  private final SqsClient sqs;
  private final String queueUrl;
  private final NotificationJson json;

  public SqsNotificationPublisher(SqsClient sqs, String queueUrl, NotificationJson json) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.json = json;
  }

  @Override
  public void publish(Notification notification) {
    sqs.sendMessage(
        SendMessageRequest.builder()
            .queueUrl(queueUrl)
            .messageBody(json.write(notification))
            .messageAttributes(
                Map.of(
                    "kind",
                    MessageAttributeValue.builder()
                        .dataType("String")
                        .stringValue(NotificationKind.of(notification).name())
                        .build()))
            .build());
  }
}
