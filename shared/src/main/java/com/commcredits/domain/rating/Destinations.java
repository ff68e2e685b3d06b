package com.commcredits.domain.rating;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells where a number leads with libphonenumber's numbering metadata: its country, whether it is
 * valid, and its kind (fixed, mobile, toll-free, premium-rate). Results are memoised per number
 * (bounded), because parsing dominates the cost of rating and a tenant's numbers repeat: its own
 * dial-in numbers on every dial-in, its usual destinations on dial-out.
 */
public final class Destinations {

  /** Above this many remembered numbers the memo starts afresh; a few MB at most. */
  static final int MEMO_LIMIT = 50_000;

  /** No emergency number in libphonenumber's short-number metadata is longer. */
  private static final int LONGEST_EMERGENCY_NUMBER = 6;

  private static final String NON_GEOGRAPHIC = "001";

  private final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
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
    Optional<Destination> classified = parse(e164);
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
    try {
      PhoneNumber number = numbers.parse(e164, null);
      String national = numbers.getNationalSignificantNumber(number);
      String region = numbers.getRegionCodeForCountryCode(number.getCountryCode());
      return national.length() <= LONGEST_EMERGENCY_NUMBER
          && shortNumbers.isEmergencyNumber(national, region);
    } catch (NumberParseException notANumber) {
      return false;
    }
  }

  private Optional<Destination> parse(String e164) {
    PhoneNumber number;
    try {
      number = numbers.parse(e164, null);
    } catch (NumberParseException notANumber) {
      return Optional.empty();
    }
    DestinationKind kind =
        switch (numbers.getNumberType(number)) {
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
    String region = numbers.getRegionCodeForNumber(number);
    if (region == null || "ZZ".equals(region)) {
      region = NON_GEOGRAPHIC;
    }
    String digits = number.getCountryCode() + numbers.getNationalSignificantNumber(number);
    return Optional.of(new Destination(digits, region, kind));
  }
}
