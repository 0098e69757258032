package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog between its checks: while something is watched it waits out its poll interval parked (it must
 * not spin on a core), and the shared instance hands out a watch to close.
 */
class InterruptWatchdogPollingTest {
  private final InterruptWatchdog watchdog = new InterruptWatchdog("test-interrupt-watchdog-polling");

  @AfterEach
  void stop() {
    watchdog.stop();
  }

  @Test
  void whileSomethingIsWatchedTheWatchdogWaitsParkedBetweenChecks() {
    try (InterruptWatchdog.Watch watch = watchdog.register(() -> {})) {
      Thread thread = watchdog.thread();
      // a timed park shows as TIMED_WAITING; a watchdog that spun instead would stay RUNNABLE
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(thread.getState()).isEqualTo(Thread.State.TIMED_WAITING);
    }
  }

  @Test
  void theSharedWatchdogHandsOutAWatchToClose() {
    InterruptWatchdog.Watch watch = InterruptWatchdog.watch(() -> {});
    assertThat(watch).isNotNull();
    watch.close();
  }
}
