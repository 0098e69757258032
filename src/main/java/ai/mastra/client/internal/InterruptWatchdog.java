package ai.mastra.client.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Makes blocking calls answer {@link Thread#interrupt()}. A thread blocked in a socket read does not wake up
 * when interrupted, so while a thread is inside a blocking call it is registered here, and one daemon thread
 * checks the registered threads' interrupt flags every {@value #POLL_MILLIS} ms and cancels the call of an
 * interrupted one (the interrupt flag stays set: the caller sees it). With nothing registered the watchdog
 * thread parks and costs nothing.
 *
 * <p>The SDK uses one JVM-wide instance ({@link #watch(Runnable)}); instances exist so that tests can start a
 * watchdog of their own and stop it.
 */
public final class InterruptWatchdog {
  static final long POLL_MILLIS = 10;

  private static final InterruptWatchdog SHARED = new InterruptWatchdog("mastra-client-interrupt-watchdog");

  private final String threadName;
  private final Map<Thread, Runnable> watched = new ConcurrentHashMap<>();
  private volatile Thread thread;
  private volatile boolean stopped;
  // The thread is parked with no time limit (nothing watched): only then does register() wake it. Waking it on
  // every watch (every event of a stream) cost a thread switch each time.
  private volatile boolean idle;

  InterruptWatchdog(String threadName) {
    this.threadName = threadName;
  }

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
    return SHARED.register(cancel);
  }

  /**
   * Returns {@code source} with each of its reads watched: a thread blocked reading it, then interrupted,
   * gets {@code cancel} run. Reads served from the returned source's buffer are not watched: a stream's
   * events are read a network read at a time, not an event at a time (a watch per event was 6% of reading a
   * stream of small events: two map writes, and at times a wake-up of the watchdog's thread).
   *
   * @param source what is read, e.g. a response body's source
   * @param cancel what ends a blocked read, e.g. {@code call::cancel}
   * @return a buffered source over {@code source}
   */
  public static BufferedSource watchReads(BufferedSource source, Runnable cancel) {
    return Okio.buffer(new ForwardingSource(source) {
      @Override
      @SuppressWarnings("try") // the watch is held for the read only
      public long read(Buffer sink, long byteCount) throws java.io.IOException {
        try (Watch watch = watch(cancel)) {
          return super.read(sink, byteCount);
        }
      }
    });
  }

  Watch register(Runnable cancel) {
    Thread caller = Thread.currentThread();
    watched.put(caller, cancel);
    ensureRunning();
    return () -> watched.remove(caller, cancel);
  }

  /** The watchdog's thread, once started (for tests). */
  Thread thread() {
    return thread;
  }

  /** Ends the watchdog's thread (for tests; the shared instance runs as long as the JVM). */
  void stop() {
    stopped = true;
    Thread current = thread;
    if (current != null) {
      LockSupport.unpark(current);
    }
  }

  private void ensureRunning() {
    Thread current = thread;
    if (current != null) {
      // watched was written before idle is read, and the watchdog writes idle before it reads watched: either
      // it sees the new entry, or this sees it idle and wakes it.
      if (idle) {
        LockSupport.unpark(current);
      }
      return;
    }
    synchronized (this) {
      if (thread == null) {
        Thread started = new Thread(this::run, threadName);
        started.setDaemon(true);
        thread = started;
        started.start();
      } else {
        LockSupport.unpark(thread);
      }
    }
  }

  private void run() {
    while (!stopped) {
      waitAndCheck();
    }
  }

  /** One round: park (for ever while nothing is watched), then cancel the calls of interrupted threads. */
  private void waitAndCheck() {
    if (watched.isEmpty()) {
      idle = true;
      if (watched.isEmpty() && !stopped) {
        LockSupport.park(this); // woken by the next watch()
      }
      idle = false;
    } else {
      LockSupport.parkNanos(this, POLL_MILLIS * 1_000_000);
    }
    for (Map.Entry<Thread, Runnable> entry : watched.entrySet()) {
      if (entry.getKey().isInterrupted() && watched.remove(entry.getKey(), entry.getValue())) {
        try {
          entry.getValue().run();
        } catch (RuntimeException e) {
          // a cancel that fails must not stop the watchdog; the caller's read fails or ends anyway
        }
      }
    }
  }
}
