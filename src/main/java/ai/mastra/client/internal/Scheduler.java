package ai.mastra.client.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread of the SDK: async retry waits and whole-call deadlines. A daemon thread, so it never
 * keeps a JVM alive, which ends after a minute without work. Cancelled tasks are removed at once, so a
 * finished call with a long timeout leaves nothing behind (unlike {@code CompletableFuture.delayedExecutor}).
 */
public final class Scheduler {
  private static final ScheduledThreadPoolExecutor EXECUTOR = create();

  private Scheduler() {}

  private static ScheduledThreadPoolExecutor create() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "mastra-client-timer");
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setKeepAliveTime(60, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /**
   * Runs {@code task} after {@code delay}.
   *
   * @param task what to run; it must not block
   * @param delay the wait
   * @return the handle to cancel it
   */
  public static ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    return EXECUTOR.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
  }

  /** Describes a duration for a message: {@code 1 s}, {@code 1.5 s}, {@code 250 ms}, {@code 0.001 ms}. */
  public static String describe(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos >= 1_000_000_000L) {
      return trim(nanos / 1e9) + " s";
    }
    return trim(nanos / 1e6) + " ms";
  }

  private static String trim(double value) {
    String text = String.format(java.util.Locale.ROOT, "%.6f", value);
    text = text.replaceAll("0+$", "");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
