package com.commcredits.domain.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path must classify exactly like libphonenumber's full path (parse, then
 * getRegionCodeForNumber and getNumberType): same calling code and national number, same region,
 * same type, for every number it accepts; what it declines goes through parse. Checked over numbers
 * generated for every calling code in the metadata: each region's example number of every type, its
 * prefixes completed with random digits to lengths around it, random numbers of every length, and
 * the same with the country's national prefix in front.
 */
class NumberingPlanTest {

  private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

  private final NumberingPlan plan = new NumberingPlan(NUMBERS);
  private final Destinations destinations = new Destinations();

  static IntStream callingCodes() {
    return NUMBERS.getSupportedCallingCodes().stream().mapToInt(Integer::intValue).sorted();
  }

  @ParameterizedTest(name = "+{0}")
  @MethodSource("callingCodes")
  void fastPath_classifiesLikeParse_forGeneratedNumbersOfEveryRegionOfTheCallingCode(int code) {
    List<String> generated = generate(code, new Random(code));
    int fast = 0;
    Map<PhoneNumberType, Integer> types = new EnumMap<>(PhoneNumberType.class);

    for (String e164 : generated) {
      Optional<NumberingPlan.E164Number> split = plan.split(e164);
      PhoneNumber parsed = parse(e164);
      if (split.isPresent()) {
        fast++;
        assertThat(parsed).as("%s is split but parse rejects it", e164).isNotNull();
        assertThat(split.get())
            .as("split of %s", e164)
            .isEqualTo(
                new NumberingPlan.E164Number(
                    parsed.getCountryCode(), NUMBERS.getNationalSignificantNumber(parsed)));
        NumberingPlan.Typed typed = plan.type(split.get());
        assertThat(typed)
            .as("region and type of %s", e164)
            .isEqualTo(
                new NumberingPlan.Typed(
                    NUMBERS.getRegionCodeForNumber(parsed), NUMBERS.getNumberType(parsed)));
        types.merge(typed.type(), 1, Integer::sum);
      }
      assertThat(destinations.classify(e164))
          .as("destination of %s", e164)
          .isEqualTo(destinations.classifyByParsing(e164));
    }

    assertThat(fast)
        .as("numbers of +%d the fast path takes, of %d", code, generated.size())
        .isGreaterThan(generated.size() / 2);
    types.remove(PhoneNumberType.UNKNOWN);
    assertThat(types).as("valid numbers of +%d on the fast path", code).isNotEmpty();
  }

  @Test
  void everyKindOfNumber_isOnTheFastPath_somewhere() {
    Set<PhoneNumberType> seen = java.util.EnumSet.noneOf(PhoneNumberType.class);
    callingCodes()
        .forEach(
            code -> {
              for (String e164 : examples(code)) {
                plan.split(e164).ifPresent(n -> seen.add(plan.type(n).type()));
              }
            });

    assertThat(seen)
        .contains(
            PhoneNumberType.FIXED_LINE,
            PhoneNumberType.MOBILE,
            PhoneNumberType.FIXED_LINE_OR_MOBILE,
            PhoneNumberType.TOLL_FREE,
            PhoneNumberType.PREMIUM_RATE,
            PhoneNumberType.SHARED_COST,
            PhoneNumberType.VOIP,
            PhoneNumberType.PERSONAL_NUMBER,
            PhoneNumberType.UAN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+12125550123", // US
        "+14165550123", // Canada: same calling code, no leading digits of its own
        "+18765551234", // Jamaica: leading digits
        "+447400123456", // GB mobile
        "+447781123456", // Guernsey mobile within +44
        "+447624123456", // Isle of Man
        "+74951234567", // Russia
        "+77012345678", // Kazakhstan within +7
        "+390612345678", // Italy: the national number keeps its leading zero
        "+390669812345", // Vatican within +39
        "+262692123456", // Mayotte within +262
        "+80012345678", // global toll-free (non-geographic)
        "+882399123456", // international networks
        "+5491123456789", // Argentine mobile
      })
  void sharedCallingCodesAndLeadingZeros_takeTheFastPath_withParsesAnswer(String e164) {
    PhoneNumber parsed = parse(e164);

    NumberingPlan.Typed typed = plan.type(plan.split(e164).orElseThrow());

    assertThat(typed.region()).isEqualTo(NUMBERS.getRegionCodeForNumber(parsed));
    assertThat(typed.type()).isEqualTo(NUMBERS.getNumberType(parsed));
    assertThat(destinations.classify(e164)).isEqualTo(destinations.classifyByParsing(e164));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+4402079460123", // national prefix after the calling code: parse strips it
        "+5401123456789", // Argentina's prefix, which parse transforms
        "+1 212 555 0123", // punctuation
        "+12125550123;ext=5", // extension
        "12125550123", // no plus
        "+0123456789", // no calling code starts with 0
        "+99912345678", // unassigned calling code
        "+491", // too short
        "+49123456789012345678", // national number longer than any
      })
  void whatOnlyParseCanAnswer_isDeclined_andClassifiedByParse(String e164) {
    assertThat(plan.split(e164)).isEmpty();
    assertThat(destinations.classify(e164)).isEqualTo(destinations.classifyByParsing(e164));
  }

  private static PhoneNumber parse(String e164) {
    try {
      return NUMBERS.parse(e164, null);
    } catch (NumberParseException notANumber) {
      return null;
    }
  }

  /** Each region's example numbers of every type, as E.164. */
  private static List<String> examples(int code) {
    List<String> examples = new ArrayList<>();
    for (String national : exampleNationalNumbers(code)) {
      examples.add("+" + code + national);
    }
    return examples;
  }

  private static Set<String> exampleNationalNumbers(int code) {
    var source = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    Set<String> nationals = new LinkedHashSet<>();
    for (String region : NUMBERS.getRegionCodesForCountryCode(code)) {
      PhoneMetadata m =
          PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)
              ? source.getMetadataForNonGeographicalRegion(code)
              : source.getMetadataForRegion(region);
      for (PhoneNumberDesc desc :
          List.of(
              m.getFixedLine(),
              m.getMobile(),
              m.getTollFree(),
              m.getPremiumRate(),
              m.getSharedCost(),
              m.getPersonalNumber(),
              m.getVoip(),
              m.getPager(),
              m.getUan(),
              m.getVoicemail())) {
        if (desc.hasExampleNumber()) {
          nationals.add(desc.getExampleNumber());
        }
      }
    }
    return nationals;
  }

  /**
   * Around each example: every prefix of it completed with random digits to one digit shorter, the
   * same length and one digit longer; random numbers of every length a national number can have;
   * and all of that again behind the national prefix, which parse would strip.
   */
  private static List<String> generate(int code, Random random) {
    List<String> nationals = new ArrayList<>();
    for (String example : exampleNationalNumbers(code)) {
      nationals.add(example);
      for (int kept = 0; kept <= example.length(); kept++) {
        for (int length = example.length() - 1; length <= example.length() + 1; length++) {
          for (int n = 0; n < 2; n++) {
            nationals.add(completed(example.substring(0, Math.min(kept, length)), length, random));
          }
        }
      }
    }
    for (int length = 1; length <= 18; length++) {
      for (int n = 0; n < 20; n++) {
        nationals.add(completed("", length, random));
      }
    }
    String prefix = NUMBERS.getNddPrefixForRegion(NUMBERS.getRegionCodeForCountryCode(code), true);
    List<String> generated = new ArrayList<>();
    for (String national : nationals) {
      generated.add("+" + code + national);
      if (prefix != null && !prefix.isEmpty() && random.nextInt(4) == 0) {
        generated.add("+" + code + prefix + national);
      }
    }
    return generated;
  }

  private static String completed(String start, int length, Random random) {
    StringBuilder digits = new StringBuilder(start);
    while (digits.length() < length) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }
}
