package com.commcredits.local.template;

/** One element of a DynamoDB key schema: {@code keyType} is HASH or RANGE. */
public record KeyElement(String attributeName, String keyType) {}
