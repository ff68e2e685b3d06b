package com.commcredits.domain.rating;

import com.commcredits.domain.money.Money;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rate card from its CSV form (see {@code docs/rate-card.md}). Every line is checked and
 * every problem reported with its line number, so an operator fixes a card in one pass.
 *
 * <pre>
 * # card: sample-usd
 * # version: 2026.1
 * # currency: USD
 * rate_class,prefix,number_kind,destination,effective_from,price_per_minute,connection_fee,first_increment,next_increment,rounding,action
 * conf_out,44,mobile,United Kingdom mobile,2026-01-01,0.12,0,60,60,up:4,charge
 * </pre>
 */
public final class RateCardCsv {

  static final List<String> COLUMNS =
      List.of(
          "rate_class",
          "prefix",
          "number_kind",
          "destination",
          "effective_from",
          "price_per_minute",
          "connection_fee",
          "first_increment",
          "next_increment",
          "rounding",
          "action");

  private static final Set<String> DIRECTIVES = Set.of("card", "version", "currency");

  private RateCardCsv() {}

  /**
   * @param source names the card in error messages, e.g. its file name
   * @throws InvalidRateCard listing every problem by line number
   */
  public static RateCard parse(String source, Reader reader) {
    Map<String, String> directives = new HashMap<>();
    List<String> problems = new ArrayList<>();
    List<String[]> rows = new ArrayList<>();
    List<Integer> rowLines = new ArrayList<>();
    boolean header = false;
    try (BufferedReader lines = new BufferedReader(reader)) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        String content = line.strip();
        if (number == 1 && content.startsWith("\uFEFF")) {
          content = content.substring(1);
        }
        if (content.isEmpty()) {
          continue;
        }
        if (content.startsWith("#")) {
          directive(content, number, directives, problems);
          continue;
        }
        if (!header) {
          List<String> names = List.of(content.toLowerCase(Locale.ROOT).split("\\s*,\\s*", -1));
          if (!names.equals(COLUMNS)) {
            problems.add("line " + number + ": the header must be " + String.join(",", COLUMNS));
          }
          header = true;
          continue;
        }
        String[] fields = content.split(",", -1);
        if (fields.length != COLUMNS.size()) {
          problems.add(
              "line "
                  + number
                  + ": expected "
                  + COLUMNS.size()
                  + " fields, got "
                  + fields.length
                  + " (fields may not contain commas)");
          continue;
        }
        rows.add(fields);
        rowLines.add(number);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String name : DIRECTIVES) {
      if (!directives.containsKey(name)) {
        problems.add("the card needs a '# " + name + ": ...' line before its header");
      }
    }
    if (!header) {
      problems.add("the card has no header line");
    }
    Currency currency = null;
    if (directives.containsKey("currency")) {
      try {
        currency = Currency.getInstance(directives.get("currency").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add("currency '" + directives.get("currency") + "' is not an ISO 4217 code");
      }
    }
    if (currency == null) {
      throw new InvalidRateCard(source, problems);
    }
    List<Rate> rates = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      try {
        rates.add(rate(rows.get(i), rowLines.get(i), currency));
      } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
        problems.add("line " + rowLines.get(i) + ": " + e.getMessage());
      }
    }
    if (rates.isEmpty() && problems.isEmpty()) {
      problems.add("the card has no rates");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRateCard(source, problems);
    }
    try {
      return new RateCard(directives.get("card"), directives.get("version"), currency, rates);
    } catch (IllegalArgumentException duplicate) {
      throw new InvalidRateCard(source, List.of(duplicate.getMessage()));
    }
  }

  private static void directive(
      String content, int number, Map<String, String> directives, List<String> problems) {
    String text = content.substring(1).strip();
    int colon = text.indexOf(':');
    if (colon <= 0) {
      return;
    }
    String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    if (!DIRECTIVES.contains(name)) {
      return;
    }
    String value = text.substring(colon + 1).strip();
    if (!value.matches("[A-Za-z0-9._-]{1,64}")) {
      problems.add(
          "line "
              + number
              + ": "
              + name
              + " must be 1-64 letters, digits or . _ -, got '"
              + value
              + "'");
    } else if (directives.put(name, value) != null) {
      problems.add("line " + number + ": " + name + " is given twice");
    }
  }

  private static Rate rate(String[] f, int line, Currency currency) {
    RateClass rateClass = RateClass.fromCode(f[0].strip().toLowerCase(Locale.ROOT));
    String prefix = prefix(f[1].strip());
    NumberKind kind = NumberKind.fromCode(f[2].strip().toLowerCase(Locale.ROOT));
    Money price = money("price_per_minute", f[5], currency);
    Money fee = money("connection_fee", f[6], currency);
    Increments increments =
        new Increments(seconds("first_increment", f[7]), seconds("next_increment", f[8]));
    Rate.Action action =
        switch (f[10].strip().toLowerCase(Locale.ROOT)) {
          case "charge" -> Rate.Action.CHARGE;
          case "reject" -> Rate.Action.REJECT;
          default ->
              throw new IllegalArgumentException(
                  "action must be charge or reject, got '" + f[10].strip() + "'");
        };
    return new Rate(
        rateClass,
        prefix,
        kind,
        f[3].strip(),
        instant(f[4].strip()),
        price,
        fee,
        increments,
        Rounding.parse(f[9].strip()),
        action,
        line);
  }

  private static String prefix(String text) {
    if (text.equals("*")) {
      return "";
    }
    String digits = text.startsWith("+") ? text.substring(1) : text;
    if (!digits.matches("[1-9][0-9]{0,14}")) {
      throw new IllegalArgumentException(
          "prefix must be * or E.164 digits such as 44 or +447, got '" + text + "'");
    }
    Set<Integer> callingCodes = PhoneNumberUtil.getInstance().getSupportedCallingCodes();
    for (int length = 1; length <= Math.min(3, digits.length()); length++) {
      if (callingCodes.contains(Integer.parseInt(digits.substring(0, length)))) {
        return digits;
      }
    }
    throw new IllegalArgumentException(
        "prefix '" + text + "' does not start with a country calling code");
  }

  private static Money money(String column, String text, Currency currency) {
    Money amount;
    try {
      amount = Money.of(new BigDecimal(text.strip()), currency);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          column + " must be a decimal amount such as 0.025, got '" + text.strip() + "'");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(column + ": " + e.getMessage());
    }
    if (amount.isNegative()) {
      throw new IllegalArgumentException(column + " must not be negative, got " + text.strip());
    }
    return amount;
  }

  private static int seconds(String column, String text) {
    try {
      int seconds = Integer.parseInt(text.strip());
      if (seconds < 1 || seconds > 3600) {
        throw new IllegalArgumentException(
            column + " must be 1 to 3600 seconds, got " + text.strip());
      }
      return seconds;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          column + " must be whole seconds, got '" + text.strip() + "'");
    }
  }

  private static Instant instant(String text) {
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "effective_from must be a date (2026-01-01, UTC midnight) or an instant"
              + " (2026-01-01T00:00:00Z), got '"
              + text
              + "'");
    }
  }
}
