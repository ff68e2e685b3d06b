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

/** SQS events as Lambda delivers them: read from {@code events/} or made from bodies. */
public final class SqsEvents {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES).build();

  private SqsEvents() {}

  /** Reads {@code events/<name>} from the repository root, whichever module the test runs in. */
  public static SQSEvent fromFile(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no events/ directory above the working directory");
    }
    try {
      return MAPPER.readValue(dir.resolve("events").resolve(name).toFile(), SQSEvent.class);
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
