package com.commcredits.local.template;

/**
 * An event of {@code Type: SQS} on a function: Lambda's SQS event source mapping.
 *
 * @param batchSize at most this many messages per invocation (SAM's default is 10)
 * @param maximumBatchingWindowSeconds how long to gather a batch before invoking (default 0)
 * @param reportBatchItemFailures whether {@code FunctionResponseTypes} lists
 *     ReportBatchItemFailures, without which Lambda ignores a returned {@code batchItemFailures}
 */
public record SqsEventSource(
    String name,
    String queueLogicalId,
    int batchSize,
    int maximumBatchingWindowSeconds,
    boolean reportBatchItemFailures,
    boolean enabled) {}
