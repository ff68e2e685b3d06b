package com.commcredits.adapters.dynamodb;

import static com.commcredits.adapters.dynamodb.Attr.s;

import com.commcredits.domain.account.OrgDirectory;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The orgs of the ledger table, by a scan for account items that reads only their org id. Run once
 * a day, its cost grows with the table, not with the number of calls in a day.
 */
public final class DynamoDbOrgDirectory implements OrgDirectory {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbOrgDirectory(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public List<String> orgIds() {
    return dynamoDb.scanPaginator(accountScan().build()).items().stream()
        .map(item -> Attr.string(item, "orgId"))
        .sorted()
        .toList();
  }

  /**
   * Reads one page of one item of the sweep's scan and discards it: SnapStart priming (issue 10),
   * the scan's path without reading the table.
   */
  public void readOneItem() {
    // the sweep's paginated scan, but only its first page of one item
    dynamoDb.scanPaginator(accountScan().limit(1).build()).iterator().next();
  }

  private ScanRequest.Builder accountScan() {
    return ScanRequest.builder()
        .tableName(tableName)
        .filterExpression("sk = :account")
        .projectionExpression("orgId")
        .expressionAttributeValues(Map.of(":account", s(LedgerKeys.ACCOUNT)));
  }
}
