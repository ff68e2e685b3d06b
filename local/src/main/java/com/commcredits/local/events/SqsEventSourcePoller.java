package com.commcredits.local.events;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Does for one function what Lambda's SQS event source mapping does: long-polls the queue, gathers
 * up to BatchSize messages within the batching window, invokes the handler with an SQSEvent shaped
 * exactly as Lambda's, deletes what succeeded and lets the failures come back.
 *
 * <p>Deviations, for fast local runs: one batch at a time (Lambda scales up to several concurrent
 * batches); and a failed message becomes visible again after {@code retryDelay} instead of after
 * the queue's visibility timeout (180 s in the template). The receive count still grows with every
 * delivery, so the queue's RedrivePolicy moves a message to its dead-letter queue after
 * maxReceiveCount failures, as in AWS.
 */
public final class SqsEventSourcePoller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourcePoller.class);
  private static final int MAX_MESSAGES_PER_RECEIVE = 10;
  private static final int LONG_POLL_SECONDS = 1;

  private final EventSourceBinding binding;
  private final Supplier<RequestHandler<SQSEvent, SQSBatchResponse>> handlers;
  private final SqsClient sqs;
  private final int retryDelaySeconds;
  private final AtomicInteger invocationsInProgress;
  private final PrintStream console;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile RequestHandler<SQSEvent, SQSBatchResponse> handler;
  private ExecutorService executionEnvironment;

  /**
   * @param handlers makes the handler of a fresh execution environment: once at the first message,
   *     and again after an invocation timed out
   * @param invocationsInProgress counts this poller's running invocations, for quiescence checks
   */
  public SqsEventSourcePoller(
      EventSourceBinding binding,
      Supplier<RequestHandler<SQSEvent, SQSBatchResponse>> handlers,
      SqsClient sqs,
      Duration retryDelay,
      AtomicInteger invocationsInProgress,
      PrintStream console) {
    this.binding = binding;
    this.handlers = handlers;
    this.sqs = sqs;
    this.retryDelaySeconds = (int) ((retryDelay.toMillis() + 999) / 1000);
    this.invocationsInProgress = invocationsInProgress;
    this.console = console;
    this.executionEnvironment = newExecutionEnvironment();
    this.thread =
        new Thread(this::pollUntilClosed, "sqs-" + binding.function().logicalId() + "-" + name());
    thread.setDaemon(true);
  }

  public SqsEventSourcePoller start() {
    thread.start();
    return this;
  }

  public EventSourceBinding binding() {
    return binding;
  }

  private String name() {
    return binding.source().name();
  }

  private void pollUntilClosed() {
    while (running) {
      try {
        List<Message> batch = gather();
        if (batch.isEmpty()) {
          continue;
        }
        if (!running) {
          changeVisibility(batch, 0);
          return;
        }
        invoke(batch);
      } catch (SdkException e) {
        if (running) {
          LOG.warn(
              "{}: polling {} failed: {}",
              binding.functionName(),
              binding.queueUrl(),
              e.toString());
          pause(Duration.ofSeconds(1));
        }
      }
    }
  }

  private List<Message> gather() {
    int batchSize = binding.source().batchSize();
    List<Message> batch = new ArrayList<>(receive(batchSize, LONG_POLL_SECONDS));
    if (batch.isEmpty()) {
      return batch;
    }
    Instant windowEnds = Instant.now().plusSeconds(binding.source().maximumBatchingWindowSeconds());
    while (running && batch.size() < batchSize && Instant.now().isBefore(windowEnds)) {
      List<Message> more = receive(batchSize - batch.size(), 0);
      if (more.isEmpty()) {
        pause(Duration.ofMillis(100));
      }
      batch.addAll(more);
    }
    return batch;
  }

  private List<Message> receive(int wanted, int waitSeconds) {
    ReceiveMessageResponse response =
        sqs.receiveMessage(
            r ->
                r.queueUrl(binding.queueUrl())
                    .maxNumberOfMessages(Math.min(wanted, MAX_MESSAGES_PER_RECEIVE))
                    .waitTimeSeconds(waitSeconds)
                    .messageSystemAttributeNamesWithStrings("All")
                    .messageAttributeNames("All"));
    return response.messages();
  }

  private void invoke(List<Message> batch) {
    invocationsInProgress.incrementAndGet();
    try {
      SQSEvent event = event(batch);
      LocalContext context =
          new LocalContext(
              binding.functionName(),
              binding.functionArn(),
              binding.function().memorySizeMb(),
              Duration.ofSeconds(binding.function().timeoutSeconds()),
              new ConsoleLambdaLogger(binding.functionName(), console));
      Future<SQSBatchResponse> invocation =
          executionEnvironment.submit(() -> handler().handleRequest(event, context));
      SQSBatchResponse response;
      try {
        response = invocation.get(binding.function().timeoutSeconds(), TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        LOG.warn(
            "{}: the handler threw, so all {} messages fail: {}",
            binding.functionName(),
            batch.size(),
            String.valueOf(e.getCause()));
        changeVisibility(batch, retryDelaySeconds);
        return;
      } catch (TimeoutException e) {
        LOG.warn(
            "{}: timed out after {} s, so all {} messages fail",
            binding.functionName(),
            binding.function().timeoutSeconds(),
            batch.size());
        // As Lambda does, the timed-out environment is dropped; the next batch gets a new one.
        executionEnvironment.shutdownNow();
        executionEnvironment = newExecutionEnvironment();
        handler = null;
        changeVisibility(batch, retryDelaySeconds);
        return;
      }
      settle(batch, response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      invocationsInProgress.decrementAndGet();
    }
  }

  private RequestHandler<SQSEvent, SQSBatchResponse> handler() {
    if (handler == null) {
      handler = handlers.get();
    }
    return handler;
  }

  private void settle(List<Message> batch, SQSBatchResponse response) {
    List<String> reported =
        response == null || response.getBatchItemFailures() == null
            ? List.of()
            : response.getBatchItemFailures().stream()
                .map(failure -> failure == null ? null : failure.getItemIdentifier())
                .toList();
    if (!reported.isEmpty() && !binding.source().reportBatchItemFailures()) {
      LOG.warn(
          "{}: the handler returned batchItemFailures, but event source {} does not declare"
              + " FunctionResponseTypes: [ReportBatchItemFailures]; as in Lambda the whole batch"
              + " counts as processed and is deleted",
          binding.functionName(),
          name());
      reported = List.of();
    }
    Set<String> inBatch = batch.stream().map(Message::messageId).collect(Collectors.toSet());
    if (!reported.stream().allMatch(id -> id != null && inBatch.contains(id))) {
      LOG.warn(
          "{}: batchItemFailures {} name a message not in the batch; as in Lambda the whole batch"
              + " fails",
          binding.functionName(),
          reported);
      changeVisibility(batch, retryDelaySeconds);
      return;
    }
    Set<String> failed = Set.copyOf(reported);
    delete(batch.stream().filter(m -> !failed.contains(m.messageId())).toList());
    changeVisibility(
        batch.stream().filter(m -> failed.contains(m.messageId())).toList(), retryDelaySeconds);
  }

  private void delete(List<Message> messages) {
    for (List<Message> chunk : chunks(messages)) {
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(
            DeleteMessageBatchRequestEntry.builder()
                .id("m" + i)
                .receiptHandle(chunk.get(i).receiptHandle())
                .build());
      }
      var result = sqs.deleteMessageBatch(r -> r.queueUrl(binding.queueUrl()).entries(entries));
      if (result.hasFailed() && !result.failed().isEmpty()) {
        LOG.warn("{}: could not delete {}", binding.functionName(), result.failed());
      }
    }
  }

  private void changeVisibility(List<Message> messages, int seconds) {
    for (List<Message> chunk : chunks(messages)) {
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(
            ChangeMessageVisibilityBatchRequestEntry.builder()
                .id("m" + i)
                .receiptHandle(chunk.get(i).receiptHandle())
                .visibilityTimeout(seconds)
                .build());
      }
      sqs.changeMessageVisibilityBatch(r -> r.queueUrl(binding.queueUrl()).entries(entries));
    }
  }

  private static List<List<Message>> chunks(List<Message> messages) {
    List<List<Message>> chunks = new ArrayList<>();
    for (int from = 0; from < messages.size(); from += MAX_MESSAGES_PER_RECEIVE) {
      chunks.add(
          messages.subList(from, Math.min(messages.size(), from + MAX_MESSAGES_PER_RECEIVE)));
    }
    return chunks;
  }

  /** The event exactly as Lambda builds it from received messages. */
  SQSEvent event(List<Message> batch) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message message : batch) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(message.messageId());
      record.setReceiptHandle(message.receiptHandle());
      record.setBody(message.body());
      record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
      record.setMessageAttributes(messageAttributes(message.messageAttributes()));
      record.setMd5OfBody(message.md5OfBody());
      record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
      record.setEventSource("aws:sqs");
      record.setEventSourceArn(binding.queueArn());
      record.setAwsRegion(binding.region());
      records.add(record);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private static Map<String, SQSEvent.MessageAttribute> messageAttributes(
      Map<String, MessageAttributeValue> attributes) {
    Map<String, SQSEvent.MessageAttribute> converted = new LinkedHashMap<>();
    attributes.forEach(
        (name, value) -> {
          SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
          attribute.setDataType(value.dataType());
          attribute.setStringValue(value.stringValue());
          if (value.binaryValue() != null) {
            attribute.setBinaryValue(value.binaryValue().asByteBuffer());
          }
          attribute.setStringListValues(new ArrayList<>(value.stringListValues()));
          List<ByteBuffer> binaries = new ArrayList<>();
          value.binaryListValues().stream()
              .filter(Objects::nonNull)
              .forEach(b -> binaries.add(b.asByteBuffer()));
          attribute.setBinaryListValues(binaries);
          converted.put(name, attribute);
        });
    return converted;
  }

  private ExecutorService newExecutionEnvironment() {
    return Executors.newSingleThreadExecutor(
        task -> {
          Thread t = new Thread(task, binding.functionName());
          t.setDaemon(true);
          return t;
        });
  }

  private void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Stops polling after the batch in hand (if any) is settled. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(
          Duration.ofSeconds(LONG_POLL_SECONDS + binding.function().timeoutSeconds() + 5L)
              .toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executionEnvironment.shutdownNow();
  }
}
