package com.commcredits.local;

import java.net.URI;

/** Where the three services of a local deployment answer. */
public record Endpoints(URI dynamoDb, URI sqs, URI ses) {}
