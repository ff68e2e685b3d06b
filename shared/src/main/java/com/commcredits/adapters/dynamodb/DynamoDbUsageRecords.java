package com.commcredits.adapters.dynamodb;

import static com.commcredits.adapters.dynamodb.Attr.s;

import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.report.UsageRecord;
import com.commcredits.domain.report.UsageRecords;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Usage report lines from the call-charge entries of the ledger table. */
public final class DynamoDbUsageRecords implements UsageRecords {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbUsageRecords(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public List<UsageRecord> startedBetween(String orgId, Instant from, Instant to) {
    return dynamoDb
        .queryPaginator(
            QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :charges)")
                .expressionAttributeValues(
                    Map.of(
                        ":pk", s(LedgerKeys.org(orgId)),
                        ":charges", s(LedgerKeys.ENTRY_PREFIX + "CALL_CHARGE#")))
                .build())
        .items()
        .stream()
        .map(DynamoDbUsageRecords::fromItem)
        .filter(r -> !r.startTime().isBefore(from) && r.startTime().isBefore(to))
        .sorted(Comparator.comparing(UsageRecord::startTime).thenComparing(UsageRecord::usageId))
        .toList();
  }

  @Override
  public Optional<UsageRecord> find(String orgId, String usageId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                GetItemRequest.builder()
                    .tableName(tableName)
                    .key(LedgerKeys.entry(orgId, EntryKind.CALL_CHARGE.name() + "#" + usageId))
                    .build())
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  private static UsageRecord fromItem(Map<String, AttributeValue> item) {
    Currency currency = Currency.getInstance(Attr.string(item, "currency"));
    return new UsageRecord(
        Attr.string(item, "sourceId"),
        Attr.string(item, "callId"),
        Attr.string(item, "conferenceId"),
        Attr.string(item, "userLocation"),
        Attr.string(item, "userPrincipalName"),
        Attr.string(item, "userDisplayName"),
        Attr.string(item, "callerNumber"),
        Attr.string(item, "callType"),
        Attr.string(item, "numberType"),
        Attr.flag(item, "international"),
        Attr.string(item, "destinationCountry"),
        Attr.string(item, "calleeNumber"),
        Instant.parse(Attr.string(item, "startTime")),
        Instant.parse(Attr.string(item, "endTime")),
        Attr.number(item, "durationSeconds", 0),
        new Money(currency, Attr.number(item, "connectionFeeMicros", 0)),
        new Money(currency, Attr.number(item, "chargeMicros", 0)),
        Attr.string(item, "capability"),
        Attr.string(item, "userId"),
        Attr.string(item, "rateRef"));
  }
}
