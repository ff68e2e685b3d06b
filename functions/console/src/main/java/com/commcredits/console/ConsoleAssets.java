package com.commcredits.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's static files, packaged in this jar under {@code /console/}. Only names of the
 * documented shape are looked up, so a request can never climb out of that folder.
 */
final class ConsoleAssets {

  /** A file and the media type it is served as. */
  record Asset(byte[] content, String contentType) {}

  private static final Pattern NAME = Pattern.compile("([a-z0-9-]+/)*[a-z0-9-]+\\.[a-z0-9]+");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "json", "application/json");

  private final String root;
  private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

  ConsoleAssets(String root) {
    this.root = root;
  }

  static ConsoleAssets packaged() {
    return new ConsoleAssets("/console/");
  }

  /** The file at {@code name} (relative to the console, e.g. {@code js/app.js}), if any. */
  Optional<Asset> find(String name) {
    if (!NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    if (type == null) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(name, n -> load(n, type));
  }

  private Optional<Asset> load(String name, String type) {
    try (InputStream in = ConsoleAssets.class.getResourceAsStream(root + name)) {
      return in == null ? Optional.empty() : Optional.of(new Asset(in.readAllBytes(), type));
    } catch (IOException e) {
      throw new UncheckedIOException("reading console asset " + name, e);
    }
  }
}
