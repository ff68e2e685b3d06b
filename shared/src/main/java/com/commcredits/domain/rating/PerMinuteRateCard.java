package com.commcredits.domain.rating;

import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.calls.CallRecord;
import com.commcredits.domain.calls.CallType;
import com.commcredits.domain.money.Money;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A simple rate card: a price per started minute by call type and destination country, with a
 * fallback price per call type ({@code *} as the country). Every started minute is billed.
 *
 * <p>Source format, one rate per line, {@code #} starts a comment:
 *
 * <pre>call_type,country,price_per_minute
 * conf_out,US,0.022
 * conf_out,*,0.25</pre>
 */
public final class PerMinuteRateCard implements CallRater {

  private final String cardId;
  private final Currency currency;
  private final Map<String, Money> pricePerMinute;

  private PerMinuteRateCard(String cardId, Currency currency, Map<String, Money> pricePerMinute) {
    this.cardId = cardId;
    this.currency = currency;
    this.pricePerMinute = Map.copyOf(pricePerMinute);
  }

  /**
   * @throws IllegalArgumentException naming every malformed line by its number
   */
  public static PerMinuteRateCard parse(String cardId, Currency currency, Reader source) {
    Map<String, Money> prices = new HashMap<>();
    List<String> problems = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(source)) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        String content = line.strip();
        if (content.isEmpty() || content.startsWith("#") || content.startsWith("call_type,")) {
          continue;
        }
        String[] fields = content.split(",", -1);
        if (fields.length != 3) {
          problems.add("line " + number + ": expected call_type,country,price_per_minute");
          continue;
        }
        try {
          CallType type = CallType.fromCode(fields[0].strip());
          String country = fields[1].strip().toUpperCase(Locale.ROOT);
          Money price = Money.of(new BigDecimal(fields[2].strip()), currency);
          if (price.isNegative()) {
            throw new IllegalArgumentException("price must not be negative");
          }
          if (prices.put(key(type, country), price) != null) {
            problems.add("line " + number + ": duplicate rate for " + type.code() + "," + country);
          }
        } catch (IllegalArgumentException e) {
          problems.add("line " + number + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "rate card " + cardId + " is invalid:\n" + String.join("\n", problems));
    }
    return new PerMinuteRateCard(cardId, currency, prices);
  }

  @Override
  public RatingOutcome rate(CallRecord call, OrgAccount account) {
    if (!account.currency().equals(currency)) {
      return new RatingOutcome.Unratable(
          "rate card "
              + cardId
              + " prices in "
              + currency
              + ", org bills in "
              + account.currency());
    }
    String destination = regionOf(call.destinationNumber());
    if (destination == null) {
      return new RatingOutcome.Unratable(
          "destination number belongs to no known country or network");
    }
    String matchedCountry = destination;
    Money price = pricePerMinute.get(key(call.callType(), destination));
    if (price == null) {
      matchedCountry = "*";
      price = pricePerMinute.get(key(call.callType(), "*"));
    }
    if (price == null) {
      return new RatingOutcome.Unratable(
          "no rate for " + call.callType().code() + " to " + destination);
    }
    long minutes = (call.durationSeconds() + 59) / 60;
    return new RatingOutcome.Rated(
        new CallCharge(
            call,
            price.times(minutes),
            minutes * 60,
            price,
            Money.zero(currency),
            cardId + "/" + call.callType().code() + "/" + matchedCountry,
            destination,
            !destination.equals(call.userLocation()),
            CallCharge.CREDITS));
  }

  private static String regionOf(String e164) {
    PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
    try {
      PhoneNumber number = numbers.parse(e164, null);
      String region = numbers.getRegionCodeForNumber(number);
      return region == null || "ZZ".equals(region) || "001".equals(region) ? null : region;
    } catch (NumberParseException e) {
      return null;
    }
  }

  private static String key(CallType type, String country) {
    return type.code() + "/" + country;
  }
}
