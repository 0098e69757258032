package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog on a fresh instance per test (the SDK's shared one runs for the whole JVM, so a test of it could
 * not see how it starts). Every wait is a latch bounded at 5 s.
 */
class InterruptWatchdogTest {
  private final InterruptWatchdog watchdog = new InterruptWatchdog("test-interrupt-watchdog");

  private volatile boolean released;

  @AfterEach
  void stop() {
    released = true;
    watchdog.stop();
  }

  /** A thread that registers {@code cancel}, optionally closes its watch, interrupts itself and ends. */
  private Thread interruptedWhileWatched(Runnable cancel, boolean closeFirst) throws InterruptedException {
    Thread thread = new Thread(() -> {
      InterruptWatchdog.Watch watch = watchdog.register(cancel);
      if (closeFirst) {
        watch.close();
      }
      Thread.currentThread().interrupt();
      // alive and interrupted until the test ends: a thread that has ended is never "interrupted"
      stayInterrupted();
    });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Test
  void startsItsDaemonThreadOnTheFirstWatchOnly() {
    assertThat(watchdog.thread()).isNull();
    InterruptWatchdog.Watch watch = watchdog.register(() -> {});
    Thread thread = watchdog.thread();
    assertThat(thread).isNotNull();
    assertThat(thread.isDaemon()).isTrue();
    assertThat(thread.getName()).isEqualTo("test-interrupt-watchdog");
    assertThat(thread.isAlive()).isTrue();
    watchdog.register(() -> {}).close();
    assertThat(watchdog.thread()).isSameAs(thread);
    watch.close();
  }

  @Test
  void cancelsTheCallOfAnInterruptedThreadOnceOnTheWatchdogThreadAndKeepsTheFlag() throws Exception {
    AtomicInteger cancels = new AtomicInteger();
    AtomicReference<Thread> cancelledOn = new AtomicReference<>();
    CountDownLatch cancelled = new CountDownLatch(1);
    Thread caller = interruptedWhileWatched(() -> {
      cancels.incrementAndGet();
      cancelledOn.set(Thread.currentThread());
      cancelled.countDown();
    }, false);
    assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(cancelledOn.get()).isSameAs(watchdog.thread());
    assertThat(caller.isInterrupted()).isTrue();

    // two more rounds of the watchdog: the interrupted caller is not cancelled again
    for (int round = 0; round < 2; round++) {
      CountDownLatch next = new CountDownLatch(1);
      interruptedWhileWatched(next::countDown, false);
      assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(cancels).hasValue(1);
  }

  @Test
  void aClosedWatchIsNotCancelled() throws Exception {
    AtomicInteger cancels = new AtomicInteger();
    Thread closed = interruptedWhileWatched(cancels::incrementAndGet, true);
    // the watchdog sees a later interrupted thread twice over: a round after the closed one was interrupted
    for (int round = 0; round < 2; round++) {
      CountDownLatch next = new CountDownLatch(1);
      interruptedWhileWatched(next::countDown, false);
      assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(cancels).hasValue(0);
    assertThat(closed.isInterrupted()).isTrue();
  }

  @Test
  void aFailingCancelDoesNotStopTheWatchdog() throws Exception {
    CountDownLatch failed = new CountDownLatch(1);
    interruptedWhileWatched(() -> {
      failed.countDown();
      throw new IllegalStateException("planted");
    }, false);
    assertThat(failed.await(5, TimeUnit.SECONDS)).isTrue();
    CountDownLatch next = new CountDownLatch(1);
    interruptedWhileWatched(next::countDown, false);
    assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void wakesFromItsIdleParkForANewWatch() throws Exception {
    // the first cancel empties the watch list: the watchdog then parks until the next watch wakes it
    CountDownLatch first = new CountDownLatch(1);
    interruptedWhileWatched(first::countDown, false);
    assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
    waitUntilParked(watchdog.thread());
    CountDownLatch second = new CountDownLatch(1);
    interruptedWhileWatched(second::countDown, false);
    assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void stopEndsTheThread() throws Exception {
    watchdog.register(() -> {}).close();
    Thread thread = watchdog.thread();
    watchdog.stop();
    thread.join(5_000);
    assertThat(thread.isAlive()).isFalse();
  }

  @Test
  void theSharedWatchdogCancelsAnInterruptedCaller() throws Exception {
    CountDownLatch cancelled = new CountDownLatch(1);
    Thread caller = new Thread(() -> {
      try (InterruptWatchdog.Watch watch = InterruptWatchdog.watch(cancelled::countDown)) {
        Thread.currentThread().interrupt();
        stayInterrupted();
      }
    });
    caller.setDaemon(true);
    caller.start();
    assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
  }

  private static void waitUntilParked(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(thread.getState()).isEqualTo(Thread.State.WAITING);
  }

  /**
   * Keeps a thread alive with its interrupt flag set until the test ends. Blocking would not do: every
   * interruptible wait returns at once and clears the flag, so it yields in a loop.
   */
  private void stayInterrupted() {
    while (!released) {
      Thread.yield();
    }
  }
}
