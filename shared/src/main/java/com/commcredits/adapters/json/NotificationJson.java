package com.commcredits.adapters.json;

import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.Notification;
import com.commcredits.domain.notification.NotificationKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The notification message on the notifications queue, one JSON object per notification:
 *
 * <pre>{@code
 * {"notificationId":"recharge-succeeded-acme-000042","orgId":"acme","kind":"RECHARGE_SUCCEEDED",
 *  "at":"2026-11-23T09:30:00Z","amount":{"currency":"USD","amount":"100.00"},
 *  "newBalance":{"currency":"USD","amount":"118.25"},"card":"Visa •••• 4242"}
 * }</pre>
 *
 * Amounts are exact decimal strings with their currency, never JSON numbers. The other kinds carry
 * {@code failure}, {@code code}, {@code autoRechargePaused}, {@code nextRetryAt} (RECHARGE_FAILED);
 * {@code balance}, {@code suspendedServices} (BALANCE_REACHED_ZERO); {@code balance}, {@code
 * trigger} (LOW_BALANCE); {@code card}, {@code expires} as {@code 2027-03} (CARD_EXPIRING); {@code
 * purchaseId}, {@code amount}, {@code balance} (PURCHASE_COMPLETED); {@code purchaseId}, {@code
 * amount}, {@code failure}, {@code code} (PURCHASE_DECLINED).
 */
public final class NotificationJson {

  private final ObjectMapper mapper;

  public NotificationJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String write(Notification notification) {
    ObjectNode json = mapper.createObjectNode();
    json.put("notificationId", notification.notificationId());
    json.put("orgId", notification.orgId());
    json.put("kind", NotificationKind.of(notification).name());
    json.put("at", notification.at().toString());
    if (notification instanceof Notification.RechargeSucceeded n) {
      json.set("amount", money(n.amount()));
      json.set("newBalance", money(n.newBalance()));
      json.put("card", n.card());
    } else if (notification instanceof Notification.RechargeFailed n) {
      json.set("amount", money(n.amount()));
      json.put("failure", n.failure().name());
      json.put("code", n.code());
      json.put("autoRechargePaused", n.autoRechargePaused());
      if (n.nextRetryAt() != null) {
        json.put("nextRetryAt", n.nextRetryAt().toString());
      }
    } else if (notification instanceof Notification.BalanceReachedZero n) {
      json.set("balance", money(n.balance()));
      ArrayNode services = json.putArray("suspendedServices");
      n.suspendedServices().forEach(service -> services.add(service.name()));
    } else if (notification instanceof Notification.LowBalance n) {
      json.set("balance", money(n.balance()));
      json.set("trigger", money(n.trigger()));
    } else if (notification instanceof Notification.CardExpiring n) {
      json.put("card", n.card());
      json.put("expires", n.expires().toString());
    } else if (notification instanceof Notification.PurchaseCompleted n) {
      json.put("purchaseId", n.purchaseId());
      json.set("amount", money(n.amount()));
      json.set("balance", money(n.balance()));
    } else if (notification instanceof Notification.PurchaseDeclined n) {
      json.put("purchaseId", n.purchaseId());
      json.set("amount", money(n.amount()));
      json.put("failure", n.failure().name());
      json.put("code", n.code());
    }
    return json.toString();
  }

  /**
   * @throws IllegalArgumentException saying what is wrong, if the body is not a notification
   */
  public Notification read(String body) {
    JsonNode json = JsonBodies.object(mapper, body, "one notification");
    String kindName = text(json, "kind");
    NotificationKind kind;
    try {
      kind = NotificationKind.valueOf(kindName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("kind " + kindName + " is not a notification kind");
    }
    String id = text(json, "notificationId");
    String orgId = text(json, "orgId");
    Instant at = instant(json, "at");
    try {
      return switch (kind) {
        case RECHARGE_SUCCEEDED ->
            new Notification.RechargeSucceeded(
                id,
                orgId,
                at,
                money(json, "amount"),
                money(json, "newBalance"),
                text(json, "card"));
        case RECHARGE_FAILED ->
            new Notification.RechargeFailed(
                id,
                orgId,
                at,
                money(json, "amount"),
                constant(Notification.RechargeFailure.class, json, "failure"),
                optionalText(json, "code"),
                flag(json, "autoRechargePaused"),
                json.hasNonNull("nextRetryAt") ? instant(json, "nextRetryAt") : null);
        case BALANCE_REACHED_ZERO ->
            new Notification.BalanceReachedZero(
                id, orgId, at, money(json, "balance"), services(json));
        case LOW_BALANCE ->
            new Notification.LowBalance(
                id, orgId, at, money(json, "balance"), money(json, "trigger"));
        case CARD_EXPIRING ->
            new Notification.CardExpiring(
                id, orgId, at, text(json, "card"), yearMonth(json, "expires"));
        case PURCHASE_COMPLETED ->
            new Notification.PurchaseCompleted(
                id,
                orgId,
                at,
                text(json, "purchaseId"),
                money(json, "amount"),
                money(json, "balance"));
        case PURCHASE_DECLINED ->
            new Notification.PurchaseDeclined(
                id,
                orgId,
                at,
                text(json, "purchaseId"),
                money(json, "amount"),
                constant(Notification.PurchaseFailure.class, json, "failure"),
                optionalText(json, "code"));
      };
    } catch (NullPointerException missing) {
      throw new IllegalArgumentException(missing.getMessage() + " is missing", missing);
    }
  }

  /** The org a body names, if it can be read at all; for recording an unreadable message. */
  public Optional<String> orgIdOf(String body) {
    return JsonBodies.peek(mapper, body, "orgId");
  }

  /** The notification id a body names, if it can be read at all. */
  public Optional<String> notificationIdOf(String body) {
    return JsonBodies.peek(mapper, body, "notificationId");
  }

  private ObjectNode money(Money money) {
    ObjectNode json = mapper.createObjectNode();
    json.put("currency", money.currency().getCurrencyCode());
    json.put("amount", money.toPlainString());
    return json;
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(field + " must be a non-empty string");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }

  private static boolean flag(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isBoolean()) {
      throw new IllegalArgumentException(field + " must be true or false");
    }
    return value.asBoolean();
  }

  private static Instant instant(JsonNode json, String field) {
    try {
      return Instant.parse(text(json, field));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " must be an ISO-8601 UTC instant such as 2026-11-23T09:30:00Z");
    }
  }

  private static YearMonth yearMonth(JsonNode json, String field) {
    try {
      return YearMonth.parse(text(json, field));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " must be a month such as 2027-03");
    }
  }

  private static Money money(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isObject()) {
      throw new IllegalArgumentException(
          field + " must be an object such as {\"currency\":\"USD\",\"amount\":\"12.50\"}");
    }
    String currency = text(value, "currency");
    JsonNode amount = value.get("amount");
    if (amount == null || !amount.isTextual()) {
      throw new IllegalArgumentException(
          field + ".amount must be a decimal string such as \"12.50\", not a JSON number");
    }
    try {
      return Money.of(amount.asText(), currency.toUpperCase(Locale.ROOT));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + ".amount " + amount.asText() + " is not a number");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }

  private static <E extends Enum<E>> E constant(Class<E> type, JsonNode json, String field) {
    String name = text(json, field);
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " " + name + " is not one of " + names(type));
    }
  }

  private static List<Notification.SuspendedService> services(JsonNode json) {
    JsonNode array = json.get("suspendedServices");
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException("suspendedServices must be an array");
    }
    List<Notification.SuspendedService> services = new ArrayList<>();
    for (JsonNode item : array) {
      String name = item.asText();
      try {
        services.add(Notification.SuspendedService.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "suspendedServices: "
                + name
                + " is not one of "
                + names(Notification.SuspendedService.class));
      }
    }
    return services;
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return java.util.Arrays.toString(type.getEnumConstants());
  }
}
