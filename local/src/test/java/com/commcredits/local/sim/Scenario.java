package com.commcredits.local.sim;

import static com.commcredits.testing.TestCallRecords.aRecentCallRecord;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.funding.BalanceSnapshot;
import com.commcredits.domain.funding.RechargeAttempt;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.money.Money;
import com.commcredits.local.sim.FaultInjector.Kind;
import com.commcredits.local.sim.FaultInjector.SimulatedCrash;
import com.commcredits.local.sim.FaultSimulation.Consumer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * One seeded scenario: a story of events for a few orgs (call records valid, invalid, duplicated,
 * conflicting and out of order; deposits; auto-recharge turned off and on; card swaps; an outage of
 * one function; a redrive of the dead-letter queues), worked through the handlers step by step with
 * faults injected, settled, and checked against the money-path invariants.
 *
 * <p>Three random streams split from the seed keep the story independent of the code under test:
 * the events are drawn up front, the driver's choices (which queue next, how many messages) and the
 * faults (SDK calls, Stripe) each from their own stream.
 */
final class Scenario {

  /** What a scenario did and, when it failed, why. */
  record Report(
      long seed,
      List<String> trace,
      List<String> violations,
      int callRecords,
      int callCharges,
      int cardCharges,
      int recharges,
      int emails,
      int invocations,
      int invariantChecks,
      Map<String, Integer> faults) {

    String describe() {
      StringBuilder text = new StringBuilder();
      text.append("scenario seed ").append(seed).append(" FAILED\n");
      violations.forEach(v -> text.append("  violated: ").append(v).append('\n'));
      text.append("  rerun: mvn -B -pl local -am verify -Dtest=none")
          .append(
              " -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false")
          .append(" -Dit.test=FaultSimulationIT")
          .append(" -Dsim.seed=")
          .append(seed)
          .append(" -Dsim.scenarios=1\n");
      text.append("  trace (events and injected faults, in order):\n");
      trace.forEach(line -> text.append("    ").append(line).append('\n'));
      return text.toString();
    }
  }

  /** Chance per SDK call of each fault. */
  static final Map<Kind, Double> SDK_FAULT_RATES =
      Map.of(
          Kind.THROTTLED_BEFORE, 0.012,
          Kind.SERVER_ERROR_BEFORE, 0.006,
          Kind.CRASH_BEFORE, 0.006,
          Kind.TIMEOUT_AFTER_COMMIT, 0.01,
          Kind.CRASH_AFTER, 0.006);

  private static final int MAX_INVOCATIONS_TO_SETTLE = 400;
  private static final String JAPAN = "+81312345678";
  private static final List<String> CARDS =
      List.of(
          "pm_ok",
          "pm_ok",
          "pm_ok",
          "pm_ok",
          "pm_ok",
          "pm_insufficient",
          "pm_expired",
          "pm_processing",
          "pm_declined");
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Org(String id, String customer, Currency currency) {
    Money money(long units) {
      return Money.of(String.valueOf(units), currency.getCurrencyCode());
    }
  }

  /** A call record sent; {@code valid} when it keeps the contract (it may still reuse an id). */
  private record SentCall(String orgId, String usageId, String body, boolean valid) {}

  private final long seed;
  private final FaultSimulation sim;
  private final SplittableRandom story;
  private final SplittableRandom driver;
  private final SplittableRandom faults;
  private final SplittableRandom provider;
  private final String tag;
  private final List<String> trace = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final List<Org> orgs = new ArrayList<>();
  private final List<SentCall> calls = new ArrayList<>();
  private final Map<String, Integer> emailsByNotification = new HashMap<>();
  private final Map<String, Integer> outage = new HashMap<>();
  private final EnumMap<Kind, Integer> injected = new EnumMap<>(Kind.class);
  private final Map<String, Integer> stripeFaults = new TreeMap<>();
  private final Map<String, Boolean> autoRechargeOn = new HashMap<>();
  private final Map<String, List<LedgerEntry>> ledgers = new HashMap<>();
  private boolean faultsOff;
  private int callRecordsIn;
  private int callRecordsOut;
  private int invocations;
  private int checks;
  private int sequence;
  private String notificationInHand;

  /** Queues that may hold a message: set by every send seen, cleared by an empty receive. */
  private final Set<String> mayHoldMessages = new HashSet<>();

  /** Dead-letter queues that may hold a message: a failed delivery was its queue's last. */
  private final Set<String> deadLetterMayHold = new HashSet<>();

  Scenario(long seed, FaultSimulation sim) {
    this.seed = seed;
    this.sim = sim;
    this.story = new SplittableRandom(seed);
    this.driver = story.split();
    this.faults = story.split();
    this.provider = story.split();
    this.tag = Long.toUnsignedString(seed, 36);
  }

  Report run() {
    sim.stripe().reset(stripePlan());
    try {
      play();
    } catch (RuntimeException e) {
      violations.add("the scenario itself failed: " + e);
    }
    faultsOff = true;
    List<Message> leftInDeadLetterQueues = new ArrayList<>();
    try {
      settle("with faults off", false);
      if (story.nextInt(10) < 6) {
        redrive("operator redrives every dead-letter queue");
        settle("after the redrive", false);
      }
      sweep();
      settle("after the daily sweep", true);
      leftInDeadLetterQueues = emptyDeadLetterQueues();
      check(leftInDeadLetterQueues);
    } catch (RuntimeException e) {
      violations.add("settling or checking failed: " + e);
      emptyDeadLetterQueues();
    }
    List<FakeStripe.Intent> charges = sim.stripe().charges();
    Map<String, Integer> faultCounts = new TreeMap<>(stripeFaults);
    injected.forEach((kind, n) -> faultCounts.put("sdk " + kind, n));
    return new Report(
        seed,
        List.copyOf(trace),
        List.copyOf(violations),
        callRecordsIn,
        (int)
            ledgers.values().stream()
                .flatMap(List::stream)
                .filter(e -> e.kind() == EntryKind.CALL_CHARGE)
                .count(),
        charges.size(),
        (int)
            ledgers.values().stream()
                .flatMap(List::stream)
                .filter(e -> e.kind() == EntryKind.RECHARGE)
                .count(),
        emailsByNotification.values().stream().mapToInt(Integer::intValue).sum(),
        invocations,
        checks,
        faultCounts);
  }

  // ---------------------------------------------------------------------------------- the story

  private void play() {
    int orgCount = story.nextInt(4) == 0 ? 3 : 2;
    for (int i = 0; i < orgCount; i++) {
      openOrg(i);
    }
    int events = 5 + story.nextInt(9);
    for (int e = 0; e < events; e++) {
      event();
      int steps = story.nextInt(4);
      for (int s = 0; s < steps; s++) {
        step(false);
      }
    }
  }

  private void openOrg(int index) {
    String id = "sim-" + tag + "-" + (char) ('a' + index);
    Currency currency = Currency.getInstance(story.nextInt(3) == 0 ? "EUR" : "USD");
    Org org = new Org(id, "cus_" + id.replace("-", ""), currency);
    String card = CARDS.get(story.nextInt(CARDS.size()));
    long deposit = 5 + story.nextInt(26);
    boolean on = story.nextInt(5) > 0;
    Instant now = Instant.now();
    var administration = sim.admin().administration();
    administration.openAccount(
        id, "Org " + id, currency, Language.EN, List.of("admin@" + id + ".example"), 20, now);
    administration.addFunds(id, "initial", org.money(deposit), now);
    administration.updatePaymentMethod(id, card(org, card), now);
    if (on) {
      administration.setAutoRecharge(id, true, org.money(50), org.money(20), null, now);
    }
    autoRechargeOn.put(id, on);
    orgs.add(org);
    mayHoldMessages.add(sim.consumers().get("CheckBalanceFunction").queueUrl());
    trace.add(
        "open "
            + id
            + " ("
            + currency
            + ", deposit "
            + deposit
            + ", card "
            + card
            + ", auto-recharge "
            + (on ? "on" : "off")
            + " 50 below 20)");
  }

  private static PaymentMethod card(Org org, String paymentMethod) {
    return new PaymentMethod(
        org.customer() + ":" + paymentMethod, "Visa", "4242", YearMonth.now().plusYears(2));
  }

  private void event() {
    // account administration publishes balance changes with its own (fault-free) client
    mayHoldMessages.add(sim.consumers().get("CheckBalanceFunction").queueUrl());
    Org org = orgs.get(story.nextInt(orgs.size()));
    int roll = story.nextInt(100);
    Instant now = Instant.now();
    var administration = sim.admin().administration();
    if (roll < 40 || (roll < 53 && calls.isEmpty())) {
      int minutes = 1 + story.nextInt(90);
      String usageId = org.id() + "-u" + (++sequence);
      // out of order: each call started a random time within the last two hours
      Instant start = now.minusSeconds(600 + story.nextInt(7200));
      String body =
          aRecentCallRecord()
              .org(org.id())
              .usageId(usageId)
              .to(JAPAN)
              .startingAt(start)
              .lasting(minutes * 60L)
              .json();
      send(new SentCall(org.id(), usageId, body, true), "call " + usageId + " " + minutes + " min");
    } else if (roll < 48) {
      SentCall earlier = calls.get(story.nextInt(calls.size()));
      send(earlier, "duplicate of " + earlier.usageId());
    } else if (roll < 53) {
      SentCall earlier = calls.get(story.nextInt(calls.size()));
      String body =
          earlier.body().replaceFirst("\"durationSeconds\":(\\d+)", "\"durationSeconds\":1");
      body = body.replaceFirst("\"endTime\":\"[^\"]+\"", endTimeOneSecondAfterStart(body));
      send(
          new SentCall(earlier.orgId(), earlier.usageId(), body, true),
          "other record under the used id " + earlier.usageId());
    } else if (roll < 60) {
      String usageId = org.id() + "-u" + (++sequence);
      String body =
          aRecentCallRecord()
              .org(org.id())
              .usageId(usageId)
              .to(JAPAN)
              .startingAt(now.minusSeconds(3600))
              .lasting(60)
              .json()
              .replace(JAPAN, "0301234567");
      send(new SentCall(org.id(), usageId, body, false), "invalid record " + usageId);
    } else if (roll < 66) {
      long amount = 10 + story.nextInt(41);
      String deposit = "deposit-" + (++sequence);
      trace.add("deposit " + amount + " to " + org.id() + " (" + deposit + ")");
      administration.addFunds(org.id(), deposit, org.money(amount), now);
    } else if (roll < 86) {
      boolean on = !autoRechargeOn.get(org.id());
      trace.add("auto-recharge " + (on ? "on" : "off") + " for " + org.id());
      administration.setAutoRecharge(org.id(), on, org.money(50), org.money(20), null, now);
      autoRechargeOn.put(org.id(), on);
    } else if (roll < 92) {
      String card = CARDS.get(story.nextInt(CARDS.size()));
      trace.add("card swap for " + org.id() + " to " + card);
      administration.updatePaymentMethod(org.id(), card(org, card), now);
    } else if (roll < 96) {
      List<String> functions = List.copyOf(sim.consumers().keySet());
      String function = functions.get(story.nextInt(functions.size()));
      int invocationsDown = 3 + story.nextInt(10);
      trace.add(
          "outage: every SDK call of "
              + function
              + " fails for its next "
              + invocationsDown
              + " invocations");
      outage.put(function, invocationsDown);
    } else {
      redrive("operator redrives every dead-letter queue");
    }
  }

  private static String endTimeOneSecondAfterStart(String body) {
    var start = java.util.regex.Pattern.compile("\"startTime\":\"([^\"]+)\"").matcher(body);
    start.find();
    return "\"endTime\":\"" + Instant.parse(start.group(1)).plusSeconds(1) + "\"";
  }

  private void send(SentCall call, String description) {
    calls.add(call);
    callRecordsIn++;
    trace.add(description);
    sim.deployment()
        .sqs()
        .sendMessage(
            r ->
                r.queueUrl(sim.consumers().get("RateCallsFunction").queueUrl())
                    .messageBody(call.body()));
  }

  private FakeStripe.Plan stripePlan() {
    return new FakeStripe.Plan() {
      @Override
      public FakeStripe.CreateFault onCreate(String idempotencyKey) {
        if (faultsOff) {
          return FakeStripe.CreateFault.NONE;
        }
        int roll = provider.nextInt(100);
        FakeStripe.CreateFault fault =
            roll < 10
                ? FakeStripe.CreateFault.SERVER_ERROR_AFTER_CHARGE
                : roll < 25
                    ? FakeStripe.CreateFault.TIMEOUT_AFTER_CHARGE
                    : roll < 29
                        ? FakeStripe.CreateFault.SERVER_ERROR_BEFORE
                        : roll < 33
                            ? FakeStripe.CreateFault.TIMEOUT_BEFORE
                            : FakeStripe.CreateFault.NONE;
        if (fault != FakeStripe.CreateFault.NONE) {
          stripeFaults.merge("stripe " + fault, 1, Integer::sum);
        }
        return fault;
      }

      @Override
      public int searchLagTicks(String intentId) {
        if (provider.nextInt(10) < 5) {
          stripeFaults.merge("stripe SEARCH_LAG", 1, Integer::sum);
          return 5 + provider.nextInt(56);
        }
        return 0;
      }

      @Override
      public void trace(String line) {
        trace.add(line);
      }
    };
  }

  // ---------------------------------------------------------------------------------- the driver

  /**
   * Invokes one function with what its queue holds; false when every queue is empty. Queues known
   * to be empty (nothing sent to them since they last answered empty) are skipped, so an idle queue
   * costs no receive. Settling asks every queue once more before it calls the system quiet.
   */
  private boolean step(boolean confirmQuiet) {
    List<Consumer> all = List.copyOf(sim.consumers().values());
    int first = driver.nextInt(all.size());
    for (boolean confirming : new boolean[] {false, true}) {
      if (confirming && (!confirmQuiet || !mayHoldMessages.isEmpty())) {
        continue;
      }
      for (int i = 0; i < all.size(); i++) {
        Consumer consumer = all.get((first + i) % all.size());
        if (!confirming && !mayHoldMessages.contains(consumer.queueUrl())) {
          continue;
        }
        if (receiveAndInvoke(consumer)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean receiveAndInvoke(Consumer consumer) {
    int wanted =
        consumer.functionId().equals("SendEmailFunction")
            ? 1 // so that every email sent is known to come from this one notification
            : 1 + driver.nextInt(consumer.batchSize());
    List<Message> batch =
        sim.deployment()
            .sqs()
            .receiveMessage(
                r ->
                    r.queueUrl(consumer.queueUrl())
                        .maxNumberOfMessages(wanted)
                        .waitTimeSeconds(0)
                        .messageSystemAttributeNamesWithStrings("All"))
            .messages();
    if (batch.size() < wanted) {
      // fewer than asked for: that was all the queue held
      mayHoldMessages.remove(consumer.queueUrl());
    }
    if (batch.isEmpty()) {
      return false;
    }
    invoke(consumer, batch);
    return true;
  }

  private void invoke(Consumer consumer, List<Message> batch) {
    invocations++;
    sim.stripe().tick();
    boolean down = outage.merge(consumer.functionId(), -1, Integer::sum) >= 0;
    notificationInHand =
        consumer.functionId().equals("SendEmailFunction") ? notificationId(batch.get(0)) : null;
    var invocation =
        new FaultInjector.Invocation(
            consumer.functionId(),
            faults,
            faultsOff ? Map.of() : SDK_FAULT_RATES,
            down && !faultsOff,
            trace::add,
            this::tookEffect,
            injected);
    Set<String> failed;
    try {
      SQSBatchResponse response =
          FaultInjector.during(
              invocation,
              () ->
                  consumer.handler().handleRequest(event(consumer, batch), sim.context(consumer)));
      failed =
          response == null || response.getBatchItemFailures() == null
              ? Set.of()
              : response.getBatchItemFailures().stream()
                  .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                  .collect(Collectors.toSet());
    } catch (SimulatedCrash crash) {
      failed = batch.stream().map(Message::messageId).collect(Collectors.toSet());
    } catch (RuntimeException thrown) {
      trace.add(consumer.functionId() + " threw " + thrown + ": its whole batch fails");
      failed = batch.stream().map(Message::messageId).collect(Collectors.toSet());
    }
    var sqs = sim.deployment().sqs();
    for (Message message : batch) {
      if (failed.contains(message.messageId())) {
        sqs.changeMessageVisibility(
            r ->
                r.queueUrl(consumer.queueUrl())
                    .receiptHandle(message.receiptHandle())
                    .visibilityTimeout(0));
      } else {
        sqs.deleteMessage(
            r -> r.queueUrl(consumer.queueUrl()).receiptHandle(message.receiptHandle()));
        if (consumer.functionId().equals("RateCallsFunction")) {
          callRecordsOut++;
        }
      }
    }
  }

  private static int receiveCount(Message message) {
    return Integer.parseInt(
        message.attributesAsStrings().getOrDefault("ApproximateReceiveCount", "1"));
  }

  private void tookEffect(SdkRequest request) {
    if (request instanceof SendMessageRequest send) {
      mayHoldMessages.add(send.queueUrl());
    } else if (request instanceof SendMessageBatchRequest send) {
      mayHoldMessages.add(send.queueUrl());
    } else if (request instanceof SendEmailRequest) {
      emailsByNotification.merge(
          notificationInHand == null ? "(unknown)" : notificationInHand, 1, Integer::sum);
    }
  }

  private static String notificationId(Message message) {
    try {
      return JSON.readTree(message.body()).path("notificationId").asText("(none)");
    } catch (Exception malformed) {
      return "(malformed)";
    }
  }

  private SQSEvent event(Consumer consumer, List<Message> batch) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message message : batch) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(message.messageId());
      record.setReceiptHandle(message.receiptHandle());
      record.setBody(message.body());
      record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
      record.setMessageAttributes(new LinkedHashMap<>());
      record.setMd5OfBody(message.md5OfBody());
      record.setEventSource("aws:sqs");
      record.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:" + consumer.queueId());
      record.setAwsRegion("us-east-1");
      records.add(record);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private void settle(String phase, boolean confirmQuiet) {
    int steps = 0;
    while (step(confirmQuiet)) {
      if (++steps > MAX_INVOCATIONS_TO_SETTLE) {
        violations.add(
            "not quiet " + phase + " after " + MAX_INVOCATIONS_TO_SETTLE + " invocations");
        drainSourceQueues();
        return;
      }
    }
  }

  private void redrive(String why) {
    int moved = 0;
    var sqs = sim.deployment().sqs();
    for (Consumer consumer : sim.consumers().values()) {
      if (!deadLetterMayHold.remove(consumer.deadLetterQueueUrl())) {
        continue;
      }
      List<Message> messages;
      do {
        messages =
            sqs.receiveMessage(
                    r ->
                        r.queueUrl(consumer.deadLetterQueueUrl())
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(0))
                .messages();
        for (Message message : messages) {
          sqs.sendMessage(r -> r.queueUrl(consumer.queueUrl()).messageBody(message.body()));
          mayHoldMessages.add(consumer.queueUrl());
          sqs.deleteMessage(
              r ->
                  r.queueUrl(consumer.deadLetterQueueUrl()).receiptHandle(message.receiptHandle()));
          moved++;
        }
      } while (!messages.isEmpty());
    }
    trace.add(why + ": " + moved + " message(s) back to their queues");
  }

  /** What the daily sweep does for each org: a balance check for its own sake. */
  private void sweep() {
    String queue = sim.consumers().get("CheckBalanceFunction").queueUrl();
    for (Org org : orgs) {
      sim.deployment()
          .sqs()
          .sendMessage(
              r ->
                  r.queueUrl(queue)
                      .messageBody(
                          "{\"orgId\":\""
                              + org.id()
                              + "\",\"cause\":\"DAILY_SWEEP\",\"at\":\""
                              + Instant.now()
                              + "\"}"));
    }
    mayHoldMessages.add(queue);
    trace.add("daily sweep: a balance check for every org");
  }

  private List<Message> emptyDeadLetterQueues() {
    List<Message> left = new ArrayList<>();
    var sqs = sim.deployment().sqs();
    for (Consumer consumer : sim.consumers().values()) {
      if (!deadLetterMayHold.remove(consumer.deadLetterQueueUrl())) {
        continue;
      }
      List<Message> messages;
      do {
        messages =
            sqs.receiveMessage(
                    r ->
                        r.queueUrl(consumer.deadLetterQueueUrl())
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(0))
                .messages();
        for (Message message : messages) {
          left.add(message);
          sqs.deleteMessage(
              r ->
                  r.queueUrl(consumer.deadLetterQueueUrl()).receiptHandle(message.receiptHandle()));
          if (consumer.functionId().equals("RateCallsFunction")) {
            callRecordsOut++;
          }
        }
      } while (!messages.isEmpty());
    }
    return left;
  }

  private void drainSourceQueues() {
    var sqs = sim.deployment().sqs();
    for (Consumer consumer : sim.consumers().values()) {
      List<Message> messages;
      do {
        messages =
            sqs.receiveMessage(
                    r -> r.queueUrl(consumer.queueUrl()).maxNumberOfMessages(10).waitTimeSeconds(0))
                .messages();
        messages.forEach(
            m ->
                sqs.deleteMessage(
                    r -> r.queueUrl(consumer.queueUrl()).receiptHandle(m.receiptHandle())));
      } while (!messages.isEmpty());
    }
  }

  // ---------------------------------------------------------------------------------- invariants

  private void check(List<Message> leftInDeadLetterQueues) {
    Set<String> bodiesInDeadLetterQueues = new HashSet<>();
    leftInDeadLetterQueues.forEach(m -> bodiesInDeadLetterQueues.add(m.body()));
    Map<String, FakeStripe.Intent> charged = new LinkedHashMap<>();
    sim.stripe().charges().forEach(i -> charged.put(i.id(), i));
    Map<String, Integer> chargesPerAttempt = new HashMap<>();
    for (FakeStripe.Intent intent : charged.values()) {
      chargesPerAttempt.merge(attemptOf(intent), 1, Integer::sum);
    }
    Set<String> usageIdsCharged = new HashSet<>();
    for (Org org : orgs) {
      List<LedgerEntry> entries = sim.admin().ledger().entries(org.id());
      ledgers.put(org.id(), entries);
      // per org balance = sum of ledger entries
      checks++;
      Money balance = sim.admin().balance(org.id());
      Money sum =
          entries.stream().map(LedgerEntry::amount).reduce(Money.zero(org.currency()), Money::plus);
      if (!balance.equals(sum)) {
        violations.add(org.id() + ": balance " + balance + " but its ledger entries sum to " + sum);
      }
      // each usage id charged at most once
      for (LedgerEntry entry : entries) {
        if (entry.kind() == EntryKind.CALL_CHARGE) {
          checks++;
          if (!usageIdsCharged.add(entry.sourceId())) {
            violations.add("usage id " + entry.sourceId() + " charged more than once");
          }
        }
      }
      // each recharge credit stands for exactly one real card charge of its attempt
      for (LedgerEntry entry : entries) {
        if (entry.kind() != EntryKind.RECHARGE) {
          continue;
        }
        checks++;
        Optional<RechargeAttempt> attempt =
            sim.admin().funding().attempt(org.id(), entry.sourceId());
        String paymentId = attempt.map(RechargeAttempt::paymentId).orElse(null);
        FakeStripe.Intent intent = paymentId == null ? null : charged.get(paymentId);
        if (intent == null) {
          violations.add(
              org.id()
                  + ": recharge "
                  + entry.sourceId()
                  + " credited "
                  + entry.amount()
                  + " without a card charge at the provider (payment "
                  + paymentId
                  + ")");
        } else if (!attemptOf(intent).equals(entry.sourceId())) {
          violations.add(
              org.id()
                  + ": recharge "
                  + entry.sourceId()
                  + " credited for payment "
                  + paymentId
                  + " of "
                  + attemptOf(intent));
        }
      }
    }
    // each card charge credited exactly once, and no attempt charged twice
    for (FakeStripe.Intent intent : charged.values()) {
      checks++;
      String org = intent.metadata().get("org_id");
      String attemptId = attemptOf(intent);
      long credits =
          ledgers.getOrDefault(org, List.of()).stream()
              .filter(e -> e.kind() == EntryKind.RECHARGE && e.sourceId().equals(attemptId))
              .count();
      Optional<RechargeAttempt> attempt = sim.admin().funding().attempt(org, attemptId);
      boolean creditedForThisCharge =
          credits == 1 && attempt.map(a -> intent.id().equals(a.paymentId())).orElse(false);
      if (!creditedForThisCharge) {
        violations.add(
            "card charge "
                + intent.id()
                + " ("
                + intent.amount()
                + " "
                + intent.currency()
                + ", key "
                + intent.metadata().get("idempotency_key")
                + ") never credited: attempt "
                + attemptId
                + " is "
                + attempt
                    .map(a -> a.status() + " with payment " + a.paymentId())
                    .orElse("missing"));
      }
    }
    chargesPerAttempt.forEach(
        (attemptId, n) -> {
          checks++;
          if (n > 1) {
            violations.add("attempt " + attemptId + " charged " + n + " times");
          }
        });
    // every call record ended charged, rejected with a reason, or in a dead-letter queue
    checks++;
    if (callRecordsIn != callRecordsOut) {
      violations.add(
          callRecordsIn
              + " call record messages in, but "
              + callRecordsOut
              + " processed or in a dead-letter queue");
    }
    Set<String> rejectedBodies = new HashSet<>();
    for (Org org : orgs) {
      sim.admin().rejected().list(org.id()).stream()
          .filter(r -> r.reason() != null && !r.reason().isBlank())
          .forEach(r -> rejectedBodies.add(r.body()));
    }
    Map<String, Set<String>> validBodiesByUsageId = new LinkedHashMap<>();
    for (SentCall call : calls) {
      checks++;
      boolean ended =
          rejectedBodies.contains(call.body()) || bodiesInDeadLetterQueues.contains(call.body());
      if (call.valid()) {
        if (!ended) {
          validBodiesByUsageId
              .computeIfAbsent(call.usageId(), id -> new HashSet<>())
              .add(call.body());
        }
      } else if (!ended) {
        violations.add(
            "invalid call record "
                + call.usageId()
                + " neither rejected with a reason nor in a dead-letter queue");
      }
    }
    // of the records under one usage id, the first to arrive is charged, the others rejected
    validBodiesByUsageId.forEach(
        (usageId, bodies) -> {
          if (bodies.size() > 1) {
            violations.add(
                bodies.size()
                    + " records under usage id "
                    + usageId
                    + " neither rejected nor in a dead-letter queue");
          } else if (!usageIdsCharged.contains(usageId)) {
            violations.add(
                "call record "
                    + usageId
                    + " neither charged, rejected with a reason nor in a dead-letter queue");
          }
        });
    // no org left with a recharge in flight and nothing to drive it
    for (Org org : orgs) {
      checks++;
      Optional<BalanceSnapshot> snapshot = sim.admin().funding().snapshot(org.id());
      String inFlight = snapshot.map(s -> s.funding().rechargeInFlight()).orElse(null);
      if (inFlight != null) {
        violations.add(
            org.id()
                + ": recharge "
                + inFlight
                + " left in flight ("
                + sim.admin()
                    .funding()
                    .attempt(org.id(), inFlight)
                    .map(a -> a.status().toString())
                    .orElse("?")
                + ") with nothing to drive it");
      }
    }
    // emails at most one per notification id
    emailsByNotification.forEach(
        (id, n) -> {
          checks++;
          if (n > 1) {
            violations.add("notification " + id + " emailed " + n + " times");
          }
        });
  }

  /** The recharge attempt a charge was for: its idempotency key names it. */
  private static String attemptOf(FakeStripe.Intent intent) {
    return intent.metadata().getOrDefault("idempotency_key", "?").replaceFirst("-try-\\d+$", "");
  }
}
