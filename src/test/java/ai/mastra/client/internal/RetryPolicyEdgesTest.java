package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The retry policy at its edges: a zero wait asked in milliseconds, and the default policy's jitter. */
class RetryPolicyEdgesTest {

  @Test
  void aRetryAfterMsOfZeroMeansNowNotTheOtherHeader() {
    RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(1));
    assertThat(policy.retryAfter(Headers.of("retry-after-ms", "0", "Retry-After", "9"))).isEqualTo(Duration.ZERO);
    assertThat(policy.retryAfter(Headers.of("retry-after-ms", "-1", "Retry-After", "9")))
        .as("a negative wait is unreadable: Retry-After counts").isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void theDefaultRandomSourceSpreadsTheBackoffBelowItsBase() {
    RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(1));
    Set<Duration> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      Duration delay = policy.backoff(0);
      assertThat(delay).isLessThanOrEqualTo(Duration.ofMillis(100)).isGreaterThanOrEqualTo(Duration.ofMillis(75));
      seen.add(delay);
    }
    // 50 draws of a real random source: the chance of fewer than 2 distinct values is nil
    assertThat(seen).hasSizeGreaterThan(1);
  }
}
