package com.commcredits.domain.rating;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells where a number leads with libphonenumber's numbering metadata: its country, whether it is
 * valid, and its kind (fixed, mobile, toll-free, premium-rate). A plain E.164 number is classified
 * by {@link NumberingPlan} straight from its calling code and national number, because parsing it
 * would cost more than decoding the call record; anything else goes through libphonenumber's parse,
 * with the same answers. Results are memoised per number (bounded), because a tenant's numbers
 * repeat: its own dial-in numbers on every dial-in, its usual destinations on dial-out.
 */
public final class Destinations {

  /** Above this many remembered numbers the memo starts afresh; a few MB at most. */
  static final int MEMO_LIMIT = 50_000;

  /** No emergency number in libphonenumber's short-number metadata is longer. */
  private static final int LONGEST_EMERGENCY_NUMBER = 6;

  private static final String NON_GEOGRAPHIC = "001";

  private final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
  private final NumberingPlan plan = new NumberingPlan(numbers);
  private final ShortNumberInfo shortNumbers = ShortNumberInfo.getInstance();
  private final ConcurrentHashMap<String, Optional<Destination>> memo = new ConcurrentHashMap<>();

  /**
   * Classifies an E.164 number.
   *
   * @return empty if libphonenumber does not know the number as valid (unknown range, wrong length)
   */
  public Optional<Destination> classify(String e164) {
    Optional<Destination> known = memo.get(e164);
    if (known != null) {
      return known;
    }
    Optional<Destination> classified =
        plan.split(e164).map(this::classifyPlain).orElseGet(() -> classifyByParsing(e164));
    if (memo.size() >= MEMO_LIMIT) {
      memo.clear();
    }
    memo.put(e164, classified);
    return classified;
  }

  /**
   * Whether the number is an emergency number where the user is ({@code +911} from the US) or in
   * its own country ({@code +49112}).
   */
  public boolean isEmergency(String e164, String userLocation) {
    String digits = e164.startsWith("+") ? e164.substring(1) : e164;
    if (digits.length() <= LONGEST_EMERGENCY_NUMBER
        && shortNumbers.isEmergencyNumber(digits, userLocation)) {
      return true;
    }
    if (digits.length() > LONGEST_EMERGENCY_NUMBER + 3) {
      return false;
    }
    NumberingPlan.E164Number split = plan.split(e164).orElse(null);
    if (split == null) {
      try {
        PhoneNumber number = numbers.parse(e164, null);
        split =
            new NumberingPlan.E164Number(
                number.getCountryCode(), numbers.getNationalSignificantNumber(number));
      } catch (NumberParseException notANumber) {
        return false;
      }
    }
    String national = split.nationalNumber();
    String region = numbers.getRegionCodeForCountryCode(split.callingCode());
    return national.length() <= LONGEST_EMERGENCY_NUMBER
        && shortNumbers.isEmergencyNumber(national, region);
  }

  private Optional<Destination> classifyPlain(NumberingPlan.E164Number number) {
    NumberingPlan.Typed typed = plan.type(number);
    return destination(
        typed.type(), typed.region(), number.callingCode() + number.nationalNumber());
  }

  /** libphonenumber's full path, for what {@link NumberingPlan#split} leaves to parse. */
  Optional<Destination> classifyByParsing(String e164) {
    PhoneNumber number;
    try {
      number = numbers.parse(e164, null);
    } catch (NumberParseException notANumber) {
      return Optional.empty();
    }
    return destination(
        numbers.getNumberType(number),
        numbers.getRegionCodeForNumber(number),
        number.getCountryCode() + numbers.getNationalSignificantNumber(number));
  }

  private static Optional<Destination> destination(
      PhoneNumberType type, String region, String digits) {
    DestinationKind kind =
        switch (type) {
          case FIXED_LINE -> DestinationKind.FIXED;
          case MOBILE -> DestinationKind.MOBILE;
          case FIXED_LINE_OR_MOBILE -> DestinationKind.FIXED_OR_MOBILE;
          case TOLL_FREE -> DestinationKind.TOLL_FREE;
          case PREMIUM_RATE -> DestinationKind.PREMIUM_RATE;
          case UNKNOWN -> null;
          default -> DestinationKind.OTHER;
        };
    if (kind == null) {
      return Optional.empty();
    }
    if (region == null || "ZZ".equals(region)) {
      region = NON_GEOGRAPHIC;
    }
    return Optional.of(new Destination(digits, region, kind));
  }
}
