package software.amazon.awssdk.regions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.servicemetadata.DynamodbServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.EmailServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.SecretsmanagerServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.SqsServiceMetadata;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The stand-in that ships in place of the SDK's provider of every service's metadata (issue 10).
 */
class GeneratedServiceMetadataProviderTest {

  private final GeneratedServiceMetadataProvider provider = new GeneratedServiceMetadataProvider();

  @Test
  void servicesOurFunctionsCall_areAnsweredByTheSdksGeneratedMetadata() {
    assertThat(provider.serviceMetadata(DynamoDbClient.SERVICE_METADATA_ID))
        .isInstanceOf(DynamodbServiceMetadata.class);
    assertThat(provider.serviceMetadata(SqsClient.SERVICE_METADATA_ID))
        .isInstanceOf(SqsServiceMetadata.class);
    assertThat(provider.serviceMetadata(SesV2Client.SERVICE_METADATA_ID))
        .isInstanceOf(EmailServiceMetadata.class);
    assertThat(provider.serviceMetadata(GeneratedServiceMetadataProvider.SECRETS_MANAGER))
        .isInstanceOf(SecretsmanagerServiceMetadata.class);
  }

  @Test
  void anyOtherService_isUnknown_soTheSdkFallsBackToTheRegionsOwnEndpointAndSigningRegion() {
    assertThat(provider.serviceMetadata("s3")).isNull();
  }

  @Test
  void anUnknownService_getsTheRegionsOwnSigningRegionAndEndpoint() {
    ServiceMetadata monitoring = ServiceMetadata.of("monitoring");

    assertThat(monitoring.signingRegion(Region.EU_CENTRAL_1)).isEqualTo(Region.EU_CENTRAL_1);
    assertThat(monitoring.endpointFor(Region.EU_CENTRAL_1))
        .hasToString("monitoring.eu-central-1.amazonaws.com");
  }
}
