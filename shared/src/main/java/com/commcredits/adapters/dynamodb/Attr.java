package com.commcredits.adapters.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short constructors and readers for attribute values, so item mappings read as tables. */
final class Attr {

  private Attr() {}

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static AttributeValue bool(boolean value) {
    return AttributeValue.fromBool(value);
  }

  static AttributeValue strings(List<String> values) {
    return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
  }

  static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static long number(Map<String, AttributeValue> item, String name, long fallback) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? fallback : Long.parseLong(value.n());
  }

  static boolean flag(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value != null && Boolean.TRUE.equals(value.bool());
  }

  static List<String> stringList(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || !value.hasL()
        ? List.of()
        : value.l().stream().map(AttributeValue::s).toList();
  }
}
