package com.commcredits.measure;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Counts every AWS request the handlers make in the measuring JVM (registered through the SDK's
 * global interceptor list on this module's classpath), and the DynamoDB capacity units each one
 * consumed: it asks for {@code ReturnConsumedCapacity=TOTAL} and adds up what comes back, so the
 * cost table is computed from units the service reports rather than from a hand count. A request
 * that fails (a cancelled transaction, a failed condition) is counted as a request; DynamoDB
 * charges the write units of a failed conditional write too, which the emulator does not report, so
 * those are counted as one unit per item written (two in a transaction).
 */
public final class RequestCounter implements ExecutionInterceptor {

  private static final Map<String, LongAdder> REQUESTS = new ConcurrentHashMap<>();
  private static final DoubleAdder WRITE_UNITS = new DoubleAdder();
  private static final DoubleAdder READ_UNITS = new DoubleAdder();
  private static volatile boolean counting;

  /** Starts counting from zero (setup requests before this are not counted). */
  public static void reset() {
    REQUESTS.clear();
    WRITE_UNITS.reset();
    READ_UNITS.reset();
    counting = true;
  }

  public static void stop() {
    counting = false;
  }

  public static double writeUnits() {
    return WRITE_UNITS.sum();
  }

  public static double readUnits() {
    return READ_UNITS.sum();
  }

  /** Requests per "Service.Operation", e.g. {@code Sqs.SendMessage}. */
  public static Map<String, Long> requests() {
    Map<String, Long> snapshot = new TreeMap<>();
    REQUESTS.forEach((name, count) -> snapshot.put(name, count.sum()));
    return snapshot;
  }

  public static long requests(String servicePrefix) {
    return requests().entrySet().stream()
        .filter(e -> e.getKey().startsWith(servicePrefix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
    if (request instanceof TransactWriteItemsRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof PutItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof UpdateItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof DeleteItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof GetItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof QueryRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof TransactGetItemsRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof BatchWriteItemRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    if (request instanceof ScanRequest r) {
      return r.toBuilder().returnConsumedCapacity(total).build();
    }
    return request;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (!counting) {
      return;
    }
    count(attributes);
    SdkResponse response = context.response();
    if (response instanceof TransactWriteItemsResponse r) {
      // DynamoDB bills every item of a write transaction at least 2 units, a delete of a missing
      // item too; DynamoDB Local reports 0 for that, so the bill is the larger of the two.
      double reported =
          r.consumedCapacity().stream().mapToDouble(c -> orZero(c.capacityUnits())).sum();
      int items = ((TransactWriteItemsRequest) context.request()).transactItems().size();
      WRITE_UNITS.add(Math.max(reported, 2.0 * items));
    } else if (response instanceof PutItemResponse r) {
      WRITE_UNITS.add(Math.max(1, units(r.consumedCapacity())));
    } else if (response instanceof UpdateItemResponse r) {
      WRITE_UNITS.add(Math.max(1, units(r.consumedCapacity())));
    } else if (response instanceof DeleteItemResponse r) {
      WRITE_UNITS.add(Math.max(1, units(r.consumedCapacity())));
    } else if (response instanceof GetItemResponse r) {
      add(r.consumedCapacity(), true);
    } else if (response instanceof QueryResponse r) {
      add(r.consumedCapacity(), true);
    } else if (response instanceof TransactGetItemsResponse r) {
      r.consumedCapacity().forEach(c -> add(c, true));
    } else if (response instanceof BatchWriteItemResponse r) {
      r.consumedCapacity().forEach(c -> add(c, false));
    } else if (response instanceof ScanResponse r) {
      add(r.consumedCapacity(), true);
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    if (!counting) {
      return;
    }
    count(attributes);
    SdkRequest request = context.request();
    if (request instanceof TransactWriteItemsRequest r) {
      WRITE_UNITS.add(2.0 * r.transactItems().size());
    } else if (request instanceof PutItemRequest
        || request instanceof UpdateItemRequest
        || request instanceof DeleteItemRequest) {
      WRITE_UNITS.add(1.0);
    }
  }

  private static void count(ExecutionAttributes attributes) {
    String name =
        attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
            + "."
            + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    REQUESTS.computeIfAbsent(name, n -> new LongAdder()).increment();
  }

  private static void add(ConsumedCapacity capacity, boolean read) {
    if (capacity == null) {
      return;
    }
    if (capacity.writeCapacityUnits() != null || capacity.readCapacityUnits() != null) {
      WRITE_UNITS.add(orZero(capacity.writeCapacityUnits()));
      READ_UNITS.add(orZero(capacity.readCapacityUnits()));
    } else if (read) {
      READ_UNITS.add(orZero(capacity.capacityUnits()));
    } else {
      WRITE_UNITS.add(orZero(capacity.capacityUnits()));
    }
  }

  private static double units(ConsumedCapacity capacity) {
    return capacity == null ? 0 : orZero(capacity.capacityUnits());
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }
}
