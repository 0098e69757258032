package ai.mastra.client.internal;

import ai.mastra.client.ApiException;
import ai.mastra.client.BadRequestException;
import ai.mastra.client.ConflictException;
import ai.mastra.client.MastraIOException;
import ai.mastra.client.MastraInvalidResponseException;
import ai.mastra.client.MastraServiceException;
import ai.mastra.client.NotFoundException;
import ai.mastra.client.PermissionDeniedException;
import ai.mastra.client.RateLimitException;
import ai.mastra.client.ServerException;
import ai.mastra.client.UnauthorizedException;
import ai.mastra.client.UnprocessableEntityException;
import ai.mastra.client.internal.api.ConversationsApi;
import ai.mastra.client.internal.api.ResponsesApi;
import ai.mastra.client.model.ErrorBody;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
  private final ConversationsApi conversations;
  private final ResponsesApi responses;
  private final RetryPolicy retryPolicy;
  private volatile boolean closed;

  /**
   * Creates the transport.
   *
   * @param baseUrl the API root, ending in {@code /} (e.g. {@code http://localhost:4111/api/})
   * @param httpClient the client every call goes through
   * @param retryPolicy when and how often failed calls are repeated
   */
  public Transport(HttpUrl baseUrl, OkHttpClient httpClient, RetryPolicy retryPolicy) {
    this.httpClient = httpClient;
    this.retryPolicy = retryPolicy;
    this.retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(httpClient)
            .addConverterFactory(new StrictGsonConverterFactory(Json.GSON))
            .validateEagerly(true)
            .build();
    this.conversations = retrofit.create(ConversationsApi.class);
    this.responses = retrofit.create(ResponsesApi.class);
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

  /** Returns the base URL of the API, ending in {@code /}. */
  public HttpUrl baseUrl() {
    return retrofit.baseUrl();
  }

  /** Returns the conversations service, with {@code headers} added to each request when not empty. */
  public ConversationsApi conversations(Map<String, String> headers) {
    return headers.isEmpty() ? conversations : withHeaders(headers).create(ConversationsApi.class);
  }

  /** Returns the responses service, with {@code headers} added to each request when not empty. */
  public ResponsesApi responses(Map<String, String> headers) {
    return headers.isEmpty() ? responses : withHeaders(headers).create(ResponsesApi.class);
  }

  private Retrofit withHeaders(Map<String, String> headers) {
    OkHttpClient client = httpClient.newBuilder().addInterceptor(new HeadersInterceptor(headers)).build();
    return retrofit.newBuilder().client(client).build();
  }

  /**
   * Runs the call (and its retries) and returns the decoded body.
   *
   * @param call a fresh Retrofit call
   * @param timeout the timeout of each attempt, or null for the client's timeouts
   * @throws MastraServiceException for an error status
   * @throws MastraIOException when no answer could be had
   * @throws MastraInvalidResponseException when a success body cannot be decoded
   * @throws IllegalStateException if the client is closed
   */
  public <T> T execute(Call<T> call, Duration timeout) {
    checkOpen();
    for (int attempt = 0; ; attempt++) {
      Call<T> current = attemptOf(call, attempt, timeout);
      Outcome<T> outcome;
      try {
        outcome = judge(current, current.execute(), null, attempt);
      } catch (IOException | RuntimeException e) {
        outcome = judge(current, null, e, attempt);
      }
      if (outcome.retryDelay != null) {
        sleep(outcome.retryDelay);
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
   * exceptions {@link #execute} throws. Cancelling the future cancels the HTTP call.
   *
   * @param call a fresh Retrofit call
   * @param timeout the timeout of each attempt, or null for the client's timeouts
   */
  public <T> CompletableFuture<T> executeAsync(Call<T> call, Duration timeout) {
    checkOpen();
    CallFuture<T> future = new CallFuture<>();
    enqueue(call, 0, timeout, future);
    return future;
  }

  private <T> void enqueue(Call<T> original, int attempt, Duration timeout, CallFuture<T> future) {
    Call<T> current = attemptOf(original, attempt, timeout);
    if (!future.running(current)) {
      return; // cancelled while waiting to retry
    }
    current.enqueue(
        new Callback<T>() {
          @Override
          public void onResponse(Call<T> call, Response<T> response) {
            settle(judge(call, response, null, attempt));
          }

          @Override
          public void onFailure(Call<T> call, Throwable failure) {
            settle(judge(call, null, failure, attempt));
          }

          private void settle(Outcome<T> outcome) {
            if (outcome.retryDelay != null) {
              Executor later =
                  CompletableFuture.delayedExecutor(outcome.retryDelay.toMillis(), TimeUnit.MILLISECONDS);
              later.execute(() -> enqueue(original, attempt + 1, timeout, future));
            } else if (outcome.failure != null) {
              future.completeExceptionally(outcome.failure);
            } else {
              future.complete(outcome.value);
            }
          }
        });
  }

  private static <T> Call<T> attemptOf(Call<T> call, int attempt, Duration timeout) {
    Call<T> current = attempt == 0 ? call : call.clone();
    if (timeout != null) {
      current.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
  }

  /** The one decision, shared by the blocking and the async path, of what an attempt's result means. */
  private <T> Outcome<T> judge(Call<T> call, Response<T> response, Throwable failure, int attempt) {
    String method = call.request().method();
    String what = method + " " + call.request().url().encodedPath();
    if (failure instanceof IOException) {
      if (!call.isCanceled() && retryPolicy.retries(method, attempt)) {
        return new Outcome<>(null, null, retryPolicy.delay(attempt, null));
      }
      String reason = call.isCanceled() ? "was cancelled" : "failed: " + failure;
      return new Outcome<>(null, new MastraIOException(what + " " + reason, (IOException) failure), null);
    }
    if (failure instanceof StrictGsonConverterFactory.InvalidBodyException) {
      StrictGsonConverterFactory.InvalidBodyException invalid =
          (StrictGsonConverterFactory.InvalidBodyException) failure;
      return new Outcome<>(
          null,
          new MastraInvalidResponseException(what + ": " + invalid.getMessage(), invalid.body, invalid.getCause()),
          null);
    }
    if (failure != null) {
      return new Outcome<>(null, failure, null);
    }
    if (response.isSuccessful()) {
      if (response.body() == null) {
        // Retrofit skips the converter for 204 and 205: no model can come of them.
        return new Outcome<>(null, new MastraInvalidResponseException(
            what + ": HTTP " + response.code() + " has no body, expected a JSON model", "", null), null);
      }
      return new Outcome<>(response.body(), null, null);
    }
    if (retryPolicy.retries(method, attempt) && retryPolicy.retriesStatus(response.code())) {
      closeQuietly(response.errorBody());
      return new Outcome<>(null, null, retryPolicy.delay(attempt, response.headers().get("Retry-After")));
    }
    return new Outcome<>(null, toException(response), null);
  }

  /** A future whose cancellation cancels the HTTP call of its current attempt. */
  private static final class CallFuture<T> extends CompletableFuture<T> {
    private volatile Call<?> current;

    /** Records the attempt about to run; false (and the attempt cancelled) if the future is already done. */
    boolean running(Call<?> call) {
      current = call;
      if (isDone()) {
        call.cancel();
        return false;
      }
      return true;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      Call<?> call = current;
      if (call != null) {
        call.cancel();
      }
      return cancelled;
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while waiting to retry");
      throw new MastraIOException("interrupted while waiting to retry", io);
    }
  }

  private static void closeQuietly(ResponseBody body) {
    if (body != null) {
      body.close();
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
    return toException(response.code(), response.headers().toMultimap(), body);
  }

  /** Returns the exception for an error status, with Mastra's error body parsed when it is one. */
  public static MastraServiceException toException(
      int status, Map<String, List<String>> headers, String body) {
    ErrorBody errorBody = parseErrorBody(body);
    switch (status) {
      case 400:
        return new BadRequestException(status, headers, body, errorBody);
      case 401:
        return new UnauthorizedException(status, headers, body, errorBody);
      case 403:
        return new PermissionDeniedException(status, headers, body, errorBody);
      case 404:
        return new NotFoundException(status, headers, body, errorBody);
      case 409:
        return new ConflictException(status, headers, body, errorBody);
      case 422:
        return new UnprocessableEntityException(status, headers, body, errorBody);
      case 429:
        return new RateLimitException(status, headers, body, errorBody);
      default:
        return status >= 500 && status <= 599
            ? new ServerException(status, headers, body, errorBody)
            : new ApiException(status, headers, body, errorBody);
    }
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
