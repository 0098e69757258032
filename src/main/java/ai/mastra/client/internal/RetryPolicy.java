package ai.mastra.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.Headers;

/**
 * When a failed call is repeated. Only idempotent methods (GET, DELETE) are retried, on an I/O failure or on
 * 408, 429, 500, 502, 503 and 504. POST is never retried: repeating {@code POST /v1/responses} would run the
 * agent twice.
 *
 * <p>The wait is the server's when it says one ({@code retry-after-ms}, else {@code Retry-After} in seconds
 * or as an HTTP date), up to {@link #MAX_RETRY_AFTER}; a server that asks for a longer wait gets no retry
 * (the call fails at once with the error it answered, rather than retrying early). Otherwise it is an
 * exponential backoff (initial delay doubling up to the maximum) with up to 25% of jitter taken off, so that
 * many clients failing together do not retry together.
 */
public final class RetryPolicy {
  /** The longest server-requested wait that is honoured. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private static final double JITTER = 0.25;

  private final int maxRetries;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final DoubleSupplier random;
  private final Clock clock;

  /**
   * Creates the policy.
   *
   * @param maxRetries how many times a call may be repeated (0 turns retries off)
   * @param initialDelay the wait before the first retry; it doubles each time
   * @param maxDelay the longest backoff between two attempts
   */
  public RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {
    this(maxRetries, initialDelay, maxDelay, () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
  }

  /**
   * Creates the policy with its sources of chance and time (for tests).
   *
   * @param maxRetries how many times a call may be repeated (0 turns retries off)
   * @param initialDelay the wait before the first retry; it doubles each time
   * @param maxDelay the longest backoff between two attempts
   * @param random values in [0, 1) for the jitter
   * @param clock the clock an HTTP-date {@code Retry-After} is measured against
   */
  public RetryPolicy(
      int maxRetries, Duration initialDelay, Duration maxDelay, DoubleSupplier random, Clock clock) {
    this.maxRetries = maxRetries;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.random = random;
    this.clock = clock;
  }

  /** Whether a call with this method that failed on attempt {@code attempt} (from 0) may be repeated. */
  public boolean retries(String method, int attempt) {
    return attempt < maxRetries && ("GET".equals(method) || "DELETE".equals(method));
  }

  /** Whether this error status is worth another attempt. */
  public boolean retriesStatus(int status) {
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  /**
   * The wait before the next attempt after an error answer: the server's wait if it gave one, else the
   * backoff.
   *
   * @param attempt the attempt that failed, from 0
   * @param headers the answer's headers
   * @return the wait, or null when the server asked for more than {@link #MAX_RETRY_AFTER} (do not retry)
   */
  public Duration delayAfterAnswer(int attempt, Headers headers) {
    Duration asked = retryAfter(headers);
    if (asked == null) {
      return backoff(attempt);
    }
    return asked.compareTo(MAX_RETRY_AFTER) > 0 ? null : asked;
  }

  /** The backoff before attempt {@code attempt + 1}: doubling from the initial delay, capped, with jitter. */
  public Duration backoff(int attempt) {
    Duration delay = initialDelay.multipliedBy(1L << Math.min(attempt, 20));
    if (delay.compareTo(maxDelay) > 0) {
      delay = maxDelay;
    }
    double factor = 1 - JITTER * random.getAsDouble();
    return Duration.ofNanos((long) (delay.toNanos() * factor));
  }

  /** The wait the server asked for, or null when it asked for none (or said something unreadable). */
  Duration retryAfter(Headers headers) {
    String millis = headers.get("retry-after-ms");
    if (millis != null) {
      try {
        double value = Double.parseDouble(millis.trim());
        if (value >= 0 && !Double.isInfinite(value)) {
          return Duration.ofNanos((long) Math.min(value * 1_000_000, Long.MAX_VALUE));
        }
      } catch (NumberFormatException e) {
        // unreadable: try Retry-After
      }
    }
    String value = headers.get("Retry-After");
    if (value == null) {
      return null;
    }
    value = value.trim();
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return value.length() > 12 ? Duration.ofSeconds(999_999_999_999L) : Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration until = Duration.between(clock.instant(), at.toInstant());
      return until.isNegative() ? Duration.ZERO : until;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
