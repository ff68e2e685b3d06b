package com.commcredits.adminapi;

import com.commcredits.domain.money.Money;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A request body read strictly: one JSON object of known fields with the right types. What cannot
 * be read is a 400 (malformed); what reads but breaks a rule is a 422 — both name the field.
 */
final class JsonBody {

  /** Bodies larger than this are refused unread; the largest legitimate one is a few KiB. */
  static final int MAX_BYTES = 16 * 1024;

  /** No single amount an admin types is larger; beyond it is a typo or an attack. */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,18}(\\.[0-9]{1,18})?");

  private final ObjectNode json;

  private JsonBody(ObjectNode json) {
    this.json = json;
  }

  static JsonBody read(ObjectMapper mapper, String body, Set<String> fields) {
    if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw ApiProblem.badRequest("the body is larger than " + MAX_BYTES + " bytes");
    }
    if (body.isBlank()) {
      throw ApiProblem.badRequest("the body is empty; send a JSON object");
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiProblem.badRequest(
          "the body is not JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
    if (!(node instanceof ObjectNode object)) {
      throw ApiProblem.badRequest("the body must be a JSON object");
    }
    Set<String> unknown = new TreeSet<>();
    object
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!fields.contains(name)) {
                unknown.add(name);
              }
            });
    if (!unknown.isEmpty()) {
      String first = unknown.iterator().next();
      throw ApiProblem.badField(
          ApiProblem.shown(first),
          "unknown field"
              + (unknown.size() > 1 ? "s " : " ")
              + quoted(unknown)
              + "; known: "
              + fields);
    }
    return new JsonBody(object);
  }

  boolean has(String field) {
    return json.hasNonNull(field);
  }

  String text(String field) {
    return optionalText(field).orElseThrow(() -> missing(field));
  }

  Optional<String> optionalText(String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw wrongType(field, "a string");
    }
    return Optional.of(value.asText());
  }

  boolean bool(String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw missing(field);
    }
    if (!value.isBoolean()) {
      throw wrongType(field, "true or false");
    }
    return value.booleanValue();
  }

  int integer(String field, int min, int max) {
    return optionalInteger(field, min, max).orElseThrow(() -> missing(field));
  }

  Optional<Integer> optionalInteger(String field, int min, int max) {
    return integerAt(json.get(field), field, min, max);
  }

  static Optional<Integer> integerAt(JsonNode value, String field, int min, int max) {
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber()) {
      throw wrongType(field, "a whole number");
    }
    if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
      throw ApiProblem.invalid(
          field, field + " must be between " + min + " and " + max + ", got " + value.asText());
    }
    return Optional.of(value.intValue());
  }

  List<String> texts(String field, int minItems, int maxItems) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw missing(field);
    }
    if (!value.isArray()) {
      throw wrongType(field, "an array of strings");
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw wrongType(field, "an array of strings");
      }
      texts.add(item.asText());
    }
    if (texts.size() < minItems || texts.size() > maxItems) {
      throw ApiProblem.invalid(
          field,
          field + " must hold " + minItems + " to " + maxItems + " items, got " + texts.size());
    }
    return texts;
  }

  JsonNode node(String field) {
    JsonNode value = json.get(field);
    return value == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value;
  }

  /**
   * An amount in the org's currency: {@code {"currency":"USD","amount":"12.50"}}, the amount an
   * exact decimal string with at most the currency's minor-unit digits, within {@link #MAX_AMOUNT}.
   *
   * @param allowZero whether zero is allowed (a trigger may be zero; a payment may not)
   */
  Money money(String field, Currency orgCurrency, boolean allowZero) {
    return optionalMoney(field, orgCurrency, allowZero).orElseThrow(() -> missing(field));
  }

  Optional<Money> optionalMoney(String field, Currency orgCurrency, boolean allowZero) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    return Optional.of(moneyAt(value, field, orgCurrency, allowZero));
  }

  static Money moneyAt(JsonNode value, String field, Currency orgCurrency, boolean allowZero) {
    String example = "{\"currency\":\"" + orgCurrency + "\",\"amount\":\"50.00\"}";
    if (!value.isObject()) {
      throw wrongType(field, "an object such as " + example);
    }
    Iterator<String> names = value.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.equals("currency") && !name.equals("amount")) {
        throw ApiProblem.badField(
            field + "." + ApiProblem.shown(name),
            field
                + " has an unknown field '"
                + ApiProblem.shown(name)
                + "'; known: currency, amount");
      }
    }
    JsonNode currency = value.get("currency");
    JsonNode amount = value.get("amount");
    if (currency == null || !currency.isTextual()) {
      throw wrongType(field + ".currency", "an ISO 4217 code such as \"" + orgCurrency + "\"");
    }
    if (amount == null || !amount.isTextual()) {
      throw wrongType(
          field + ".amount",
          "a decimal string such as \"50.00\" (not a JSON number, to stay exact)");
    }
    if (!currency.asText().equals(orgCurrency.getCurrencyCode())) {
      throw ApiProblem.invalid(
          field + ".currency",
          field
              + " is in "
              + ApiProblem.shown(currency.asText())
              + ", but the org's currency is "
              + orgCurrency);
    }
    String text = amount.asText();
    if (!DECIMAL.matcher(text).matches()) {
      throw ApiProblem.badField(
          field + ".amount",
          field
              + ".amount must be a decimal such as \"50.00\", got '"
              + ApiProblem.shown(text)
              + "'");
    }
    BigDecimal decimal = new BigDecimal(text);
    int digits = orgCurrency.getDefaultFractionDigits();
    if (decimal.stripTrailingZeros().scale() > digits) {
      throw ApiProblem.invalid(
          field + ".amount", field + ".amount has more than " + digits + " decimals: " + text);
    }
    if (decimal.signum() < 0 || (!allowZero && decimal.signum() == 0)) {
      throw ApiProblem.invalid(
          field + ".amount",
          field
              + ".amount must be "
              + (allowZero ? "zero or more" : "more than zero")
              + ", got "
              + text);
    }
    if (decimal.compareTo(MAX_AMOUNT) > 0) {
      throw ApiProblem.invalid(
          field + ".amount",
          field + ".amount must be at most " + MAX_AMOUNT.toPlainString() + ", got " + text);
    }
    return Money.of(decimal, orgCurrency);
  }

  private static ApiProblem missing(String field) {
    return ApiProblem.invalid(field, field + " is required");
  }

  static ApiProblem wrongType(String field, String expected) {
    return ApiProblem.badField(field, field + " must be " + expected);
  }

  private static String quoted(Set<String> names) {
    return String.join(", ", names.stream().map(n -> "'" + ApiProblem.shown(n) + "'").toList());
  }
}
