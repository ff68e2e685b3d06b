package com.commcredits.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Objects;

/** One SQS message as a function sees it: its id (for partial batch failures) and its body. */
public record SqsDelivery(String messageId, String body, int receiveCount) {

  public SqsDelivery {
    Objects.requireNonNull(messageId, "messageId");
    body = body == null ? "" : body;
  }

  public static List<SqsDelivery> of(SQSEvent event) {
    if (event == null || event.getRecords() == null) {
      return List.of();
    }
    return event.getRecords().stream().map(SqsDelivery::of).toList();
  }

  static SqsDelivery of(SQSEvent.SQSMessage message) {
    String count =
        message.getAttributes() == null
            ? null
            : message.getAttributes().get("ApproximateReceiveCount");
    return new SqsDelivery(
        message.getMessageId(), message.getBody(), count == null ? 1 : Integer.parseInt(count));
  }
}
