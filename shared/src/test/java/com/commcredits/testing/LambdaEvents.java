package com.commcredits.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Events as Lambda delivers them: read from {@code events/}, or SQS events made from bodies. */
public final class LambdaEvents {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES).build();

  private LambdaEvents() {}

  /** Reads {@code events/<name>} from the repository root, whichever module the test runs in. */
  public static SQSEvent fromFile(String name) {
    return fromFile(name, SQSEvent.class);
  }

  /** Any event of {@code events/}, as the Lambda runtime would deserialize it. */
  public static <T> T fromFile(String name, Class<T> type) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no events/ directory above the working directory");
    }
    try {
      return MAPPER.readValue(dir.resolve("events").resolve(name).toFile(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One message per body, with message ids {@code m1}, {@code m2}, … */
  public static SQSEvent withBodies(String... bodies) {
    SQSEvent event = new SQSEvent();
    List<SQSEvent.SQSMessage> messages = new java.util.ArrayList<>();
    for (int i = 0; i < bodies.length; i++) {
      SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
      message.setMessageId("m" + (i + 1));
      message.setBody(bodies[i]);
      message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
      message.setEventSource("aws:sqs");
      messages.add(message);
    }
    event.setRecords(messages);
    return event;
  }
}
