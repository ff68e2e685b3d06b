package com.commcredits.domain.rating;

/**
 * How connected time is billed: the first increment is billed whole as soon as a call connects,
 * then each following increment that is started. {@code 60/60} bills per started minute, {@code
 * 60/1} a first minute then per second, {@code 1/1} per second.
 *
 * @param firstSeconds the first increment, in seconds (at least 1)
 * @param nextSeconds each following increment, in seconds (at least 1)
 */
public record Increments(int firstSeconds, int nextSeconds) {

  public static final Increments PER_MINUTE = new Increments(60, 60);

  public Increments {
    if (firstSeconds < 1 || nextSeconds < 1) {
      throw new IllegalArgumentException(
          "increments must be at least 1 s, got " + firstSeconds + "/" + nextSeconds);
    }
  }

  /** The seconds billed for a whole call; a call of 0 s never connected and bills nothing. */
  public long billed(long connectedSeconds) {
    if (connectedSeconds <= 0) {
      return 0;
    }
    if (connectedSeconds <= firstSeconds) {
      return firstSeconds;
    }
    return firstSeconds + roundUp(connectedSeconds - firstSeconds, nextSeconds);
  }

  /**
   * The seconds billed for the rest of a call whose start was already billed elsewhere (a minute
   * pool): only following increments, since the first one was spent.
   */
  public long billedRest(long restSeconds) {
    return restSeconds <= 0 ? 0 : roundUp(restSeconds, nextSeconds);
  }

  @Override
  public String toString() {
    return firstSeconds + "/" + nextSeconds;
  }

  private static long roundUp(long seconds, long step) {
    return (seconds + step - 1) / step * step;
  }
}
