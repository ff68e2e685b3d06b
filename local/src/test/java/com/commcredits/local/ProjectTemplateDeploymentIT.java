package com.commcredits.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.local.junit.LocalDeploymentExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** template.yaml itself, provisioned: what the project's integration tests build on. */
@ExtendWith(LocalDeploymentExtension.class)
class ProjectTemplateDeploymentIT {

  @Test
  void tables_areCreatedWithStackPrefixedNames_andTtl(LocalDeployment deployment) {
    // when
    String ledger = deployment.tableName("LedgerTable");

    // then
    assertThat(ledger).isEqualTo("comm-credits-LedgerTable");
    assertThat(deployment.dynamoDb().describeTable(r -> r.tableName(ledger)).table().keySchema())
        .hasSize(2);
    assertThat(
            deployment
                .dynamoDb()
                .describeTimeToLive(r -> r.tableName(ledger))
                .timeToLiveDescription()
                .timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.ENABLED);
  }

  @Test
  void consumedQueues_redriveToTheirDeadLetterQueues_afterFiveReceives(LocalDeployment deployment) {
    // when
    Map<QueueAttributeName, String> attributes =
        deployment
            .sqs()
            .getQueueAttributes(
                r ->
                    r.queueUrl(deployment.queueUrl("CallRecordsQueue"))
                        .attributeNames(QueueAttributeName.ALL))
            .attributes();

    // then
    assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("185");
    assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
        .contains(deployment.queueArn("CallRecordsDeadLetterQueue"))
        .contains("5");
    assertThat(deployment.queueUrl("CallRecordsQueue"))
        .startsWith(deployment.endpoints().sqs().toString());
  }

  @Test
  void functionEnvironments_carryTheTemplatesVariablesResolvedLocally(LocalDeployment deployment) {
    // when
    Map<String, String> checkBalance = deployment.functionEnvironment("CheckBalanceFunction");
    Map<String, String> autoRecharge = deployment.functionEnvironment("AutoRechargeFunction");
    Map<String, String> sendEmail = deployment.functionEnvironment("SendEmailFunction");

    // then
    assertThat(checkBalance)
        .containsEntry("LEDGER_TABLE", "comm-credits-LedgerTable")
        .containsEntry("RECHARGE_REQUESTS_QUEUE_URL", deployment.queueUrl("RechargeRequestsQueue"))
        .containsEntry("NOTIFICATIONS_QUEUE_URL", deployment.queueUrl("NotificationsQueue"))
        .containsKey("JAVA_TOOL_OPTIONS");
    assertThat(autoRecharge)
        .containsEntry("PAYMENT_GATEWAY", "simulated")
        .containsEntry("STRIPE_SECRET_ARN", "")
        .containsEntry("BALANCE_CHANGES_QUEUE_URL", deployment.queueUrl("BalanceChangesQueue"));
    assertThat(sendEmail).containsEntry("SENDER_EMAIL", "billing@comm-credits.local");
    assertThat(deployment.functionEnvironment("RateCallsFunction"))
        .containsEntry("REJECTED_RECORDS_TABLE", "comm-credits-RejectedCallRecordsTable");
  }
}
