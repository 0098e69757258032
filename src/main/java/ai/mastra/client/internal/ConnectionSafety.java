package ai.mastra.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * The SDK's own handling of two cases where OkHttp, left to itself, either fails a request that never reached
 * the server or repeats one that may have. Installed on every client the SDK builds or derives, with OkHttp's
 * own {@code retryOnConnectionFailure} off.
 *
 * <p><b>Stale pooled connections.</b> Servers close idle keep-alive connections: Node's HTTP server (so
 * Mastra) after 5 s. OkHttp checks a pooled connection before a POST only after 10 s of idleness, so a POST
 * sent 5 to 10 s after the previous call went out on a connection the server had already closed and failed
 * with "unexpected end of stream". OkHttp's own recovery ({@code retryOnConnectionFailure}) would send it
 * again, but it also repeats requests that failed after the server may have read them (and POSTs answered
 * 408): that could run an agent twice. So the check happens <em>before</em> anything is sent. The network
 * interceptor knows each connection's last use and the idle timeout the server announced ({@code Keep-Alive:
 * timeout=5}, as Node sends). A reused HTTP/1 connection is taken as closed when it has been idle for that
 * timeout less a second of margin, or, when the server announced none and it has been idle for a second or
 * more, when a 1 ms read finds the server's end-of-stream (what OkHttp's own check does after 10 s). Such a
 * connection is closed unused and the request goes out on a fresh one, after the pool's other idle
 * connections (likely closed just the same) are evicted. A request that fails once its bytes were sent is
 * never sent again, whatever the connection.
 *
 * <p><b>503 with {@code Retry-After: 0}.</b> OkHttp silently repeats a request answered 503 with {@code
 * Retry-After: 0}, POST included, whatever {@code retryOnConnectionFailure} says. The network interceptor
 * hides that header from OkHttp's follow-up logic and the application interceptor puts it back, so only the
 * SDK's retry policy decides.
 */
public final class ConnectionSafety {
  static final int MAX_REPLAYS = 3;
  private static final long PROBE_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long KEEP_ALIVE_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final String HIDDEN_RETRY_AFTER = "X-Mastra-Client-Hidden-Retry-After";

  private final ConnectionPool pool;
  private final HttpLogger log;
  // What is known of each connection. Not a synchronized WeakHashMap: that was one lock every request of every
  // thread took. A closed connection's entry goes when the map is next pruned (when it has grown to twice its
  // size after the last pruning; a pool holds a few connections).
  private final ConcurrentHashMap<Connection, Usage> usage = new ConcurrentHashMap<>();
  private final AtomicInteger pruneAt = new AtomicInteger(MIN_PRUNE_AT);
  static final int MIN_PRUNE_AT = 32;

  /** When a connection was last used, and how long its server keeps an idle connection open (if it said). */
  private static final class Usage {
    volatile long lastUsedNanos;
    volatile long keepAliveNanos = -1;
  }

  private ConnectionSafety(ConnectionPool pool, HttpLogger log) {
    this.pool = pool;
    this.log = log;
  }

  /**
   * Installs the interceptors on {@code builder}, whose connection pool is {@code pool}, and turns OkHttp's
   * own silent repeats off; each request moved off a stale connection is logged.
   *
   * @param builder the client being built
   * @param pool the connection pool of that client
   * @param log the client's HTTP log
   */
  public static void install(OkHttpClient.Builder builder, ConnectionPool pool, HttpLogger log) {
    create(pool, log).installOn(builder);
  }

  /** The instance {@link #install} puts on a client; tests keep it to see what it tracks. */
  static ConnectionSafety create(ConnectionPool pool, HttpLogger log) {
    return new ConnectionSafety(pool, log);
  }

  void installOn(OkHttpClient.Builder builder) {
    builder
        .retryOnConnectionFailure(false)
        .addInterceptor(this::intercept)
        .addNetworkInterceptor(this::interceptNetwork);
  }

  /** How many connections are tracked (for tests: the map must not grow with every connection ever made). */
  int trackedConnections() {
    return usage.size();
  }

  private Response intercept(Interceptor.Chain chain) throws IOException {
    for (int replays = 0; ; replays++) {
      Response response;
      try {
        response = chain.proceed(chain.request());
      } catch (StaleConnectionException e) {
        if (replays >= MAX_REPLAYS || chain.call().isCanceled()) {
          throw new IOException("no fresh connection to " + chain.request().url().host() + " could be had", e);
        }
        pool.evictAll(); // idle connections as old as the stale one are likely closed too
        log.staleConnection(chain.request());
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
    Usage used = null;
    if (connection != null) {
      used = usage.get(connection);
      if (used == null) {
        Usage fresh = new Usage();
        used = usage.putIfAbsent(connection, fresh);
        if (used == null) {
          used = fresh;
          prune();
        }
      } else if (isStale(connection, used)) {
        connection.socket().close(); // so the pool drops it
        throw new StaleConnectionException();
      }
    }
    Response response = chain.proceed(chain.request());
    if (used != null) {
      used.lastUsedNanos = System.nanoTime();
      used.keepAliveNanos = keepAliveNanos(response.header("Keep-Alive"));
    }
    String retryAfter = response.header("Retry-After");
    if (response.code() == 503 && retryAfter != null) {
      return response.newBuilder().removeHeader("Retry-After").header(HIDDEN_RETRY_AFTER, retryAfter).build();
    }
    return response;
  }

  /** Drops the entries of closed connections, once the map has grown to twice its size after the last time. */
  private void prune() {
    int limit = pruneAt.get();
    if (usage.size() > limit && pruneAt.compareAndSet(limit, Integer.MAX_VALUE)) {
      usage.keySet().removeIf(connection -> connection.socket().isClosed());
      pruneAt.set(Math.max(MIN_PRUNE_AT, usage.size() * 2));
    }
  }

  /** Whether the server has (or is about to have) closed this idle connection. Nothing is sent before. */
  private static boolean isStale(Connection connection, Usage used) {
    if (connection.protocol() != Protocol.HTTP_1_1 && connection.protocol() != Protocol.HTTP_1_0) {
      return false; // HTTP/2 connections announce their end (GOAWAY), which OkHttp handles before sending
    }
    long idle = System.nanoTime() - used.lastUsedNanos;
    if (used.keepAliveNanos >= 0 && idle >= used.keepAliveNanos - KEEP_ALIVE_MARGIN_NANOS) {
      return true;
    }
    return idle >= PROBE_AFTER_IDLE_NANOS && !isOpen(connection.socket());
  }

  /**
   * Reads from an idle HTTP/1 connection for at most 1 ms: an idle connection has nothing to read (a timeout),
   * a closed one reads end-of-stream. Safe because an idle HTTP/1 connection's read buffer is empty: anything
   * that arrives is not part of an answer, and makes the connection unusable anyway.
   */
  private static boolean isOpen(Socket socket) {
    try {
      int timeout = socket.getSoTimeout();
      try {
        socket.setSoTimeout(1);
        InputStream in = socket.getInputStream();
        in.read(); // end of stream, or bytes nobody asked for: either way the connection is not usable
        return false;
      } finally {
        socket.setSoTimeout(timeout);
      }
    } catch (SocketTimeoutException e) {
      return true; // nothing to read: open and idle
    } catch (IOException e) {
      return false;
    }
  }

  /** The {@code timeout=N} of a {@code Keep-Alive} header, in nanoseconds, or -1. */
  static long keepAliveNanos(String header) {
    if (header == null) {
      return -1;
    }
    for (String part : header.split(",")) {
      String[] pair = part.trim().split("=", 2);
      if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("timeout")) {
        try {
          long seconds = Long.parseLong(pair[1].trim());
          return seconds < 0 ? -1 : TimeUnit.SECONDS.toNanos(Math.min(seconds, 86_400));
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  /** The connection about to be used was found closed before anything was sent on it. */
  static final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException() {
      super("a pooled connection was closed by the server while idle; nothing was sent on it");
    }
  }
}
