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
}
