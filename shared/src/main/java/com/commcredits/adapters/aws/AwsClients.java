package com.commcredits.adapters.aws;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * Builds the SDK clients a function needs, once per execution environment, with everything the SDK
 * would otherwise discover at cold start given explicitly (issue 10: discovery was most of the
 * first event): the light URL-connection HTTP client, the region from the environment, no dual
 * stack or FIPS lookups, an empty profile file (no ~/.aws reads), and an endpoint override only
 * where the environment names one (local emulators). Credentials: under SnapStart Lambda hands them
 * out through the container endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}), which stays
 * valid after a restore — pinning the environment keys would freeze the snapshot's expiring ones —
 * so that provider is named directly; elsewhere Lambda's default chain. Local runs carry their own
 * dummy keys so that no test ever reads a developer's real credentials.
 */
public final class AwsClients {

  // Lambda has no profile files; reading (and not finding) them cost the cold start.
  private static final ProfileFile NO_PROFILE =
      ProfileFile.builder()
          .content(new ByteArrayInputStream(new byte[0]))
          .type(ProfileFile.Type.CONFIGURATION)
          .build();

  private final LambdaEnvironment environment;
  private final SdkHttpClient httpClient;
  private final AwsCredentialsProvider credentials;

  public AwsClients(LambdaEnvironment environment) {
    this.environment = environment;
    this.httpClient =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(2))
            .socketTimeout(Duration.ofSeconds(10))
            .build();
    this.credentials = credentialsFor(environment);
  }

  /**
   * Finishes a service client builder, e.g. {@code aws.client(DynamoDbClient.builder(),
   * "DYNAMODB")}. The service name is the SDK's, as in {@code AWS_ENDPOINT_URL_<SERVICE>}. This
   * class names no service itself, so a function's jar needs only the services it uses.
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
      B builder, String service) {
    return configure(builder, service).httpClient(httpClient).build();
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service) {
    builder
        .region(Region.of(environment.region()))
        .credentialsProvider(credentials)
        .dualstackEnabled(false)
        .fipsEnabled(false)
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(20))
                .apiCallAttemptTimeout(Duration.ofSeconds(5))
                .defaultProfileFileSupplier(() -> NO_PROFILE)
                .defaultProfileName("default")
                .build());
    environment.endpointFor(service).map(URI::create).ifPresent(builder::endpointOverride);
    return builder;
  }

  private static AwsCredentialsProvider credentialsFor(LambdaEnvironment environment) {
    Optional<String> localEndpoint =
        environment
            .optional("AWS_ENDPOINT_URL_DYNAMODB")
            .or(() -> environment.optional("AWS_ENDPOINT_URL"));
    if (localEndpoint.isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(
              environment.optional("AWS_ACCESS_KEY_ID").orElse("local"),
              environment.optional("AWS_SECRET_ACCESS_KEY").orElse("local")));
    }
    if (environment.optional("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
      return ContainerCredentialsProvider.builder().build();
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
