package ai.mastra.client.internal;

import java.time.Duration;
import java.util.Locale;

/** Durations as OkHttp takes them and as messages show them. */
public final class Durations {
  private Durations() {}

  /**
   * Returns the duration in whole milliseconds for OkHttp, rounded up: OkHttp reads 0 as "no timeout", so a
   * sub-millisecond timeout must not become 0.
   */
  public static long millisAtLeastOne(Duration duration) {
    long millis = duration.toMillis();
    return duration.minusMillis(millis).isZero() ? Math.max(1, millis) : millis + 1;
  }

  /** Describes a duration for a message: {@code 1 s}, {@code 1.5 s}, {@code 250 ms}, {@code 0.000001 ms}. */
  public static String describe(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos >= 1_000_000_000L) {
      return trim(nanos / 1e9) + " s";
    }
    return trim(nanos / 1e6) + " ms";
  }

  private static String trim(double value) {
    String text = String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
