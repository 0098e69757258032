package ai.mastra.client.internal;

import ai.mastra.client.MastraException;
import ai.mastra.client.MastraIOException;
import ai.mastra.client.MastraInvalidResponseException;
import ai.mastra.client.MastraTimeoutException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Streamed calls of {@code POST v1/responses}: built on OkHttp directly, since the generated Retrofit
 * interface decodes the whole body as JSON. Shares the client's connections, interceptors and error mapping
 * with {@link Transport}; never retried.
 */
public final class StreamTransport {
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
  private static final long MAX_UNEXPECTED_BODY = 64 * 1024;

  private StreamTransport() {}

  /**
   * Builds the call (not started) of a streamed create-response request.
   *
   * @param transport the client's transport
   * @param body the create-response request, with {@code stream} already true
   * @param headers per-call headers, replacing client headers of the same name
   * @param idleTimeout the longest wait for the next bytes of the answer, or null for the client's read
   *     timeout
   * @return the call
   * @throws IllegalStateException if the client is closed
   */
  public static Call newCall(
      Transport transport,
      Object body,
      Map<String, String> headers,
      Duration idleTimeout) {
    transport.checkOpen();
    HttpUrl.Builder url = transport.baseUrl().newBuilder("v1/responses");
    if (url == null) {
      throw new IllegalStateException("cannot resolve v1/responses against " + transport.baseUrl());
    }
    Duration idle = idleTimeout != null ? idleTimeout : Duration.ofMillis(transport.httpClient().readTimeoutMillis());
    Request.Builder request =
        new Request.Builder()
            .tag(IdleTimeout.class, new IdleTimeout(idle))
            .url(url.build())
            .header("Accept", "text/event-stream")
            .post(RequestBody.create(Json.GSON.toJson(body), JSON));
    request.tag(HeadersInterceptor.PerCall.class, Transport.perCall(headers)); // the client's HeadersInterceptor
    // sets them last; null (no tag) for none
    // A stream may legitimately run for a long time: no whole-call limit, and between bytes the idle timeout
    // (by default the client's read timeout, so that a stalled server never hangs a reader). Only a per-call
    // idle timeout needs a derived client (it shares the pool and dispatcher).
    OkHttpClient client = transport.httpClient();
    if (idleTimeout != null) {
      client = client.newBuilder().readTimeout(Durations.millisAtLeastOne(idleTimeout), TimeUnit.MILLISECONDS).build();
    }
    Call call = client.newCall(request.build());
    call.timeout().timeout(0, TimeUnit.MILLISECONDS);
    return call;
  }

  /**
   * Runs the call up to the response headers and checks them.
   *
   * @param call a call made by {@link #newCall}
   * @return the open response, whose body is the event stream; the caller closes it
   * @throws MastraException as {@link #check}, or {@link MastraIOException} when no answer could be had
   */
  @SuppressWarnings("try") // the watch is held for its scope only
  public static Response execute(Call call) {
    if (Thread.currentThread().isInterrupted()) {
      throw Transport.interrupted(what(call), null);
    }
    Response response;
    try (InterruptWatchdog.Watch watch = InterruptWatchdog.watch(call::cancel)) {
      response = call.execute();
    } catch (IOException e) {
      throw ioFailure(call, e);
    }
    return check(call, response);
  }

  /**
   * Returns {@code response} if it is a successful {@code text/event-stream} answer; otherwise closes it and
   * throws.
   *
   * @param call the call that got the response
   * @param response the response, open
   * @return {@code response}
   * @throws ai.mastra.client.MastraServiceException for an error status, as the non-streaming calls
   * @throws MastraInvalidResponseException for a success status that is not an event stream
   */
  public static Response check(Call call, Response response) {
    if (!response.isSuccessful()) {
      String body;
      try (ResponseBody errorBody = response.body()) {
        body = errorBody.string();
      } catch (IOException e) {
        body = "";
      }
      throw Transport.toException(
          call.request().method(), call.request().url().toString(), response.code(), response.headers().toMultimap(), body);
    }
    MediaType type = response.body().contentType();
    if (type == null || !"text".equals(type.type()) || !"event-stream".equals(type.subtype())) {
      String body;
      try {
        body = response.peekBody(MAX_UNEXPECTED_BODY).string();
      } catch (IOException e) {
        body = "";
      } finally {
        response.close();
      }
      throw new MastraInvalidResponseException(
          what(call) + ": expected a text/event-stream answer, got "
              + (type == null ? "no Content-Type" : type.toString()),
          body,
          null);
    }
    return response;
  }

  /**
   * Returns the exception for an I/O failure of {@code call}: a timeout, an interrupt of the reading thread,
   * a cancel, or any other failure.
   */
  public static MastraIOException ioFailure(Call call, IOException e) {
    String what = what(call);
    if (e instanceof SocketTimeoutException) {
      return new MastraTimeoutException(
          what + " timed out: nothing arrived within the stream's idle timeout of "
              + Durations.describe(call.request().tag(IdleTimeout.class).duration), e);
    }
    if (Thread.currentThread().isInterrupted()) {
      // the watchdog cancelled the call, or okio saw the flag first (it checks it between reads and writes)
      return Transport.interrupted(what, e);
    }
    String reason = call.isCanceled() ? "was cancelled" : "failed: " + e;
    return new MastraIOException(what + " " + reason, e);
  }

  /** The idle timeout of a stream call, carried by its request for messages and timers. */
  static final class IdleTimeout {
    final Duration duration;

    IdleTimeout(Duration duration) {
      this.duration = duration;
    }
  }

  /**
   * Returns the idle timeout of a stream call made by {@link #newCall}: also the longest wait, queue
   * included, for the response headers.
   */
  public static Duration idleTimeout(Call call) {
    return call.request().tag(IdleTimeout.class).duration;
  }

  /** Returns {@code POST /api/v1/responses}: the method and path of {@code call}, for messages. */
  public static String what(Call call) {
    return call.request().method() + " " + call.request().url().encodedPath();
  }
}
