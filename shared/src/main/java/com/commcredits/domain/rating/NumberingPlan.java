package com.commcredits.domain.rating;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libphonenumber's numbering metadata applied to an E.164 string without {@code
 * PhoneNumberUtil.parse}, which costs more than decoding the whole call record: parse handles
 * national formats, punctuation, extensions and national prefixes, none of which a validated {@code
 * +digits} string has. This class gives the same answers as parse followed by {@code
 * getRegionCodeForNumber} and {@code getNumberType}, by the same rules in the same order (so that a
 * number's kind never depends on which path classified it), with the metadata's patterns compiled
 * once per region instead of looked up in libphonenumber's synchronised regex cache on every call,
 * and the region search done once instead of twice. {@link #split} declines what only parse can
 * answer exactly: anything but {@code +digits}, an unknown calling code, a national number of an
 * impossible length, or one that starts with the country's national prefix (which parse would strip
 * or transform). {@code NumberingPlanTest} proves the equivalence over generated numbers of every
 * calling code.
 */
final class NumberingPlan {

  /** An E.164 number split as parse splits it: the national number keeps its leading zeros. */
  record E164Number(int callingCode, String nationalNumber) {}

  /**
   * The region {@code getRegionCodeForNumber} gives (null when no region of the calling code claims
   * the number) and the type {@code getNumberType} gives.
   */
  record Typed(String region, PhoneNumberType type) {}

  /** libphonenumber's bounds (PhoneNumberUtil's MIN/MAX_LENGTH_FOR_NSN, calling code length). */
  private static final int SHORTEST_NATIONAL_NUMBER = 2;

  private static final int LONGEST_NATIONAL_NUMBER = 17;
  private static final int LONGEST_CALLING_CODE = 3;

  /** Shorter inputs are left to parse, whose viability checks differ for them. */
  private static final int FEWEST_DIGITS = 4;

  private final PhoneNumberUtil numbers;
  private final MetadataSource metadata;
  private final boolean[] callingCodes = new boolean[1000];
  private final AtomicReferenceArray<CallingCode> plans = new AtomicReferenceArray<>(1000);

  NumberingPlan(PhoneNumberUtil numbers) {
    this.numbers = numbers;
    this.metadata =
        DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    for (int code : numbers.getSupportedCallingCodes()) {
      callingCodes[code] = true;
    }
  }

  /**
   * @return empty when the string is not a plain {@code +digits} number whose split is certain, so
   *     that only parse can tell
   */
  Optional<E164Number> split(String e164) {
    int length = e164.length();
    if (length < 1 + FEWEST_DIGITS
        || length > 1 + LONGEST_CALLING_CODE + LONGEST_NATIONAL_NUMBER
        || e164.charAt(0) != '+') {
      return Optional.empty();
    }
    for (int i = 1; i < length; i++) {
      char c = e164.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
    }
    // The first 1, 2 or 3 digits that form an assigned calling code, as parse reads them; calling
    // codes are prefix-free, so the first found is the only one.
    int code = 0;
    for (int end = 2; end <= 1 + LONGEST_CALLING_CODE; end++) {
      code = code * 10 + (e164.charAt(end - 1) - '0');
      if (code == 0) {
        return Optional.empty();
      }
      if (callingCodes[code]) {
        String national = e164.substring(end);
        if (national.length() < SHORTEST_NATIONAL_NUMBER
            || national.length() > LONGEST_NATIONAL_NUMBER
            || plan(code).mayStartWithNationalPrefix(national)) {
          return Optional.empty();
        }
        return Optional.of(new E164Number(code, national));
      }
    }
    return Optional.empty();
  }

  /** The region and type libphonenumber gives the number, found as it finds them. */
  Typed type(E164Number number) {
    CallingCode plan = plan(number.callingCode());
    String national = number.nationalNumber();
    if (plan.regions.size() == 1) {
      return new Typed(plan.regions.get(0), plan.rules(0).type(national));
    }
    // getRegionCodeForNumberFromRegionList: the first region whose leading digits start the
    // number, or (for a region without them) whose patterns know it
    for (int i = 0; i < plan.regions.size(); i++) {
      Rules rules = plan.rules(i);
      if (rules.leadingDigits != null) {
        if (rules.leadingDigits.matcher(national).lookingAt()) {
          return new Typed(plan.regions.get(i), rules.type(national));
        }
      } else {
        PhoneNumberType type = rules.type(national);
        if (type != PhoneNumberType.UNKNOWN) {
          return new Typed(plan.regions.get(i), type);
        }
      }
    }
    return new Typed(null, PhoneNumberType.UNKNOWN);
  }

  private CallingCode plan(int code) {
    CallingCode plan = plans.get(code);
    if (plan == null) {
      // Built on first use so that a cold start loads only the countries it meets
      plan = new CallingCode(code, numbers.getRegionCodesForCountryCode(code));
      if (!plans.compareAndSet(code, null, plan)) {
        plan = plans.get(code);
      }
    }
    return plan;
  }

  /** The regions sharing one calling code, in libphonenumber's order (main country first). */
  private final class CallingCode {
    final int code;
    final List<String> regions;
    final AtomicReferenceArray<Rules> rules;

    /** The main country's national prefix, which parse strips from E.164 input too; or null. */
    final Pattern nationalPrefix;

    final boolean transformsNationalPrefix;

    CallingCode(int code, List<String> regions) {
      this.code = code;
      this.regions = List.copyOf(regions);
      this.rules = new AtomicReferenceArray<>(regions.size());
      PhoneMetadata main = metadataOf(numbers.getRegionCodeForCountryCode(code));
      String prefix = main.getNationalPrefixForParsing();
      this.nationalPrefix = prefix.isEmpty() ? null : Pattern.compile(prefix);
      this.transformsNationalPrefix = !main.getNationalPrefixTransformRule().isEmpty();
    }

    /**
     * Whether parse's maybeStripNationalPrefixAndCarrierCode might change the number. Its prefix
     * pattern can match nothing at all (Argentina's is all optional): that removes nothing, unless
     * a transform rule applies, which it does when the last group captured.
     */
    boolean mayStartWithNationalPrefix(String national) {
      if (nationalPrefix == null) {
        return false;
      }
      Matcher prefix = nationalPrefix.matcher(national);
      return prefix.lookingAt()
          && (prefix.end() > 0
              || (transformsNationalPrefix && prefix.group(prefix.groupCount()) != null));
    }

    Rules rules(int i) {
      Rules r = rules.get(i);
      if (r == null) {
        r = new Rules(metadataOf(regions.get(i)));
        if (!rules.compareAndSet(i, null, r)) {
          r = rules.get(i);
        }
      }
      return r;
    }

    private PhoneMetadata metadataOf(String region) {
      return PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)
          ? metadata.getMetadataForNonGeographicalRegion(code)
          : metadata.getMetadataForRegion(region);
    }
  }

  /** One region's number patterns, compiled. */
  private static final class Rules {
    final Pattern leadingDigits;
    final Desc general;
    final Desc premiumRate;
    final Desc tollFree;
    final Desc sharedCost;
    final Desc voip;
    final Desc personal;
    final Desc pager;
    final Desc uan;
    final Desc voicemail;
    final Desc fixedLine;
    final Desc mobile;
    final boolean sameMobileAndFixedLine;

    Rules(PhoneMetadata m) {
      leadingDigits = m.hasLeadingDigits() ? Pattern.compile(m.getLeadingDigits()) : null;
      general = new Desc(m.getGeneralDesc());
      premiumRate = new Desc(m.getPremiumRate());
      tollFree = new Desc(m.getTollFree());
      sharedCost = new Desc(m.getSharedCost());
      voip = new Desc(m.getVoip());
      personal = new Desc(m.getPersonalNumber());
      pager = new Desc(m.getPager());
      uan = new Desc(m.getUan());
      voicemail = new Desc(m.getVoicemail());
      fixedLine = new Desc(m.getFixedLine());
      mobile = new Desc(m.getMobile());
      sameMobileAndFixedLine = m.getSameMobileAndFixedLinePattern();
    }

    /** PhoneNumberUtil.getNumberTypeHelper, check for check. */
    PhoneNumberType type(String national) {
      if (!general.matches(national)) {
        return PhoneNumberType.UNKNOWN;
      }
      if (premiumRate.matches(national)) {
        return PhoneNumberType.PREMIUM_RATE;
      }
      if (tollFree.matches(national)) {
        return PhoneNumberType.TOLL_FREE;
      }
      if (sharedCost.matches(national)) {
        return PhoneNumberType.SHARED_COST;
      }
      if (voip.matches(national)) {
        return PhoneNumberType.VOIP;
      }
      if (personal.matches(national)) {
        return PhoneNumberType.PERSONAL_NUMBER;
      }
      if (pager.matches(national)) {
        return PhoneNumberType.PAGER;
      }
      if (uan.matches(national)) {
        return PhoneNumberType.UAN;
      }
      if (voicemail.matches(national)) {
        return PhoneNumberType.VOICEMAIL;
      }
      if (fixedLine.matches(national)) {
        return sameMobileAndFixedLine || mobile.matches(national)
            ? PhoneNumberType.FIXED_LINE_OR_MOBILE
            : PhoneNumberType.FIXED_LINE;
      }
      if (!sameMobileAndFixedLine && mobile.matches(national)) {
        return PhoneNumberType.MOBILE;
      }
      return PhoneNumberType.UNKNOWN;
    }
  }

  /** PhoneNumberUtil.isNumberMatchingDesc: a possible length first, then the whole pattern. */
  private static final class Desc {
    final boolean anyLength;
    final long lengths;
    final Pattern pattern;

    Desc(PhoneNumberDesc desc) {
      long mask = 0;
      for (int length : desc.getPossibleLengthList()) {
        // -1 marks a type the region does not have: no length is possible
        if (length >= 0 && length < Long.SIZE) {
          mask |= 1L << length;
        }
      }
      anyLength = desc.getPossibleLengthCount() == 0;
      lengths = mask;
      String regex = desc.getNationalNumberPattern();
      pattern = regex.isEmpty() ? null : Pattern.compile(regex);
    }

    boolean matches(String national) {
      if (!anyLength && (lengths & (1L << national.length())) == 0) {
        return false;
      }
      return pattern != null && pattern.matcher(national).matches();
    }
  }
}
