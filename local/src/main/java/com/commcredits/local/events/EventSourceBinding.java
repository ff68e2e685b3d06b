package com.commcredits.local.events;

import com.commcredits.local.template.FunctionSpec;
import com.commcredits.local.template.SqsEventSource;

/** One SQS event source of one function, bound to the physical queue and function names. */
public record EventSourceBinding(
    FunctionSpec function,
    SqsEventSource source,
    String functionName,
    String functionArn,
    String queueUrl,
    String queueArn,
    String region) {}
