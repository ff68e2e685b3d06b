package com.commcredits.local.emulator;

import com.commcredits.local.SentEmail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm package aws-ses-v2-local (pinned in the repository's package.json), run with the system
 * {@code node}. It keeps every accepted email in memory and shows it at {@code GET /store}.
 */
public final class SesEmulator implements AutoCloseable {

  static final String CLI = "node_modules/aws-ses-v2-local/dist/cli.js";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Thread killOnExit;
  private final URI endpoint;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private SesEmulator(Process process, int port) {
    this.process = process;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
    this.killOnExit = new Thread(process::destroyForcibly, "ses-emulator-kill");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Starts the emulator found in {@code node_modules} of {@code from} or one of its parents. */
  public static SesEmulator start(int requestedPort, Path from) {
    Path root = repositoryRoot(from);
    int port = Ports.orFree(requestedPort);
    Path log;
    Process process;
    try {
      log = Files.createTempFile("ses-emulator-", ".log");
      log.toFile().deleteOnExit();
      ProcessBuilder builder =
          new ProcessBuilder("node", CLI, "--host", "127.0.0.1", "--port", String.valueOf(port))
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // The emulator would relay every mail to a real SMTP server named there.
      builder.environment().remove("SMTP_TRANSPORT");
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run node (is Node.js installed?)", e);
    }
    SesEmulator emulator = new SesEmulator(process, port);
    try {
      emulator.awaitHealthy(log);
      return emulator;
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  private static Path repositoryRoot(Path from) {
    for (Path dir = from.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(CLI))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "the SES emulator is not installed: no "
            + CLI
            + " in "
            + from.toAbsolutePath()
            + " or above. Build with Maven (it runs npm ci) or run `npm ci` in the repository"
            + " root.");
  }

  private void awaitHealthy(Path log) {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the SES emulator exited with " + process.exitValue() + ":\n" + read(log));
      }
      try {
        if (get("/health-check").statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException notYetListening) {
        // retried until the deadline
      }
      pause();
    }
    throw new IllegalStateException(
        "the SES emulator did not answer within " + STARTUP_TIMEOUT + ":\n" + read(log));
  }

  public URI endpoint() {
    return endpoint;
  }

  public List<SentEmail> sentEmails() {
    HttpResponse<String> response = get("/store");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET /store answered " + response.statusCode());
    }
    try {
      List<SentEmail> emails = new ArrayList<>();
      for (JsonNode email : JSON.readTree(response.body()).path("emails")) {
        List<String> to = new ArrayList<>();
        email.path("destination").path("to").forEach(address -> to.add(address.asText()));
        emails.add(
            new SentEmail(
                email.path("from").asText(),
                to,
                email.path("subject").asText(),
                email.path("body").path("text").asText(""),
                email.path("body").path("html").asText(""),
                Instant.ofEpochSecond(email.path("at").asLong())));
      }
      return emails;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable answer from GET /store", e);
    }
  }

  public void clear() {
    send(HttpRequest.newBuilder(endpoint.resolve("/clear-store")).POST(noBody()));
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(endpoint.resolve(path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("the SES emulator at " + endpoint + " does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the SES emulator", e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs anyway and finds the process gone
    }
  }
}
