package com.commcredits.adapters.aws;

import com.commcredits.adapters.lambda.SnapStartPriming;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Real calls that the services refuse, for SnapStart priming (issue 10): each runs the client's
 * whole path — marshalling, signing, the HTTP connection, the error unmarshalling — so that the
 * first real event after a restore finds it loaded and compiled, and none changes any data. One
 * class per service, so a function's jar needs only the services it uses.
 */
public final class Priming {

  private Priming() {}

  /**
   * A transaction whose only item is a condition check that fails (the priming org has no account):
   * DynamoDB cancels it and writes nothing.
   */
  public static void failedTransaction(DynamoDbClient dynamoDb, String ledgerTable) {
    Map<String, AttributeValue> key =
        Map.of(
            "pk", AttributeValue.fromS("ORG#" + SnapStartPriming.PRIMING_ORG),
            "sk", AttributeValue.fromS("ACCOUNT"));
    try {
      dynamoDb.transactWriteItems(
          t ->
              t.transactItems(
                  TransactWriteItem.builder()
                      .conditionCheck(
                          ConditionCheck.builder()
                              .tableName(ledgerTable)
                              .key(key)
                              .conditionExpression("attribute_exists(pk)")
                              .build())
                      .build()));
    } catch (SdkException expected) {
      // TransactionCanceledException: the condition failed, as intended.
    }
  }
}
