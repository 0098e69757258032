package ai.mastra.client.internal;

import ai.mastra.client.MastraIOException;
import ai.mastra.client.MastraInvalidResponseException;
import ai.mastra.client.MastraServiceException;
import ai.mastra.client.MastraTimeoutException;
import ai.mastra.client.MastraException;
import ai.mastra.client.internal.api.ConversationsApi;
import ai.mastra.client.internal.api.ResponsesApi;
import ai.mastra.client.model.ErrorBody;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * The one place where calls are made: Retrofit services over the configured OkHttp client, retries, and the
 * mapping of every outcome to a model or a typed exception. Thread-safe.
 */
public final class Transport {

  private final OkHttpClient httpClient;
  private final Retrofit retrofit;
  private volatile ConversationsApi conversations;
  private volatile ResponsesApi responses;
  private final RetryPolicy retryPolicy;
  private final Limits limits;
  private final HttpLogger log;
  private volatile boolean closed;

  /**
   * Creates the transport.
   *
   * @param baseUrl the API root, ending in {@code /} (e.g. {@code http://localhost:4111/api/})
   * @param httpClient the client every call goes through
   * @param retryPolicy when and how often failed calls are repeated
   * @param limits the size limits installed on {@code httpClient}
   */
  public Transport(HttpUrl baseUrl, OkHttpClient httpClient, RetryPolicy retryPolicy, Limits limits) {
    this(baseUrl, httpClient, retryPolicy, limits, HttpLogger.OFF);
  }

  /**
   * Creates the transport, logging its retries.
   *
   * @param baseUrl the API root, ending in {@code /} (e.g. {@code http://localhost:4111/api/})
   * @param httpClient the client every call goes through
   * @param retryPolicy when and how often failed calls are repeated
   * @param limits the size limits installed on {@code httpClient}
   * @param log the client's HTTP log (installed on {@code httpClient} if enabled)
   */
  public Transport(HttpUrl baseUrl, OkHttpClient httpClient, RetryPolicy retryPolicy, Limits limits, HttpLogger log) {
    this.log = log;
    this.httpClient = httpClient;
    this.retryPolicy = retryPolicy;
    this.limits = limits;
    this.retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(httpClient)
            .addConverterFactory(new StrictGsonConverterFactory(Json.GSON))
            // each service method is parsed on its first call: building a client loads no model class it
            // does not use (start-up time); the interfaces are generated and checked by the build's tests
            .build();
  }

  /** Makes every later call fail with {@link IllegalStateException}. */
  public void close() {
    closed = true;
  }

  /**
   * Throws if the client is closed.
   *
   * @throws IllegalStateException if {@link #close()} was called
   */
  public void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this MastraClient is closed");
    }
  }

  /** Returns the OkHttp client every call goes through. */
  public OkHttpClient httpClient() {
    return httpClient;
  }

  /** Returns the size limits of answers. */
  public Limits limits() {
    return limits;
  }

  /** Returns the base URL of the API, ending in {@code /}. */
  public HttpUrl baseUrl() {
    return retrofit.baseUrl();
  }

  /** Returns the conversations service (created on its first use: start-up time). */
  public ConversationsApi conversations() {
    ConversationsApi service = conversations;
    if (service == null) {
      service = retrofit.create(ConversationsApi.class); // a race makes two equal services, both fine
      conversations = service;
    }
    return service;
  }

  /** Returns the responses service (created on its first use: start-up time). */
  public ResponsesApi responses() {
    ResponsesApi service = responses;
    if (service == null) {
      service = retrofit.create(ResponsesApi.class);
      responses = service;
    }
    return service;
  }

  /**
   * The tag that carries a call's own headers to the client's {@link HeadersInterceptor}: every service method
   * takes it as its last argument (a Retrofit {@code @Tag}, see templates/libraries/retrofit2/api.mustache).
   *
   * @param headers the call's headers
   * @return the tag, or null when there are none
   */
  public static HeadersInterceptor.PerCall perCall(Map<String, String> headers) {
    return headers.isEmpty() ? null : new HeadersInterceptor.PerCall(headers);
  }

  /**
   * Runs the call (and its retries) and returns the decoded body. The calling thread blocks; interrupting it
   * ends the call promptly with a {@link MastraIOException} (the interrupt flag stays set).
   *
   * @param call a fresh Retrofit call
   * @param timeout the limit of the whole call, retries and their waits included; null for none (the
   *     client's connect and read timeouts still bound each attempt)
   * @throws MastraServiceException for an error status
   * @throws MastraIOException when no answer could be had ({@link MastraTimeoutException} when the timeout
   *     ran out)
   * @throws MastraInvalidResponseException when a success body cannot be decoded
   * @throws IllegalStateException if the client is closed
   */
  @SuppressWarnings("try") // the watch is held for its scope only
  public <T> T execute(Call<T> call, Duration timeout) {
    checkOpen();
    Deadline deadline = Deadline.of(timeout);
    if (Thread.currentThread().isInterrupted()) {
      throw interrupted(what(call), null);
    }
    for (int attempt = 0; ; attempt++) {
      Call<T> current = attemptOf(call, attempt, deadline);
      Outcome<T> outcome;
      try (InterruptWatchdog.Watch watch = InterruptWatchdog.watch(current::cancel)) {
        outcome = judge(current, current.execute(), null, attempt, deadline);
      } catch (IOException | RuntimeException e) {
        outcome = judge(current, null, e, attempt, deadline);
      }
      if (outcome.retryDelay != null) {
        log.retry(current.request(), attempt + 1, outcome.retryDelay, outcome.failure);
        sleep(outcome.retryDelay, what(call));
        continue;
      }
      if (outcome.failure instanceof RuntimeException) {
        throw (RuntimeException) outcome.failure;
      }
      if (outcome.failure != null) {
        throw (Error) outcome.failure;
      }
      return outcome.value;
    }
  }

  /**
   * Runs the call (and its retries) on OkHttp's dispatcher, without blocking a thread on I/O or on a retry
   * wait. The future completes on an OkHttp thread with the decoded body, or exceptionally with the same
   * exceptions {@link #execute} throws. Cancelling the future cancels the HTTP call. The timeout counts from
   * now, so it covers the time the call waits in the dispatcher's queue.
   *
   * @param call a fresh Retrofit call
   * @param timeout the limit of the whole call, queue, retries and their waits included; null for none
   */
  public <T> CompletableFuture<T> executeAsync(Call<T> call, Duration timeout) {
    checkOpen();
    Deadline deadline = Deadline.of(timeout);
    CallFuture<T> future = new CallFuture<>();
    if (deadline != null) {
      String what = what(call);
      ScheduledFuture<?> timer =
          Scheduler.schedule(
              () -> future.fail(deadline.exception(what, new InterruptedIOException("timeout"))), timeout);
      future.whenComplete((value, failure) -> timer.cancel(false));
    }
    enqueue(call, 0, deadline, future);
    return future;
  }

  private <T> void enqueue(Call<T> original, int attempt, Deadline deadline, CallFuture<T> future) {
    Call<T> current = attemptOf(original, attempt, deadline);
    if (!future.running(current)) {
      return; // cancelled or timed out while waiting to retry
    }
    current.enqueue(
        new Callback<T>() {
          @Override
          public void onResponse(Call<T> call, Response<T> response) {
            settle(judge(call, response, null, attempt, deadline));
          }

          @Override
          public void onFailure(Call<T> call, Throwable failure) {
            settle(judge(call, null, failure, attempt, deadline));
          }

          private void settle(Outcome<T> outcome) {
            if (outcome.retryDelay != null) {
              log.retry(current.request(), attempt + 1, outcome.retryDelay, outcome.failure);
              future.waiting(
                  Scheduler.schedule(() -> enqueue(original, attempt + 1, deadline, future), outcome.retryDelay));
            } else if (outcome.failure != null) {
              future.completeExceptionally(outcome.failure);
            } else {
              future.complete(outcome.value);
            }
          }
        });
  }

  private static <T> Call<T> attemptOf(Call<T> call, int attempt, Deadline deadline) {
    Call<T> current = attempt == 0 ? call : call.clone();
    if (deadline != null) {
      // okio timeouts are in nanoseconds: a sub-millisecond remainder stays a limit, never OkHttp's 0.
      current.timeout().timeout(Math.max(1, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
    }
    return current;
  }

  /** What one attempt came to: a value, a failure, or a retry after a delay. */
  private static final class Outcome<T> {
    final T value;
    final Throwable failure;
    final Duration retryDelay;

    private Outcome(T value, Throwable failure, Duration retryDelay) {
      this.value = value;
      this.failure = failure;
      this.retryDelay = retryDelay;
    }

    static <T> Outcome<T> failure(Throwable failure) {
      return new Outcome<>(null, failure, null);
    }
  }

  /** The one decision, shared by the blocking and the async path, of what an attempt's result means. */
  private <T> Outcome<T> judge(
      Call<T> call, Response<T> response, Throwable failure, int attempt, Deadline deadline) {
    // Retrofit gives a body only to a success (an error's body is in errorBody()), so no status check here
    if (failure == null && response.body() != null) {
      return new Outcome<>(response.body(), null, null); // the usual case: no message to put together
    }
    String method = call.request().method();
    String what = what(call);
    if (failure instanceof Limits.TooLargeException) {
      return Outcome.failure(new MastraInvalidResponseException(what + ": " + failure.getMessage(), "", failure));
    }
    if (failure instanceof IOException) {
      IOException io = (IOException) failure;
      if (deadline != null && (deadline.expired() || isCallTimeout(io))) {
        return Outcome.failure(deadline.exception(what, io));
      }
      if (isCallTimeout(io)) {
        return Outcome.failure(
            new MastraTimeoutException(what + " timed out (the OkHttp client's call timeout)", io));
      }
      if (Thread.currentThread().isInterrupted()) {
        // the watchdog cancelled the call, or okio saw the flag first (it checks it between reads and writes)
        return Outcome.failure(interrupted(what, io));
      }
      if (call.isCanceled()) {
        return Outcome.failure(new MastraIOException(what + " was cancelled", io));
      }
      MastraIOException exception =
          io instanceof SocketTimeoutException
              ? new MastraTimeoutException(what + " timed out: no answer within the client's timeout (" + io + ")", io)
              : new MastraIOException(what + " failed: " + io, io);
      if (retryPolicy.retries(method, attempt)) {
        return retryOrFail(exception, retryPolicy.backoff(attempt), deadline);
      }
      return Outcome.failure(exception);
    }
    if (failure instanceof StrictGsonConverterFactory.InvalidBodyException) {
      StrictGsonConverterFactory.InvalidBodyException invalid =
          (StrictGsonConverterFactory.InvalidBodyException) failure;
      return Outcome.failure(
          new MastraInvalidResponseException(what + ": " + invalid.getMessage(), invalid.body, invalid.getCause()));
    }
    if (failure != null) {
      return Outcome.failure(failure);
    }
    if (response.isSuccessful()) {
      if (response.body() == null) {
        // Retrofit skips the converter for 204 and 205: no model can come of them.
        return Outcome.failure(new MastraInvalidResponseException(
            what + ": HTTP " + response.code() + " has no body, expected a JSON model", "", null));
      }
      return new Outcome<>(response.body(), null, null);
    }
    MastraServiceException error = toException(response);
    if (retryPolicy.retries(method, attempt) && retryPolicy.retriesStatus(response.code())) {
      Duration delay = retryPolicy.delayAfterAnswer(attempt, response.headers());
      if (delay != null) {
        return retryOrFail(error, delay, deadline);
      }
    }
    return Outcome.failure(error);
  }

  /** A retry after {@code delay}, unless the deadline would pass first: then the failure at once. */
  private static <T> Outcome<T> retryOrFail(MastraException failure, Duration delay, Deadline deadline) {
    if (deadline != null && deadline.remainingNanos() <= delay.toNanos()) {
      return Outcome.failure(failure);
    }
    return new Outcome<>(null, failure, delay);
  }

  /** OkHttp's whole-call timeout fired: it cancels the call and reports {@code InterruptedIOException("timeout")}. */
  private static boolean isCallTimeout(IOException e) {
    return e instanceof InterruptedIOException
        && !(e instanceof SocketTimeoutException)
        && "timeout".equals(e.getMessage());
  }

  private static String what(Call<?> call) {
    return call.request().method() + " " + call.request().url().encodedPath();
  }

  static MastraIOException interrupted(String what, IOException cause) {
    InterruptedIOException io = new InterruptedIOException("interrupted");
    if (cause != null) {
      io.initCause(cause);
    }
    return new MastraIOException(what + " was interrupted", io);
  }

  /** The end of a whole-call timeout. */
  static final class Deadline {
    private final Duration timeout;
    private final long endNanos;

    private Deadline(Duration timeout) {
      this.timeout = timeout;
      this.endNanos = System.nanoTime() + timeout.toNanos();
    }

    static Deadline of(Duration timeout) {
      return timeout == null ? null : new Deadline(timeout);
    }

    long remainingNanos() {
      return endNanos - System.nanoTime();
    }

    boolean expired() {
      return remainingNanos() <= 0;
    }

    MastraTimeoutException exception(String what, IOException cause) {
      return new MastraTimeoutException(what + " timed out after " + Durations.describe(timeout), cause);
    }
  }

  /** A future whose cancellation cancels the HTTP call of its current attempt, or its pending retry. */
  private static final class CallFuture<T> extends CompletableFuture<T> {
    private volatile Call<?> current;
    private volatile ScheduledFuture<?> retry;

    /** Records the attempt about to run; false (and the attempt cancelled) if the future is already done. */
    boolean running(Call<?> call) {
      current = call;
      retry = null;
      if (isDone()) {
        call.cancel();
        return false;
      }
      return true;
    }

    void waiting(ScheduledFuture<?> pending) {
      retry = pending;
      if (isDone()) {
        pending.cancel(false);
      }
    }

    /** Fails the future (if still running) and stops its call. */
    void fail(Throwable failure) {
      if (completeExceptionally(failure)) {
        stop();
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      stop();
      return cancelled;
    }

    private void stop() {
      ScheduledFuture<?> pending = retry;
      if (pending != null) {
        pending.cancel(false);
      }
      Call<?> call = current;
      if (call != null) {
        call.cancel();
      }
    }
  }

  private static void sleep(Duration delay, String what) {
    try {
      TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(what + " (while waiting to retry)", null);
    }
  }

  /** Turns an error answer into the exception for its status; reads and closes its body. */
  public static MastraServiceException toException(Response<?> response) {
    String body = "";
    try (ResponseBody errorBody = response.errorBody()) {
      if (errorBody != null) {
        body = errorBody.string(); // Retrofit has already buffered it
      }
    } catch (IOException e) {
      body = "";
    }
    okhttp3.Request request = response.raw().request();
    return toException(request.method(), request.url().toString(), response.code(), response.headers().toMultimap(), body);
  }

  /**
   * Returns the exception for an error status of a request, with Mastra's error body parsed when it is one.
   *
   * @param method the request method
   * @param url the request URL
   * @param status the status
   * @param headers the answer's headers
   * @param body the answer's body (as much as was kept)
   */
  public static MastraServiceException toException(
      String method, String url, int status, Map<String, List<String>> headers, String body) {
    // made in ServiceErrors: naming the exception classes here made the verifier load all 13 of them with the
    // client (they are loaded on the first error instead)
    return ServiceErrors.of(method, url, status, headers, body, parseErrorBody(body));
  }

  /** Mastra's {@code {"error": "...", "issues": [...]}}, or null for any other body. */
  static ErrorBody parseErrorBody(String body) {
    if (body == null || body.isEmpty()) {
      return null;
    }
    try {
      JsonElement tree = JsonParser.parseString(body);
      if (!tree.isJsonObject()) {
        return null;
      }
      JsonObject object = tree.getAsJsonObject();
      JsonElement error = object.get("error");
      if (error == null || !(error instanceof JsonPrimitive) || !error.getAsJsonPrimitive().isString()) {
        return null; // not Mastra's shape (e.g. OpenAI's {"error": {...}}): the raw body stays available
      }
      return Json.GSON.fromJson(object, ErrorBody.class);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
