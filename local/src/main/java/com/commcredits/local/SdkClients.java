package com.commcredits.local;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients for the emulators: dummy static credentials (never a developer's real ones), an
 * explicit region, and short timeouts with one retry, so a stopped emulator fails a call quickly
 * instead of hanging it through the SDK's default retries.
 */
public final class SdkClients {

  public static final String REGION = "us-east-1";
  public static final String ACCESS_KEY_ID = "local";
  public static final String SECRET_ACCESS_KEY = "local";

  private SdkClients() {}

  public static DynamoDbClient dynamoDb(URI endpoint) {
    return configure(DynamoDbClient.builder(), endpoint);
  }

  public static SqsClient sqs(URI endpoint) {
    return configure(SqsClient.builder(), endpoint);
  }

  public static SesV2Client sesV2(URI endpoint) {
    return configure(SesV2Client.builder(), endpoint);
  }

  private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(
      B builder, URI endpoint) {
    return builder
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                // above the pollers' 1 s long poll
                .socketTimeout(Duration.ofSeconds(10)))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(retry -> retry.maxAttempts(2))
                .apiCallTimeout(Duration.ofSeconds(20))
                .build())
        .build();
  }
}
