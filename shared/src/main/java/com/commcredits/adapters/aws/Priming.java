package com.commcredits.adapters.aws;

import com.commcredits.adapters.lambda.SnapStartPriming;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
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
   * A transaction whose only item is a condition check that holds (the priming org has no account):
   * DynamoDB commits it, and a condition check writes nothing. Primes a committed transaction's
   * answer, which a real debit or hold gets.
   *
   * @return whether DynamoDB committed it
   */
  public static boolean passingTransaction(DynamoDbClient dynamoDb, String ledgerTable) {
    try {
      dynamoDb.transactWriteItems(
          t ->
              t.transactItems(
                  TransactWriteItem.builder()
                      .conditionCheck(
                          ConditionCheck.builder()
                              .tableName(ledgerTable)
                              .key(primingAccountKey())
                              .conditionExpression("attribute_not_exists(pk)")
                              .build())
                      .build()));
      return true;
    } catch (SdkException refused) {
      // Still nothing written; only the committed answer's path stays unprimed.
      return false;
    }
  }

  /**
   * A put whose condition fails (the priming org has no account item to exist): DynamoDB writes
   * nothing. Primes the conditional put a claim makes.
   */
  public static void failedPut(DynamoDbClient dynamoDb, String ledgerTable) {
    try {
      dynamoDb.putItem(
          PutItemRequest.builder()
              .tableName(ledgerTable)
              .item(primingAccountKey())
              .conditionExpression("attribute_exists(pk) AND #sk = :sk")
              .expressionAttributeNames(Map.of("#sk", "sk"))
              .expressionAttributeValues(Map.of(":sk", AttributeValue.fromS("ACCOUNT")))
              .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
              .build());
    } catch (ConditionalCheckFailedException expected) {
      // as intended: nothing written
    }
  }

  private static Map<String, AttributeValue> primingAccountKey() {
    return Map.of(
        "pk", AttributeValue.fromS("ORG#" + SnapStartPriming.PRIMING_ORG),
        "sk", AttributeValue.fromS("ACCOUNT"));
  }

  /**
   * A transaction whose only item is a condition check that fails (the priming org has no account):
   * DynamoDB cancels it and writes nothing.
   */
  public static void failedTransaction(DynamoDbClient dynamoDb, String ledgerTable) {
    Map<String, AttributeValue> key = primingAccountKey();
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
