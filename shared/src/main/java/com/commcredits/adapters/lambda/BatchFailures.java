package com.commcredits.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The messages of one batch that failed with a fault and must come back; every other message of the
 * batch is done (processed or rejected with its reason) and is deleted.
 */
public final class BatchFailures {

  private final Set<String> messageIds = new LinkedHashSet<>();

  public void add(String messageId) {
    messageIds.add(messageId);
  }

  public void addAll(Collection<String> ids) {
    messageIds.addAll(ids);
  }

  public Set<String> messageIds() {
    return Set.copyOf(messageIds);
  }

  public SQSBatchResponse toResponse() {
    return SQSBatchResponse.builder()
        .withBatchItemFailures(
            messageIds.stream().map(id -> new SQSBatchResponse.BatchItemFailure(id)).toList())
        .build();
  }
}
