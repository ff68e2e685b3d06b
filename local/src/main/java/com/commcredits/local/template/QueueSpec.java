package com.commcredits.local.template;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An {@code AWS::SQS::Queue}; absent values take the service defaults.
 *
 * @param queueName the explicit {@code QueueName} expression, when the template sets one
 */
public record QueueSpec(
    String logicalId,
    Optional<Object> queueName,
    boolean fifo,
    OptionalInt visibilityTimeoutSeconds,
    OptionalInt messageRetentionPeriodSeconds,
    OptionalInt delaySeconds,
    Optional<RedrivePolicy> redrivePolicy) {}
