package ai.mastra.client.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes blocking calls answer {@link Thread#interrupt()}. A thread blocked in a socket read does not wake up
 * when interrupted, so while a thread is inside a blocking call it is registered here, and one daemon thread
 * checks the registered threads' interrupt flags every {@value #POLL_MILLIS} ms and cancels the call of an
 * interrupted one (the interrupt flag stays set: the caller sees it). With nothing registered the watchdog
 * thread parks and costs nothing.
 */
public final class InterruptWatchdog {
  static final long POLL_MILLIS = 10;

  private static final Map<Thread, Runnable> WATCHED = new ConcurrentHashMap<>();
  private static volatile Thread watchdog;
  // The watchdog is parked with no time limit (nothing watched): only then does watch() wake it. Waking it on
  // every watch (every event of a stream) cost a thread switch each time.
  private static volatile boolean idle;

  private InterruptWatchdog() {}

  /** One registration; closing it ends the watch. */
  public interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Watches the calling thread until the returned watch is closed: if it is interrupted meanwhile, {@code
   * cancel} runs (once, on the watchdog thread).
   *
   * @param cancel what ends the blocking operation, e.g. {@code call::cancel}
   * @return the watch, to close when the blocking operation is over
   */
  public static Watch watch(Runnable cancel) {
    Thread caller = Thread.currentThread();
    WATCHED.put(caller, cancel);
    ensureRunning();
    return () -> WATCHED.remove(caller, cancel);
  }

  private static void ensureRunning() {
    Thread current = watchdog;
    if (current != null) {
      // WATCHED was written before idle is read, and the watchdog writes idle before it reads WATCHED: either
      // it sees the new entry, or this sees it idle and wakes it.
      if (idle) {
        LockSupport.unpark(current);
      }
      return;
    }
    synchronized (InterruptWatchdog.class) {
      if (watchdog == null) {
        Thread thread = new Thread(InterruptWatchdog::run, "mastra-client-interrupt-watchdog");
        thread.setDaemon(true);
        watchdog = thread;
        thread.start();
      } else {
        LockSupport.unpark(watchdog);
      }
    }
  }

  private static void run() {
    while (true) {
      if (WATCHED.isEmpty()) {
        idle = true;
        if (WATCHED.isEmpty()) {
          LockSupport.park(InterruptWatchdog.class); // woken by the next watch()
        }
        idle = false;
      } else {
        LockSupport.parkNanos(InterruptWatchdog.class, POLL_MILLIS * 1_000_000);
      }
      for (Map.Entry<Thread, Runnable> entry : WATCHED.entrySet()) {
        if (entry.getKey().isInterrupted() && WATCHED.remove(entry.getKey(), entry.getValue())) {
          try {
            entry.getValue().run();
          } catch (RuntimeException e) {
            // a cancel that fails must not stop the watchdog; the caller's read fails or ends anyway
          }
        }
      }
    }
  }
}
