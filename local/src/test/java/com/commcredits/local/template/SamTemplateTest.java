package com.commcredits.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.domain.funding.RechargePolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

  private static final SamTemplate TEMPLATE =
      SamTemplate.read(SamTemplate.locate(Path.of("").toAbsolutePath()));

  @Test
  void
      projectTemplate_declaresFourQueueFunctionsReportingItemFailures_theSweepAuthorizeApiAndConsole() {
    // when
    Map<String, FunctionSpec> functions = TEMPLATE.functions();

    // then
    assertThat(functions)
        .containsOnlyKeys(
            "RateCallsFunction",
            "CheckBalanceFunction",
            "AutoRechargeFunction",
            "SendEmailFunction",
            "SweepAccountsFunction",
            "AuthorizeCallFunction",
            "AdminApiFunction",
            "ConsoleFunction");
    assertThat(functions.get("AdminApiFunction").sqsEventSources()).isEmpty();
    assertThat(functions.get("AdminApiFunction").httpApiRoutes()).isNotEmpty();
    assertThat(functions.get("ConsoleFunction").httpApiRoutes())
        .isNotEmpty()
        .noneMatch(route -> route.authorized());
    assertThat(functions.get("SweepAccountsFunction").sqsEventSources()).isEmpty();
    assertThat(functions.get("AuthorizeCallFunction").sqsEventSources()).isEmpty();
    assertThat(functions.values())
        .filteredOn(function -> !function.sqsEventSources().isEmpty())
        .hasSize(4)
        .allSatisfy(
            function -> {
              assertThat(function.sqsEventSources()).hasSize(1);
              assertThat(function.sqsEventSources().get(0).reportBatchItemFailures()).isTrue();
              assertThat(function.handlerClassName()).startsWith("com.commcredits.");
            });
  }

  @Test
  void paymentGateway_hasNoDefault_andSimulatedPaymentsAreOffUnlessAStageSaysSo() {
    // guards issue 9 defect 2: a deployment with defaults used to credit without charging
    Map<String, TemplateParameter> parameters = TEMPLATE.parameters();

    assertThat(parameters.get("PaymentGateway").defaultValue()).isEmpty();
    assertThat(parameters.get("AllowSimulatedPayments").defaultValue()).contains("false");
    assertThat(TEMPLATE.functions().get("AutoRechargeFunction").environment())
        .containsKeys("PAYMENT_GATEWAY", "ALLOW_SIMULATED_PAYMENTS", "STRIPE_API_BASE_URL");
  }

  @Test
  void rechargeParameterDefaults_areTheDomainsStandardPolicy() {
    // when
    Map<String, TemplateParameter> parameters = TEMPLATE.parameters();

    // then: each default is defined once, in RechargePolicy, and the template repeats it exactly
    assertThat(parameters.get("SoftDeclineBackoff").defaultValue())
        .contains(RechargePolicy.STANDARD_SOFT_DECLINE_BACKOFF);
    assertThat(parameters.get("ProcessingErrorBackoff").defaultValue())
        .contains(RechargePolicy.STANDARD_PROCESSING_ERROR_BACKOFF);
    assertThat(parameters.get("RechargeBurstLimit").defaultValue())
        .contains(Integer.toString(RechargePolicy.STANDARD_BURST_LIMIT));
  }

  @Test
  void rateCallsEventSource_takesBatchSizeAndWindowFromTemplate() {
    // when
    SqsEventSource source = TEMPLATE.functions().get("RateCallsFunction").sqsEventSources().get(0);

    // then
    assertThat(source)
        .isEqualTo(new SqsEventSource("CallRecords", "CallRecordsQueue", 1000, 2, true, true));
  }

  @Test
  void eventSourceWithoutBatchSize_defaultsToTen() {
    // given
    String yaml =
        """
        Resources:
          Q: { Type: AWS::SQS::Queue }
          F:
            Type: AWS::Serverless::Function
            Properties:
              Handler: a.B::handleRequest
              Events:
                E: { Type: SQS, Properties: { Queue: !GetAtt Q.Arn } }
        """;

    // when
    FunctionSpec function = SamTemplate.parse(yaml).functions().get("F");

    // then
    assertThat(function.sqsEventSources().get(0).batchSize()).isEqualTo(10);
    assertThat(function.sqsEventSources().get(0).reportBatchItemFailures()).isFalse();
    assertThat(function.timeoutSeconds()).isEqualTo(3);
  }

  @Test
  void
      everyConsumedQueue_hasDeadLetterQueue_andVisibilityTimeoutOfSixFunctionTimeoutsPlusTheWindow() {
    TEMPLATE.functions().values().stream()
        .flatMap(f -> f.sqsEventSources().stream().map(source -> Map.entry(f, source)))
        .forEach(
            entry -> {
              // given
              QueueSpec queue = TEMPLATE.queues().get(entry.getValue().queueLogicalId());

              // then
              assertThat(queue.redrivePolicy())
                  .hasValueSatisfying(
                      policy -> {
                        assertThat(policy.maxReceiveCount()).isPositive();
                        assertThat(TEMPLATE.queues())
                            .containsKey(policy.deadLetterQueueLogicalId());
                      });
              assertThat(queue.visibilityTimeoutSeconds().orElse(30))
                  .isGreaterThanOrEqualTo(
                      6 * entry.getKey().timeoutSeconds()
                          + entry.getValue().maximumBatchingWindowSeconds());
            });
  }

  @Test
  void queuesInCreationOrder_putsEachDeadLetterQueueBeforeTheQueueThatRedrivesToIt() {
    // when
    var order = TEMPLATE.queuesInCreationOrder().stream().map(QueueSpec::logicalId).toList();

    // then: four queues, their dead-letter queues and the sweep's failure destination
    assertThat(order).hasSize(9);
    assertThat(order.indexOf("CallRecordsDeadLetterQueue"))
        .isLessThan(order.indexOf("CallRecordsQueue"));
    assertThat(order.indexOf("NotificationsDeadLetterQueue"))
        .isLessThan(order.indexOf("NotificationsQueue"));
    assertThat(TEMPLATE.deadLetterQueues())
        .hasSize(4)
        .allMatch(id -> id.endsWith("DeadLetterQueue"));
  }

  @Test
  void tables_carryKeySchemaAttributeTypesAndTtl() {
    // when
    TableSpec ledger = TEMPLATE.tables().get("LedgerTable");

    // then
    assertThat(ledger.keySchema())
        .containsExactly(new KeyElement("pk", "HASH"), new KeyElement("sk", "RANGE"));
    assertThat(ledger.attributeTypes()).containsEntry("pk", "S").containsEntry("sk", "S");
    assertThat(ledger.timeToLiveAttribute()).contains("expiresAt");
    // rejected bodies hold full numbers: deleted after 90 days (guards issue 9 defect 11)
    assertThat(TEMPLATE.tables().get("RejectedCallRecordsTable").timeToLiveAttribute())
        .contains("expiresAt");
  }

  @Test
  void functionEnvironment_mergesGlobalsWithTheFunctionsOwnVariables() {
    // when
    Map<String, Object> environment = TEMPLATE.functions().get("RateCallsFunction").environment();

    // then
    assertThat(environment)
        .containsOnlyKeys(
            "LEDGER_TABLE",
            "LOG_LEVEL",
            "JAVA_TOOL_OPTIONS",
            "REJECTED_RECORDS_TABLE",
            "RATE_CARDS_DIR",
            "BALANCE_CHANGES_QUEUE_URL")
        .containsEntry("LEDGER_TABLE", Map.of("Ref", "LedgerTable"));
  }

  @Test
  void shortFormIntrinsics_resolveToParametersConditionsAndResources() {
    // given
    IntrinsicResolver resolver =
        new IntrinsicResolver(
            TEMPLATE,
            Map.of("SenderEmail", "billing@example.com", "PaymentGateway", "simulated"),
            Map.of("AWS::Region", "us-east-1"),
            new IntrinsicResolver.Resources() {
              @Override
              public Optional<String> ref(String logicalId) {
                return Optional.of("stack-" + logicalId);
              }

              @Override
              public Optional<String> attribute(String logicalId, String attribute) {
                return Optional.of(logicalId + "#" + attribute);
              }
            });

    // then
    assertThat(resolver.text(Map.of("Ref", "PaymentGateway"))).isEqualTo("simulated");
    assertThat(resolver.text(Map.of("Ref", "SenderEmail"))).isEqualTo("billing@example.com");
    assertThat(resolver.condition("UsesStripe")).isFalse();
    assertThat(resolver.condition("HasAlarmTopic")).isFalse();
    assertThat(resolver.text(Map.of("Fn::Sub", "/aws/lambda/${RateCallsFunction}-${AWS::Region}")))
        .isEqualTo("/aws/lambda/stack-RateCallsFunction-us-east-1");
    assertThat(resolver.text(Map.of("Fn::GetAtt", java.util.List.of("Q", "Arn"))))
        .isEqualTo("Q#Arn");
  }

  @Test
  void parameterWithoutDefault_mustBeOverridden() {
    // given
    IntrinsicResolver resolver =
        new IntrinsicResolver(
            TEMPLATE,
            Map.of(),
            Map.of(),
            new IntrinsicResolver.Resources() {
              @Override
              public Optional<String> ref(String logicalId) {
                return Optional.empty();
              }

              @Override
              public Optional<String> attribute(String logicalId, String attribute) {
                return Optional.empty();
              }
            });

    // then
    assertThatThrownBy(() -> resolver.text(Map.of("Ref", "SenderEmail")))
        .hasMessageContaining("SenderEmail has no Default");
  }

  @Test
  void allShortTags_parseToLongForms() {
    // given
    String yaml =
        """
        Conditions:
          C: !Not [!Equals [!Select [0, !Split [',', 'a,b']], '']]
        Resources: {}
        Outputs:
          O: { Value: !If [C, !Join ['-', [!Ref AWS::Region, !Sub 'x']], !Ref AWS::NoValue] }
        """;

    // when
    SamTemplate template = SamTemplate.parse(yaml);

    // then
    assertThat(template.conditions().get("C"))
        .isEqualTo(
            Map.of(
                "Fn::Not",
                java.util.List.of(
                    Map.of(
                        "Fn::Equals",
                        java.util.List.of(
                            Map.of(
                                "Fn::Select",
                                java.util.List.of(
                                    0, Map.of("Fn::Split", java.util.List.of(",", "a,b")))),
                            "")))));
  }

  // ---------------------------------------------------------------- operators (issue 9, defect 13)

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resource(String logicalId) {
    Map<String, Object> yaml =
        CloudFormationYaml.load(readString(SamTemplate.locate(Path.of("").toAbsolutePath())));
    return (Map<String, Object>) ((Map<String, Object>) yaml.get("Resources")).get(logicalId);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(String logicalId) {
    return (Map<String, Object>) resource(logicalId).get("Properties");
  }

  private static String readString(Path path) {
    try {
      return java.nio.file.Files.readString(path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void operatorsAlarms_existWithoutATopic_andNotifyTheTopicOnlyWhenOneIsGiven() {
    for (String alarm :
        java.util.List.of(
            "DeadLettersAlarm",
            "FunctionErrorsAlarm",
            "FunctionThrottlesAlarm",
            "OldestMessageAlarm",
            "RechargeInFlightTooLongAlarm")) {
      assertThat(resource(alarm)).containsEntry("Type", "AWS::CloudWatch::Alarm");
      assertThat(resource(alarm)).as(alarm + " has no condition").doesNotContainKey("Condition");
      assertThat(properties(alarm).get("AlarmActions"))
          .isEqualTo(
              Map.of(
                  "Fn::If",
                  java.util.List.of(
                      "HasAlarmTopic",
                      java.util.List.of(Map.of("Ref", "AlarmTopicArn")),
                      Map.of("Ref", "AWS::NoValue"))));
    }
    assertThat(properties("RechargeInFlightTooLongAlarm"))
        .containsEntry("Namespace", "CommCredits")
        .containsEntry("MetricName", "RechargeInFlightTooLong");
    assertThat(resource("OperationsDashboard")).containsEntry("Type", "AWS::CloudWatch::Dashboard");
  }

  @Test
  @SuppressWarnings("unchecked")
  void deadLettersAlarm_watchesEveryDeadLetterQueue_andTheSweepsFailureQueue() {
    java.util.List<Map<String, Object>> metrics =
        (java.util.List<Map<String, Object>>) properties("DeadLettersAlarm").get("Metrics");

    java.util.Set<Object> queues = new java.util.HashSet<>();
    metrics.stream()
        .filter(m -> m.containsKey("MetricStat"))
        .forEach(
            m -> {
              Map<String, Object> metric =
                  (Map<String, Object>) ((Map<String, Object>) m.get("MetricStat")).get("Metric");
              Map<String, Object> dimension =
                  ((java.util.List<Map<String, Object>>) metric.get("Dimensions")).get(0);
              queues.add(
                  ((java.util.List<Object>)
                          ((Map<String, Object>) dimension.get("Value")).get("Fn::GetAtt"))
                      .get(0));
            });

    java.util.Set<String> expected = new java.util.HashSet<>(TEMPLATE.deadLetterQueues());
    expected.add("SweepFailuresQueue");
    assertThat(queues).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @SuppressWarnings("unchecked")
  void authorizeCall_hasReservedConcurrency_andEverySqsSourceAMaximumConcurrency() {
    assertThat(properties("AuthorizeCallFunction").get("ReservedConcurrentExecutions"))
        .isInstanceOf(Integer.class)
        .satisfies(n -> assertThat((Integer) n).isPositive());
    for (String function :
        java.util.List.of(
            "RateCallsFunction",
            "CheckBalanceFunction",
            "AutoRechargeFunction",
            "SendEmailFunction")) {
      Map<String, Object> events = (Map<String, Object>) properties(function).get("Events");
      events.values().stream()
          .map(e -> (Map<String, Object>) e)
          .filter(e -> "SQS".equals(e.get("Type")))
          .forEach(
              e ->
                  assertThat(
                          ((Map<String, Object>)
                                  ((Map<String, Object>) e.get("Properties")).get("ScalingConfig"))
                              .get("MaximumConcurrency"))
                      .as(function)
                      .isNotNull());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void dailySweep_sendsAFailedAsynchronousInvocationToItsFailureQueue() {
    Map<String, Object> onFailure =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>)
                            properties("SweepAccountsFunction").get("EventInvokeConfig"))
                        .get("DestinationConfig"))
                .get("OnFailure");

    assertThat(onFailure)
        .containsEntry("Type", "SQS")
        .containsEntry(
            "Destination", Map.of("Fn::GetAtt", java.util.List.of("SweepFailuresQueue", "Arn")));
  }
}
