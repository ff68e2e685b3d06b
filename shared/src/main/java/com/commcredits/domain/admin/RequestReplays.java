package com.commcredits.domain.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The answers of state-changing admin requests, kept under the caller's idempotency key so that a
 * repeated request gets the first answer instead of acting twice.
 *
 * <p>A key is claimed before the request acts; the answer is stored when it is known. A claim whose
 * request died (crash, timeout) lapses after {@link #LEASE}, so the key can be used again. Stored
 * answers are forgotten after {@link #RETENTION}.
 */
public interface RequestReplays {

  /** How long an answer is replayed for its key. */
  Duration RETENTION = Duration.ofHours(24);

  /** How long a claim stops another request with the same key while the first one runs. */
  Duration LEASE = Duration.ofSeconds(60);

  /** An answer as it was given: status, content type and body. */
  record Answer(int status, String contentType, String body) {
    public Answer {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(body, "body");
    }
  }

  /** What a claim found. */
  sealed interface Claim {
    /** The key is new (or its earlier claim lapsed): act, then {@link #complete}. */
    record Claimed() implements Claim {}

    /** The same request was answered before: give this answer again. */
    record Replay(Answer answer) implements Claim {}

    /** The key was used for a different request. */
    record Conflict() implements Claim {}

    /** The same request is being answered right now. */
    record InProgress() implements Claim {}
  }

  /**
   * Claims {@code key} within {@code scope} (whose keys these are) for a request with {@code
   * fingerprint} (a digest of what was asked).
   */
  Claim claim(String scope, String key, String fingerprint, Instant now);

  /** Stores the answer of a claimed request, for replays until {@code now + RETENTION}. */
  void complete(String scope, String key, String fingerprint, Answer answer, Instant now);

  /** Gives up a claim without an answer to keep (a fault, an outcome not yet known). */
  void release(String scope, String key);
}
