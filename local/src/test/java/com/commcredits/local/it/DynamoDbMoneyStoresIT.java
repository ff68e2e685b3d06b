package com.commcredits.local.it;

import com.commcredits.adapters.dynamodb.DynamoDbAccounts;
import com.commcredits.adapters.dynamodb.DynamoDbFundingStore;
import com.commcredits.adapters.dynamodb.DynamoDbLedger;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.testing.contracts.MoneyStoresContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The money stores' contract against the DynamoDB adapters on DynamoDB Local. */
@ExtendWith(LocalDeploymentExtension.class)
class DynamoDbMoneyStoresIT extends MoneyStoresContract {

  private final LocalDeployment deployment;

  DynamoDbMoneyStoresIT(LocalDeployment deployment) {
    this.deployment = deployment;
  }

  @Override
  protected Stores stores() {
    String table = deployment.tableName("LedgerTable");
    return new Stores(
        new DynamoDbAccounts(deployment.dynamoDb(), table),
        new DynamoDbLedger(deployment.dynamoDb(), table),
        new DynamoDbFundingStore(deployment.dynamoDb(), table));
  }
}
