package ai.mastra.client.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The SDK's own handling of two cases where OkHttp, left to itself, is either unsafe or fails a request that
 * could not have reached the server. Both are installed on every client the SDK builds or derives, with
 * OkHttp's own {@code retryOnConnectionFailure} off.
 *
 * <p><b>Stale pooled connections.</b> Servers close idle keep-alive connections: Node's HTTP server (so
 * Mastra) after 5 s. OkHttp checks a pooled connection before a POST only after 10 s of idleness, so a POST
 * sent 5 to 10 s after the previous call goes out on a connection the server has already closed, and fails
 * with "unexpected end of stream" or a reset. OkHttp's own recovery ({@code retryOnConnectionFailure}) would
 * repeat it, but it also repeats requests that failed after the server may have read them (and POSTs answered
 * 408), which could run an agent twice. Here the network interceptor knows a reused connection from a fresh
 * one: a request that fails on a <em>reused</em> connection before any response came back (no status line;
 * not a timeout, not a protocol error, not a cancel) failed because the server had closed that connection, so
 * it is sent again on a fresh connection, at most {@value #MAX_REPLAYS} times, after the pool's idle
 * connections (likely closed just the same) are evicted. A request that fails on a fresh connection is never
 * sent again.
 *
 * <p><b>503 with {@code Retry-After: 0}.</b> OkHttp silently repeats a request answered 503 with {@code
 * Retry-After: 0}, POST included, whatever {@code retryOnConnectionFailure} says. The network interceptor
 * hides that header from OkHttp's follow-up logic and the application interceptor puts it back, so only
 * the SDK's retry policy decides.
 */
public final class ConnectionSafety {
  static final int MAX_REPLAYS = 2;
  private static final String HIDDEN_RETRY_AFTER = "X-Mastra-Client-Hidden-Retry-After";

  private final ConnectionPool pool;
  // Connections that have carried an exchange; weak, so closed connections are not kept.
  private final Set<Connection> used = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private ConnectionSafety(ConnectionPool pool) {
    this.pool = pool;
  }

  /**
   * Installs the interceptors on {@code builder}, whose connection pool is {@code pool}, and turns OkHttp's
   * own silent repeats off.
   *
   * @param builder the client being built
   * @param pool the connection pool of that client
   * @return {@code builder}
   */
  public static OkHttpClient.Builder install(OkHttpClient.Builder builder, ConnectionPool pool) {
    ConnectionSafety safety = new ConnectionSafety(pool);
    return builder
        .retryOnConnectionFailure(false)
        .addInterceptor(safety::intercept)
        .addNetworkInterceptor(safety::interceptNetwork);
  }

  private Response intercept(Interceptor.Chain chain) throws IOException {
    for (int replays = 0; ; replays++) {
      Response response;
      try {
        response = chain.proceed(chain.request());
      } catch (StaleConnectionException e) {
        if (replays >= MAX_REPLAYS || chain.call().isCanceled()) {
          throw e.original;
        }
        pool.evictAll();
        continue;
      }
      String hidden = response.header(HIDDEN_RETRY_AFTER);
      if (hidden == null) {
        return response;
      }
      return response.newBuilder().removeHeader(HIDDEN_RETRY_AFTER).header("Retry-After", hidden).build();
    }
  }

  private Response interceptNetwork(Interceptor.Chain chain) throws IOException {
    Connection connection = chain.connection();
    boolean reused = connection != null && !used.add(connection);
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException e) {
      if (reused && nothingCameBack(e) && !chain.call().isCanceled()) {
        throw new StaleConnectionException(e);
      }
      throw e;
    }
    String retryAfter = response.header("Retry-After");
    if (response.code() == 503 && retryAfter != null) {
      return response.newBuilder().removeHeader("Retry-After").header(HIDDEN_RETRY_AFTER, retryAfter).build();
    }
    return response;
  }

  /**
   * Whether the failure is a closed connection rather than a slow, cancelled or garbled answer. Getting here
   * means no response headers were read; a timeout means the server may be working on the request.
   */
  private static boolean nothingCameBack(IOException e) {
    return !(e instanceof InterruptedIOException) && !(e instanceof ProtocolException);
  }

  /** A request that failed on a reused connection before any answer: safe to send again. */
  private static final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;
    final transient IOException original;

    StaleConnectionException(IOException original) {
      super("stale pooled connection: " + original.getMessage(), original);
      this.original = original;
    }
  }
}
