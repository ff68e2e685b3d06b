package software.amazon.awssdk.regions;

import java.util.Map;
import software.amazon.awssdk.regions.servicemetadata.DynamodbServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.EmailServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.SecretsmanagerServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.SqsServiceMetadata;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Stands in, in the shipped jars only, for the SDK's provider of the same name (issue 10): the
 * SDK's builds a map of every AWS service's metadata — 311 classes, about 170 ms of a fresh JVM's
 * first event and 2.4 MB unpacked — when a client is built, to look up the one service it is for.
 * This one knows the services our functions call, each answered by the SDK's own generated
 * metadata; for any other service {@link ServiceMetadata#of} falls back to the SDK's default
 * metadata (endpoint and signing region of the region itself), as it does for a service the SDK
 * does not know.
 *
 * <p>The parent pom's shade step leaves the SDK's class out of every function jar, so this one
 * ships; on a test classpath both exist and either answers the same for these services. A new
 * service client belongs here (its endpoint prefix: the client's {@code SERVICE_METADATA_ID});
 * {@code ShippedPackagesIT} checks that the jars carry this class and no other service's metadata.
 */
public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {
  public static final String SECRETS_MANAGER = "secretsmanager";

  private static final Map<String, ServiceMetadata> SERVICE_METADATA =
      Map.of(
          DynamoDbClient.SERVICE_METADATA_ID,
          new DynamodbServiceMetadata(),
          SqsClient.SERVICE_METADATA_ID,
          new SqsServiceMetadata(),
          SesV2Client.SERVICE_METADATA_ID,
          new EmailServiceMetadata(),
          // SecretsManagerClient.SERVICE_METADATA_ID; shared does without that client's module
          SECRETS_MANAGER,
          new SecretsmanagerServiceMetadata());

  @Override
  public ServiceMetadata serviceMetadata(String endpointPrefix) {
    return SERVICE_METADATA.get(endpointPrefix);
  }
}
