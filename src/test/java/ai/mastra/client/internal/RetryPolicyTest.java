package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The waits between attempts: the server's Retry-After in its three forms, its cap, and jittered backoff. */
class RetryPolicyTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  private static RetryPolicy policy(double random) {
    return new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), () -> random, NOW);
  }

  private static Duration after(String... headers) {
    return policy(0).delayAfterAnswer(0, Headers.of(headers));
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    assertThat(after("Retry-After", "3")).isEqualTo(Duration.ofSeconds(3));
    assertThat(after("Retry-After", " 0 ")).isEqualTo(Duration.ZERO);
  }

  @Test
  void retryAfterAsAnHttpDateIsMeasuredFromNow() {
    assertThat(after("Retry-After", "Thu, 26 Nov 2026 10:00:07 GMT")).isEqualTo(Duration.ofSeconds(7));
    assertThat(after("Retry-After", "Thu, 26 Nov 2026 09:00:00 GMT")).as("a date in the past").isEqualTo(Duration.ZERO);
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    assertThat(after("retry-after-ms", "250", "Retry-After", "9")).isEqualTo(Duration.ofMillis(250));
    assertThat(after("retry-after-ms", "1.5")).isEqualTo(Duration.ofNanos(1_500_000));
  }

  @Test
  void aWaitPastTheCapMeansNoRetry() {
    assertThat(RetryPolicy.MAX_RETRY_AFTER).isEqualTo(Duration.ofSeconds(60));
    assertThat(after("Retry-After", "60")).isEqualTo(Duration.ofSeconds(60));
    assertThat(after("Retry-After", "61")).isNull();
    assertThat(after("Retry-After", "99999999999999999999")).isNull();
    assertThat(after("retry-after-ms", "60001")).isNull();
    assertThat(after("Retry-After", "Thu, 26 Nov 2026 11:00:00 GMT")).isNull();
  }

  @Test
  void anUnreadableRetryAfterFallsBackToTheBackoff() {
    assertThat(after("Retry-After", "soon")).isEqualTo(Duration.ofMillis(100));
    assertThat(after("Retry-After", "-5")).isEqualTo(Duration.ofMillis(100));
    assertThat(after("retry-after-ms", "x")).isEqualTo(Duration.ofMillis(100));
    assertThat(after()).isEqualTo(Duration.ofMillis(100));
  }

  @ParameterizedTest(name = "attempt {0}: {1} ms")
  @CsvSource({"0, 100", "1, 200", "2, 400", "3, 800", "4, 1000", "30, 1000"})
  void theBackoffDoublesUpToItsMaximum(int attempt, long millis) {
    assertThat(policy(0).backoff(attempt)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void jitterTakesOffUpToAQuarter() {
    assertThat(policy(0.5).backoff(0)).isEqualTo(Duration.ofNanos(87_500_000));
    assertThat(policy(0.999_999).backoff(3)).isBetween(Duration.ofMillis(600), Duration.ofMillis(601));
    RetryPolicy real = new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(1));
    for (int i = 0; i < 1000; i++) {
      assertThat(real.backoff(1)).isBetween(Duration.ofMillis(150), Duration.ofMillis(200));
    }
  }

  @Test
  void onlyIdempotentMethodsAndTransientStatusesAreRetried() {
    RetryPolicy policy = policy(0);
    assertThat(policy.retries("GET", 4)).isTrue();
    assertThat(policy.retries("GET", 5)).isFalse();
    assertThat(policy.retries("DELETE", 0)).isTrue();
    assertThat(policy.retries("POST", 0)).isFalse();
    assertThat(policy.retries("PUT", 0)).isFalse();
    for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
      assertThat(policy.retriesStatus(status)).as("%s", status).isTrue();
    }
    for (int status : new int[] {400, 401, 403, 404, 409, 422, 501, 505}) {
      assertThat(policy.retriesStatus(status)).as("%s", status).isFalse();
    }
  }
}
