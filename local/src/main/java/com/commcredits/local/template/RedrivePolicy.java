package com.commcredits.local.template;

/** Where a queue's messages go after {@code maxReceiveCount} receives without a delete. */
public record RedrivePolicy(String deadLetterQueueLogicalId, int maxReceiveCount) {}
