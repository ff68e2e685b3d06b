package com.commcredits.local.it;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Counts what the functions ask of DynamoDB and SQS in this test JVM (registered for every SDK
 * client through the SDK's global interceptor list on the test classpath): requests by operation,
 * the capacity units DynamoDB reports consumed, transaction items by kind, and SQS messages sent
 * per queue. It can also play the service's {@code TransactionConflict}, which DynamoDB Local
 * (serializing every transaction) never shows: the next transactions touching a key fail with it.
 */
public final class SdkTraffic implements ExecutionInterceptor {

  private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
  private static final Queue<TransactWriteItemsRequest> TRANSACTIONS =
      new ConcurrentLinkedQueue<>();
  private static final Queue<Map.Entry<String, String>> MESSAGES = new ConcurrentLinkedQueue<>();
  private static final AtomicReference<String> CONFLICT_ON = new AtomicReference<>();
  private static final AtomicInteger CONFLICTS_LEFT = new AtomicInteger();

  /** Forgets what was counted. */
  static void reset() {
    COUNTS.clear();
    TRANSACTIONS.clear();
    MESSAGES.clear();
  }

  /** Requests of an operation ({@code "TransactWriteItems"}), or a named count below. */
  static long count(String what) {
    LongAdder adder = COUNTS.get(what);
    return adder == null ? 0 : adder.sum();
  }

  /**
   * Write request units the service would bill for the writes sent since the last reset, from the
   * items' sizes (DynamoDB Local does not report them for transactions): a transactional write
   * costs 2 per started KB of its item, a plain one 1. An update or delete of an item the request
   * does not carry is counted as one KB (the account item is smaller).
   */
  static long writeUnits() {
    return count("WRU");
  }

  /** SQS messages sent to queues whose URL contains {@code queueName}. */
  static long messagesTo(String queueName) {
    return count("messages:" + queueName);
  }

  /** The next {@code times} transactions with a key containing {@code keyPart} get a conflict. */
  static void conflictNextTransactions(String keyPart, int times) {
    CONFLICT_ON.set(keyPart);
    CONFLICTS_LEFT.set(times);
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof TransactWriteItemsRequest r) {
      return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }
    if (request instanceof PutItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }
    if (request instanceof UpdateItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }
    if (request instanceof GetItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }
    if (request instanceof QueryRequest r) {
      return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }
    return request;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    add(request.getClass().getSimpleName().replace("Request", ""), 1);
    if (request instanceof TransactWriteItemsRequest transaction) {
      TRANSACTIONS.add(transaction);
      transaction
          .transactItems()
          .forEach(i -> add("WRU", 2 * (i.put() != null ? kilobytes(i.put().item()) : 1)));
      countItems(transaction.transactItems());
      maybeConflict(transaction);
    }
    if (request instanceof PutItemRequest put) {
      add("WRU", kilobytes(put.item()));
    }
    if (request instanceof UpdateItemRequest) {
      add("WRU", 1);
    }
    if (request instanceof SendMessageRequest send) {
      add("messages:" + queueName(send.queueUrl()), 1);
      MESSAGES.add(Map.entry(queueName(send.queueUrl()), send.messageBody()));
    }
    if (request instanceof SendMessageBatchRequest batch) {
      add("messages:" + queueName(batch.queueUrl()), batch.entries().size());
      batch
          .entries()
          .forEach(e -> MESSAGES.add(Map.entry(queueName(batch.queueUrl()), e.messageBody())));
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    SdkResponse response = context.response();
    if (response instanceof TransactWriteItemsResponse r && r.hasConsumedCapacity()) {
      r.consumedCapacity().forEach(SdkTraffic::addCapacity);
    } else if (response instanceof PutItemResponse r) {
      addCapacity(r.consumedCapacity());
    } else if (response instanceof UpdateItemResponse r) {
      addCapacity(r.consumedCapacity());
    } else if (response instanceof GetItemResponse r) {
      addCapacity(r.consumedCapacity());
    } else if (response instanceof QueryResponse r) {
      addCapacity(r.consumedCapacity());
    }
  }

  private static void countItems(List<TransactWriteItem> items) {
    for (TransactWriteItem item : items) {
      if (item.put() != null) {
        add("transaction puts", 1);
      } else if (item.update() != null) {
        add("transaction updates", 1);
      } else if (item.delete() != null) {
        add("transaction deletes", 1);
      } else {
        add("transaction condition checks", 1);
      }
    }
  }

  private static void maybeConflict(TransactWriteItemsRequest transaction) {
    String keyPart = CONFLICT_ON.get();
    if (keyPart == null || !transaction.toString().contains(keyPart)) {
      return;
    }
    if (CONFLICTS_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
      return;
    }
    add("conflicts played", 1);
    List<CancellationReason> reasons =
        transaction.transactItems().stream()
            .map(
                item ->
                    item.update() != null
                        ? CancellationReason.builder()
                            .code("TransactionConflict")
                            .message("Transaction is ongoing for the item")
                            .build()
                        : CancellationReason.builder().code("None").build())
            .toList();
    throw TransactionCanceledException.builder()
        .message("Transaction cancelled, please refer cancellation reasons for specific reasons")
        .cancellationReasons(reasons)
        .statusCode(400)
        .build();
  }

  private static void addCapacity(ConsumedCapacity capacity) {
    if (capacity == null) {
      return;
    }
    if (capacity.writeCapacityUnits() != null) {
      add("WCU×10", Math.round(capacity.writeCapacityUnits() * 10));
    }
    if (capacity.readCapacityUnits() != null) {
      add("RCU×10", Math.round(capacity.readCapacityUnits() * 10));
    }
  }

  /** Started kilobytes of an item, sized as DynamoDB sizes it (names plus values). */
  private static long kilobytes(Map<String, AttributeValue> item) {
    long bytes = 0;
    for (var attribute : item.entrySet()) {
      bytes += attribute.getKey().length() + size(attribute.getValue());
    }
    return Math.max(1, (bytes + 1023) / 1024);
  }

  private static long size(AttributeValue value) {
    if (value.s() != null) {
      return value.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
    if (value.n() != null) {
      return value.n().length() / 2 + 1;
    }
    if (value.bool() != null) {
      return 1;
    }
    if (value.hasL()) {
      return 3 + value.l().stream().mapToLong(v -> 1 + size(v)).sum();
    }
    if (value.hasM()) {
      return 3
          + value.m().entrySet().stream()
              .mapToLong(e -> 1 + e.getKey().length() + size(e.getValue()))
              .sum();
    }
    return 1;
  }

  private static String queueName(String queueUrl) {
    return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
  }

  private static void add(String what, long n) {
    COUNTS.computeIfAbsent(what, k -> new LongAdder()).add(n);
  }

  /** The transactions sent since the last reset that name {@code keyPart} in a key or value. */
  static List<TransactWriteItemsRequest> transactionsMentioning(String keyPart) {
    return TRANSACTIONS.stream().filter(t -> t.toString().contains(keyPart)).toList();
  }

  /**
   * Bodies of the messages sent to {@code queueName} since the last reset that name {@code text}.
   */
  static List<String> messagesTo(String queueName, String text) {
    return MESSAGES.stream()
        .filter(m -> m.getKey().equals(queueName) && m.getValue().contains(text))
        .map(Map.Entry::getValue)
        .toList();
  }
}
