package ai.mastra.client.internal;

import java.time.Duration;

/**
 * When a failed call is repeated. Only idempotent methods (GET, DELETE) are retried, on an I/O failure or on
 * 408, 429, 500, 502, 503 and 504, with exponential backoff (honouring a short {@code Retry-After}). POST is
 * never retried: repeating {@code POST /v1/responses} would run the agent twice.
 */
public final class RetryPolicy {
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

  private final int maxRetries;
  private final Duration initialDelay;
  private final Duration maxDelay;

  /**
   * Creates the policy.
   *
   * @param maxRetries how many times a call may be repeated (0 turns retries off)
   * @param initialDelay the wait before the first retry; it doubles each time
   * @param maxDelay the longest wait between two attempts
   */
  public RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {
    this.maxRetries = maxRetries;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
  }

  /** Whether a call with this method that failed on attempt {@code attempt} (from 0) may be repeated. */
  boolean retries(String method, int attempt) {
    return attempt < maxRetries && ("GET".equals(method) || "DELETE".equals(method));
  }

  /** Whether this error status is worth another attempt. */
  boolean retriesStatus(int status) {
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  /** The wait before the next attempt. */
  Duration delay(int attempt, String retryAfter) {
    if (retryAfter != null) {
      try {
        Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
        if (!asked.isNegative() && asked.compareTo(MAX_RETRY_AFTER) <= 0) {
          return asked;
        }
      } catch (NumberFormatException e) {
        // an HTTP date or garbage: use the backoff
      }
    }
    Duration delay = initialDelay.multipliedBy(1L << Math.min(attempt, 20));
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
