package com.commcredits.local;

import com.commcredits.adapters.dynamodb.DynamoDbAccounts;
import com.commcredits.adapters.dynamodb.DynamoDbCallRestrictions;
import com.commcredits.adapters.dynamodb.DynamoDbFundingStore;
import com.commcredits.adapters.dynamodb.DynamoDbLedger;
import com.commcredits.adapters.dynamodb.DynamoDbRejectedCallRecords;
import com.commcredits.adapters.dynamodb.DynamoDbUsageRecords;
import com.commcredits.adapters.json.BalanceChangedJson;
import com.commcredits.adapters.json.Json;
import com.commcredits.adapters.sqs.SqsBalanceChangedPublisher;
import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.admin.AccountAdministration;
import com.commcredits.domain.authorize.CallRestrictionsStore;
import com.commcredits.domain.charging.RejectedCallRecords;
import com.commcredits.domain.funding.FundingStore;
import com.commcredits.domain.ledger.Ledger;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.report.UsageRecords;

/**
 * The admin's view of a local deployment, through the same adapters the functions use: account
 * administration, and reads of the ledger, funding state and rejected records.
 */
public final class LocalAdmin {

  private final DynamoDbAccounts accounts;
  private final DynamoDbLedger ledger;
  private final DynamoDbFundingStore funding;
  private final DynamoDbRejectedCallRecords rejected;
  private final DynamoDbUsageRecords usage;
  private final DynamoDbCallRestrictions restrictions;
  private final AccountAdministration administration;

  public LocalAdmin(LocalDeployment deployment) {
    String ledgerTable = deployment.tableName("LedgerTable");
    this.accounts = new DynamoDbAccounts(deployment.dynamoDb(), ledgerTable);
    this.ledger = new DynamoDbLedger(deployment.dynamoDb(), ledgerTable);
    this.funding = new DynamoDbFundingStore(deployment.dynamoDb(), ledgerTable);
    this.rejected =
        new DynamoDbRejectedCallRecords(
            deployment.dynamoDb(), deployment.tableName("RejectedCallRecordsTable"));
    this.usage = new DynamoDbUsageRecords(deployment.dynamoDb(), ledgerTable);
    this.restrictions = new DynamoDbCallRestrictions(deployment.dynamoDb(), ledgerTable);
    this.administration =
        new AccountAdministration(
            accounts,
            ledger,
            new SqsBalanceChangedPublisher(
                deployment.sqs(),
                deployment.queueUrl("BalanceChangesQueue"),
                new BalanceChangedJson(Json.mapper())));
  }

  public AccountAdministration administration() {
    return administration;
  }

  public Accounts accounts() {
    return accounts;
  }

  public Ledger ledger() {
    return ledger;
  }

  public FundingStore funding() {
    return funding;
  }

  public RejectedCallRecords rejected() {
    return rejected;
  }

  public CallRestrictionsStore restrictions() {
    return restrictions;
  }

  public UsageRecords usage() {
    return usage;
  }

  public Money balance(String orgId) {
    return accounts.find(orgId).orElseThrow().balance();
  }

  /** The sum of the org's ledger entries, which the balance must always equal. */
  public Money ledgerSum(String orgId) {
    Money zero = Money.zero(accounts.find(orgId).orElseThrow().currency());
    return ledger.entries(orgId).stream().map(e -> e.amount()).reduce(zero, Money::plus);
  }
}
