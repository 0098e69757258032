package ai.mastra.client;

import ai.mastra.client.internal.Durations;
import ai.mastra.client.internal.InterruptWatchdog;
import ai.mastra.client.internal.Limits;
import ai.mastra.client.internal.Scheduler;
import ai.mastra.client.internal.SseEvent;
import ai.mastra.client.internal.Utf8JsonReader;
import ai.mastra.client.internal.SseParser;
import ai.mastra.client.internal.StreamTransport;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseStatus;
import java.io.EOFException;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Call;
import okhttp3.Callback;

/**
 * The events of a streamed response, read as the server writes them. Get one from {@link
 * Responses#stream(ai.mastra.client.model.ResponseCreateRequest)} and always close it, best with
 * try-with-resources:
 *
 * <pre>{@code
 * try (ResponseStream stream = client.responses().stream(request)) {
 *   for (String delta : stream.textDeltas()) {
 *     System.out.print(delta);
 *   }
 *   Response response = stream.finalResponse();
 *   if (response.getStatus() != ResponseStatus.COMPLETED) {
 *     // the model failed mid-stream: the text printed is only part of an answer
 *   }
 * }
 * }</pre>
 *
 * <p><b>Reading.</b> The events are read once, in order, each as soon as its bytes arrive: {@link
 * #iterator()}, {@link #stream()} and {@link #textDeltas()} are views of the same position, so a second loop
 * continues where the first stopped, and {@link #finalResponse()} reads whatever is left. An event type this
 * SDK does not know is delivered as a {@link StreamEvent} with {@link StreamEvent#isKnown()} false. The stream
 * ends when the server closes it or sends {@code data: [DONE]}.
 *
 * <p><b>Failures.</b> Reading throws {@link MastraIOException} when the connection fails, times out (see
 * {@link Responses#stream(ai.mastra.client.model.ResponseCreateRequest, RequestOptions)}), is closed, or ends
 * before the server said how the response ended ({@code response.completed}, {@code response.failed}, {@code
 * response.incomplete}, {@code error} or {@code [DONE]}): a cut-off stream is never a silent success. It
 * throws {@link MastraInvalidResponseException} for an event whose data is not JSON. After a failure every
 * read throws the same exception.
 *
 * <p><b>A model failure is not an exception.</b> Mastra reports it as a normal {@code response.completed}
 * event whose response has status {@code incomplete} (OpenAI-compatible servers may send {@code
 * response.failed} or an {@code error} event). Check {@code finalResponse().getStatus()}, or call {@link
 * #requireCompleted()}, which throws {@link ResponseIncompleteException} unless the status is {@code
 * completed}.
 *
 * <p><b>Closing.</b> {@link #close()} cancels the HTTP call and releases its connection; it may be called at
 * any time and from any thread (a thread blocked reading the stream then gets a {@link MastraIOException}),
 * and more than once. Reading to the end releases the connection too, but closing is still required when a
 * loop may stop early.
 *
 * <p><b>Threads.</b> Read from one thread at a time (reads are serialized); {@link #close()} from any.
 */
public final class ResponseStream implements AutoCloseable, Iterable<StreamEvent> {
  private final Call call;
  private final okhttp3.Response response;
  private final SseParser parser;
  private final String what;
  private final StreamAccumulator accumulator = new StreamAccumulator();
  private final ReentrantLock readLock = new ReentrantLock();
  /** Reads every event's JSON, one after the other (under {@link #readLock}). */
  private final Utf8JsonReader eventReader = new Utf8JsonReader(new byte[0], 0, 0);
  private final AtomicBoolean released = new AtomicBoolean();
  private final Iterator<StreamEvent> cursor = new Cursor();
  private volatile boolean closed;

  // Guarded by readLock.
  private StreamEvent pending;
  private boolean ended;
  private RuntimeException failure;

  private ResponseStream(Call call, okhttp3.Response response, long maxEventSize) {
    this.call = call;
    this.response = response;
    // a thread blocked on the network, then interrupted, gets the call cancelled
    this.parser = new SseParser(InterruptWatchdog.watchReads(response.body().source(), call::cancel), maxEventSize);
    this.what = StreamTransport.what(call);
  }

  /**
   * Starts the call and returns the stream once the response headers are in and checked.
   *
   * @param maxEventSize the largest event accepted, in bytes
   */
  static ResponseStream open(Call call, long maxEventSize) {
    return new ResponseStream(call, StreamTransport.execute(call), maxEventSize);
  }

  /**
   * Starts the call on OkHttp's dispatcher and feeds the listener from one of its threads; see {@link
   * Responses#stream(ai.mastra.client.model.ResponseCreateRequest, RequestOptions, ResponseStreamListener)}.
   * The idle timeout also bounds the wait for the response headers from now on, the time in the dispatcher's
   * queue included.
   */
  static CompletableFuture<Response> subscribe(Call call, ResponseStreamListener listener, long maxEventSize) {
    Subscription subscription = new Subscription(call, listener, maxEventSize);
    java.time.Duration idle = StreamTransport.idleTimeout(call);
    if (idle.toNanos() > 0) {
      ScheduledFuture<?> timer = Scheduler.schedule(subscription::headersTimedOut, idle);
      subscription.future.whenComplete((response, failure) -> timer.cancel(false));
    }
    call.enqueue(subscription);
    return subscription.future;
  }

  /**
   * Returns the events from the current position. {@code next()} blocks until the next event has arrived.
   *
   * @return an iterator over the remaining events
   */
  @Override
  public Iterator<StreamEvent> iterator() {
    return cursor;
  }

  /**
   * Returns the remaining events as a sequential {@link Stream}; closing it closes this response stream.
   *
   * @return a stream of the remaining events
   */
  public Stream<StreamEvent> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }

  /**
   * Returns the text of the answer as it is written: the {@code delta} of every remaining {@code
   * response.output_text.delta} event. Iterating it reads (and skips) the other events, which still count
   * for {@link #finalResponse()}.
   *
   * @return the remaining text deltas, in order
   */
  public Iterable<String> textDeltas() {
    return TextDeltas::new;
  }

  /**
   * Reads the rest of the stream and returns the final response: the one of the {@code response.completed}
   * event (or {@code response.failed} / {@code response.incomplete}), or, if the server sent none before
   * {@code [DONE]}, one put together from the events (output items, text and arguments so far; status {@code
   * failed} after an {@code error} event, else the last status sent).
   *
   * <p>Its status may be other than {@code completed}: Mastra ends a stream whose model failed with a {@code
   * response.completed} whose response is {@code incomplete}. See {@link #requireCompleted()}.
   *
   * @return the final response; call again to get the same one
   * @throws MastraIOException if the stream fails, was closed, or was cut off before its end
   * @throws MastraInvalidResponseException if an event is not valid JSON
   */
  public Response finalResponse() {
    readLock.lock();
    try {
      while (cursor.hasNext()) {
        cursor.next();
      }
      return accumulator.response();
    } finally {
      unlock();
    }
  }

  /**
   * Returns {@link #finalResponse()}, or throws if the response is not whole: the opt-in way to turn a model
   * failure mid-stream into an exception.
   *
   * @return the final response, whose status is {@code completed}
   * @throws ResponseIncompleteException if its status is {@code incomplete}, {@code failed} or anything else
   *     but {@code completed}; the exception carries the response
   * @throws MastraIOException as {@link #finalResponse()}
   */
  public Response requireCompleted() {
    Response response = finalResponse();
    if (response.getStatus() != ResponseStatus.COMPLETED) {
      throw new ResponseIncompleteException(response);
    }
    return response;
  }

  /**
   * Reads the rest of the stream and parses the final response's text into {@code type}: for a stream whose
   * request asked for that class's schema ({@code request.text(StructuredOutput.of(type).textConfig())}). See
   * {@link StructuredOutput}.
   *
   * @param type the class of the answer
   * @param <T> the class of the answer
   * @return the answer
   * @throws IllegalArgumentException if {@code type} is null or has no JSON schema
   * @throws MastraStructuredOutputException if the text is not JSON that fits {@code type} (whatever the
   *     status: Mastra ends a stream whose answer fails its own schema check with status {@code incomplete})
   * @throws ResponseIncompleteException if the text fits but the final response is not {@code completed}
   * @throws MastraIOException as {@link #finalResponse()}
   */
  public <T> T finalOutput(Class<T> type) {
    StructuredOutput<T> output = Responses.structured(type);
    return output.parse(finalResponse());
  }

  /**
   * Reads the rest of the stream and returns the text of the final response ({@link
   * Responses#outputText(Response)} of {@link #finalResponse()}); it may be partial, see {@link
   * #requireCompleted()}.
   *
   * @return the answer's text
   * @throws MastraIOException as {@link #finalResponse()}
   */
  public String outputText() {
    return Responses.outputText(finalResponse());
  }

  /**
   * Cancels the HTTP call and releases its connection. Safe at any point, from any thread, more than once;
   * after the end of the stream it changes nothing. Reading after closing an unfinished stream throws {@link
   * MastraIOException}.
   */
  @Override
  public void close() {
    closed = true;
    if (!released.get()) {
      call.cancel(); // unblocks a reader in another thread
    }
    releaseIfIdle();
  }

  private void unlock() {
    readLock.unlock();
    if (closed) {
      releaseIfIdle();
    }
  }

  /** Closes the body unless a reader is inside it: that reader releases it on its way out instead. */
  private void releaseIfIdle() {
    if (readLock.tryLock()) {
      try {
        release();
      } finally {
        readLock.unlock();
      }
    }
  }

  private void release() {
    if (released.compareAndSet(false, true)) {
      response.close();
    }
  }

  /** Reads the next event into {@code pending}; false at the end. Call with the lock held. */
  private boolean advance() {
    if (failure != null) {
      throw failure;
    }
    if (ended) {
      return false;
    }
    if (closed) {
      pending = null; // nothing more after close(), not even an event already read
      throw fail(new MastraIOException(what + " was cancelled", new IOException("closed")));
    }
    if (pending == null) {
      pending = readEvent();
    }
    return pending != null;
  }

  private StreamEvent readEvent() {
    while (true) {
      SseEvent sse;
      try {
        sse = parser.next();
      } catch (Limits.TooLargeException e) {
        throw fail(new MastraInvalidResponseException(what + ": " + e.getMessage(), "", e));
      } catch (IOException e) {
        throw fail(StreamTransport.ioFailure(call, e));
      }
      if (sse == null) {
        ended = true;
        release();
        if (!accumulator.finished()) {
          String message = what + " ended before the response did (no response.completed)";
          throw fail(new MastraIOException(message, new EOFException(message)));
        }
        return null;
      }
      if (sse.dataIs("[DONE]")) {
        ended = true;
        release();
        return null;
      }
      if (sse.dataIs("")) {
        continue; // a keep-alive with no payload
      }
      StreamEvent event;
      try {
        event = StreamEvent.decode(what, sse, eventReader);
        accumulator.accept(event);
      } catch (MastraException e) {
        throw fail(e);
      } catch (RuntimeException e) {
        // the decoder or the accumulator choked on an event the checks did not foresee: still a bad answer
        throw fail(new MastraInvalidResponseException(
            what + ": the event could not be read: " + e, sse.data(), e));
      }
      return event;
    }
  }

  private RuntimeException fail(RuntimeException e) {
    failure = e;
    ended = true;
    release();
    return e;
  }

  /** The one read position behind every view. */
  private final class Cursor implements Iterator<StreamEvent> {
    @Override
    public boolean hasNext() {
      readLock.lock();
      try {
        return advance();
      } finally {
        unlock();
      }
    }

    @Override
    public StreamEvent next() {
      readLock.lock();
      try {
        if (!advance()) {
          throw new NoSuchElementException("the stream has ended");
        }
        StreamEvent event = pending;
        pending = null;
        return event;
      } finally {
        unlock();
      }
    }
  }

  private final class TextDeltas implements Iterator<String> {
    private String next;

    @Override
    public boolean hasNext() {
      while (next == null && cursor.hasNext()) {
        StreamEvent event = cursor.next();
        if (event.data().isOutputTextDelta() && event.asOutputTextDelta().getDelta() != null) {
          next = event.asOutputTextDelta().getDelta();
        }
      }
      return next != null;
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException("the stream has ended");
      }
      String delta = next;
      next = null;
      return delta;
    }
  }

  /** The callback form: one OkHttp callback that reads the whole stream on the dispatcher thread. */
  private static final class Subscription implements Callback {
    final StreamFuture future;
    private final ResponseStreamListener listener;
    private final long maxEventSize;
    // Whether OkHttp's callback or the headers timer came first; only the first one talks to the listener.
    private final AtomicBoolean started = new AtomicBoolean();
    private boolean finished; // the listener has had its last call

    Subscription(Call call, ResponseStreamListener listener, long maxEventSize) {
      this.future = new StreamFuture(call);
      this.listener = listener;
      this.maxEventSize = maxEventSize;
    }

    /**
     * The idle timeout passed before the response headers came (the call may still be in the dispatcher's
     * queue, where OkHttp would not report a cancel until a slot frees): fail now.
     */
    void headersTimedOut() {
      if (started.compareAndSet(false, true)) {
        Call call = future.call;
        call.cancel();
        error(new MastraTimeoutException(
            StreamTransport.what(call) + " timed out: no answer within the stream's idle timeout of "
                + Durations.describe(StreamTransport.idleTimeout(call)) + " (time queued included)",
            new java.io.InterruptedIOException("timeout")));
      }
    }

    @Override
    public void onFailure(Call call, IOException e) {
      if (started.compareAndSet(false, true)) {
        error(StreamTransport.ioFailure(call, e));
      }
    }

    @Override
    public void onResponse(Call call, okhttp3.Response raw) {
      if (!started.compareAndSet(false, true)) {
        raw.close(); // the headers timer has already failed the stream
        return;
      }
      try {
        read(call, raw);
      } catch (RuntimeException | Error e) {
        // Whatever escaped (a bug, an OutOfMemoryError): the listener and the future must still hear of it,
        // and the dispatcher thread must not die with the future left pending.
        error(e instanceof MastraException
            ? (MastraException) e
            : new MastraInvalidResponseException(StreamTransport.what(call) + ": reading the stream failed: " + e, "", e));
        if (e instanceof Error) {
          throw (Error) e;
        }
      }
    }

    private void read(Call call, okhttp3.Response raw) {
      ResponseStream stream;
      try {
        stream = new ResponseStream(call, StreamTransport.check(call, raw), maxEventSize);
      } catch (MastraException e) {
        error(e);
        return;
      }
      // The future completes only after the stream is closed, so that whoever waits on it finds the
      // connection released.
      Runnable last;
      try {
        last = readAll(stream);
      } finally {
        stream.close();
      }
      last.run();
    }

    /** Feeds the listener; returns what completes the future, to run once the stream is closed. */
    private Runnable readAll(ResponseStream stream) {
      future.opened(stream);
      Iterator<StreamEvent> events = stream.iterator();
      while (true) {
        StreamEvent event;
        try {
          if (!events.hasNext()) {
            break;
          }
          event = events.next();
        } catch (MastraException e) {
          return () -> error(e);
        }
        Throwable failure = deliver(() -> listener.onEvent(event));
        if (failure != null) {
          return () -> future.completeExceptionally(failure);
        }
      }
      Response response;
      try {
        response = stream.finalResponse();
      } catch (MastraException e) {
        return () -> error(e);
      }
      Throwable failure = deliver(() -> listener.onComplete(response));
      finished = true;
      return failure == null ? () -> future.complete(response) : () -> future.completeExceptionally(failure);
    }

    /**
     * Runs a listener method; if it throws, the listener hears no more and the returned failure is what the
     * future fails with.
     */
    private Throwable deliver(Runnable call) {
      try {
        call.run();
        return null;
      } catch (RuntimeException | Error e) {
        finished = true;
        return e;
      }
    }

    private void error(MastraException e) {
      if (finished) {
        return; // the listener has had its last call
      }
      finished = true;
      try {
        listener.onError(e);
      } catch (RuntimeException | Error listenerFailure) {
        e.addSuppressed(listenerFailure);
      }
      future.completeExceptionally(e);
    }
  }

  /** The future of the callback form; cancelling it cancels the call and closes the stream. */
  private static final class StreamFuture extends CompletableFuture<Response> {
    final Call call;
    private volatile ResponseStream stream;

    StreamFuture(Call call) {
      this.call = call;
    }

    void opened(ResponseStream stream) {
      this.stream = stream;
      if (isCancelled()) {
        stream.close();
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      call.cancel();
      ResponseStream current = stream;
      if (current != null) {
        current.close();
      }
      return cancelled;
    }
  }
}
