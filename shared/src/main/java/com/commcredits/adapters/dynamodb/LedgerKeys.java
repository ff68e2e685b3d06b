package com.commcredits.adapters.dynamodb;

import java.time.YearMonth;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ledger table's single-table layout:
 *
 * <table>
 *   <tr><th>item</th><th>pk</th><th>sk</th></tr>
 *   <tr><td>account</td><td>{@code ORG#<orgId>}</td><td>{@code ACCOUNT}</td></tr>
 *   <tr><td>recharge attempt</td><td>{@code ORG#<orgId>}</td><td>{@code RECHARGE#<attemptId>}</td></tr>
 *   <tr><td>credit purchase</td><td>{@code ORG#<orgId>}</td><td>{@code PURCHASE#<purchaseId>}</td></tr>
 *   <tr><td>call hold</td><td>{@code ORG#<orgId>}</td><td>{@code HOLD#<callId>}</td></tr>
 *   <tr><td>call restrictions</td><td>{@code ORG#<orgId>}</td><td>{@code RESTRICTIONS}</td></tr>
 *   <tr><td>ledger entry</td><td>{@code ORG#<orgId>}</td><td>{@code ENTRY#<kind>#<sourceId>}</td></tr>
 *   <tr><td>pool usage</td><td>{@code ORG#<orgId>}</td><td>{@code POOL#<yyyy-MM>#<poolId>}</td></tr>
 *   <tr><td>notification sent (or rejected)</td><td>{@code ORG#<orgId>}</td><td>{@code NOTIFICATION#<notificationId>}</td></tr>
 *   <tr><td>simulated card charge</td><td>{@code SIMCHARGE#<orgId>}</td><td>{@code <idempotencyKey>}</td></tr>
 *   <tr><td>admin request replay</td><td>{@code REPLAY#<scope>}</td><td>{@code <idempotencyKey>}</td></tr>
 * </table>
 *
 * A call charge's entry ({@code ENTRY#CALL_CHARGE#<usageId>}) is its record's claim: a usage id is
 * charged once within its org, and an id in another org is another org's record. Pool usage is kept
 * per month (UTC), so a month's pools are one query and a new month starts at zero.
 */
final class LedgerKeys {

  static final String PK = "pk";
  static final String SK = "sk";
  static final String ACCOUNT = "ACCOUNT";
  static final String ENTRY_PREFIX = "ENTRY#";
  static final String NOTIFICATION_PREFIX = "NOTIFICATION#";
  static final String HOLD_PREFIX = "HOLD#";
  static final String RECHARGE_PREFIX = "RECHARGE#";
  static final String PURCHASE_PREFIX = "PURCHASE#";

  private LedgerKeys() {}

  static String org(String orgId) {
    return "ORG#" + orgId;
  }

  static Map<String, AttributeValue> account(String orgId) {
    return key(org(orgId), ACCOUNT);
  }

  static Map<String, AttributeValue> entry(String orgId, String entryId) {
    return key(org(orgId), ENTRY_PREFIX + entryId);
  }

  static Map<String, AttributeValue> hold(String orgId, String callId) {
    return key(org(orgId), HOLD_PREFIX + callId);
  }

  static Map<String, AttributeValue> rechargeAttempt(String orgId, String attemptId) {
    return key(org(orgId), RECHARGE_PREFIX + attemptId);
  }

  static Map<String, AttributeValue> purchase(String orgId, String purchaseId) {
    return key(org(orgId), PURCHASE_PREFIX + purchaseId);
  }

  static Map<String, AttributeValue> callRestrictions(String orgId) {
    return key(org(orgId), "RESTRICTIONS");
  }

  static String poolPrefix(YearMonth month) {
    return "POOL#" + month + "#";
  }

  static Map<String, AttributeValue> pool(String orgId, YearMonth month, String poolId) {
    return key(org(orgId), poolPrefix(month) + poolId);
  }

  static Map<String, AttributeValue> notification(String orgId, String notificationId) {
    return key(org(orgId), NOTIFICATION_PREFIX + notificationId);
  }

  static String simulatedCharges(String orgId) {
    return "SIMCHARGE#" + orgId;
  }

  static Map<String, AttributeValue> simulatedCharge(String orgId, String idempotencyKey) {
    return key(simulatedCharges(orgId), idempotencyKey);
  }

  static Map<String, AttributeValue> requestReplay(String scope, String idempotencyKey) {
    return key("REPLAY#" + scope, idempotencyKey);
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(PK, Attr.s(pk), SK, Attr.s(sk));
  }
}
