package com.commcredits.adapters.ratecards;

import com.commcredits.adapters.aws.LambdaEnvironment;
import com.commcredits.domain.rating.InvalidRateCard;
import com.commcredits.domain.rating.RateCard;
import com.commcredits.domain.rating.RateCardCsv;
import com.commcredits.domain.rating.RateCards;
import com.commcredits.domain.rating.ZoneA;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the rate cards and the Zone A list: the sample ones packaged in the jar, or an operator's
 * from a directory (in Lambda, a layer mounted under {@code /opt}). A directory holds one {@code
 * *.csv} card per currency and {@value #ZONE_A}. Loading reads a few hundred lines and builds a
 * digit trie: milliseconds, within the cold start, with no network call.
 */
public final class RateCardFiles {

  public static final String ZONE_A = "zone-a.csv";
  static final String RESOURCE_DIR = "/rate-cards/";
  static final List<String> PACKAGED_CARDS = List.of("sample-usd.csv", "sample-eur.csv");

  private RateCardFiles() {}

  /**
   * The operator's cards from {@code RATE_CARDS_DIR} (a Lambda layer) where the environment names
   * one, else the packaged samples.
   */
  public static RateCards forEnvironment(LambdaEnvironment environment) {
    return environment
        .optional("RATE_CARDS_DIR")
        .map(dir -> fromDirectory(Path.of(dir)))
        .orElseGet(RateCardFiles::packaged);
  }

  /** The sample cards packaged in the jar. */
  public static RateCards packaged() {
    List<RateCard> cards = new ArrayList<>();
    for (String name : PACKAGED_CARDS) {
      cards.add(fromResource(name, reader -> RateCardCsv.parse(name, reader)));
    }
    return new RateCards(cards, fromResource(ZONE_A, reader -> ZoneA.parse(ZONE_A, reader)));
  }

  /**
   * The cards of a directory: every {@code *.csv} but {@value #ZONE_A} is a card.
   *
   * @throws InvalidRateCard listing the problems of every file, by file and line
   */
  public static RateCards fromDirectory(Path directory) {
    Path zoneFile = directory.resolve(ZONE_A);
    if (!Files.isRegularFile(zoneFile)) {
      throw new InvalidRateCard(
          directory.toString(), List.of("it has no " + ZONE_A + " (the Zone A country list)"));
    }
    List<RateCard> cards = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    ZoneA zoneA = null;
    try {
      zoneA = read(zoneFile, reader -> ZoneA.parse(ZONE_A, reader));
    } catch (InvalidRateCard invalid) {
      problems.add(invalid.getMessage());
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().endsWith(".csv"))
              .filter(p -> !p.getFileName().toString().equals(ZONE_A))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      try {
        cards.add(read(file, reader -> RateCardCsv.parse(file.getFileName().toString(), reader)));
      } catch (InvalidRateCard invalid) {
        problems.add(invalid.getMessage());
      }
    }
    if (files.isEmpty()) {
      problems.add("it holds no rate card (*.csv besides " + ZONE_A + ")");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRateCard(directory.toString(), problems);
    }
    return new RateCards(cards, zoneA);
  }

  private interface Parser<T> {
    T parse(Reader reader);
  }

  private static <T> T fromResource(String name, Parser<T> parser) {
    try (InputStream in = RateCardFiles.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("rate card resource " + name + " is not packaged");
      }
      return parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(Path file, Parser<T> parser) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parser.parse(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
