package com.commcredits.autorecharge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.GeneratedServiceMetadataProvider;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** shared's stand-in metadata provider names Secrets Manager without that client's module. */
class SecretsManagerMetadataTest {

  @Test
  void theStandInsSecretsManagerPrefix_isTheClientsOwn() {
    assertThat(GeneratedServiceMetadataProvider.SECRETS_MANAGER)
        .isEqualTo(SecretsManagerClient.SERVICE_METADATA_ID);
  }
}
