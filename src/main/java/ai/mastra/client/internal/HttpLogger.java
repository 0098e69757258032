package ai.mastra.client.internal;

import ai.mastra.client.LogLevel;
import ai.mastra.client.LogSink;
import ai.mastra.client.MastraServiceException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.WeakHashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.GzipSource;
import okio.Okio;
import okio.Source;

/**
 * The opt-in HTTP log: a network interceptor (so it sees the headers as sent, cookies and per-call headers
 * included, and each retry and redirect as its own exchange), plus lines for retries and stale connections.
 *
 * <p>Nothing secret reaches the sink: the values of secret headers (see {@link #isSecret}) and the request
 * context (the {@code requestContext} member of a JSON body, the {@code requestContext} query parameter of a
 * URL, also in a {@code Location} header) are replaced by {@code [redacted]} unless the user asked to see the
 * context. Bodies are logged as they pass: a response body is copied (up to {@link #MAX_LOGGED} bytes) while
 * the SDK reads it, and a stream's events are logged one by one as they arrive; nothing is read ahead or
 * buffered beyond that, so size limits and incremental delivery are untouched.
 */
public final class HttpLogger implements Interceptor {
  /** A logger that logs nothing. */
  public static final HttpLogger OFF = new HttpLogger(LogLevel.NONE, line -> {}, Set.of(), false);
  /** The most of one body or stream event that is logged; the rest is counted, not shown. */
  static final int MAX_LOGGED = 64 * 1024;
  static final String REDACTED = "[redacted]";
  private static final String CONTEXT = "requestContext";
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key");
  private static final String[] SECRET_NAME_PARTS = {
    "auth", "cookie", "token", "secret", "password", "api-key", "apikey", "session"
  };
  private static final Pattern CONTEXT_IN_QUERY = Pattern.compile("([?&]requestContext=)[^&#]*");

  private final LogLevel level;
  private final LogSink sink;
  private final Set<String> secretHeaders;
  private final boolean showContext;
  private final AtomicLong exchanges = new AtomicLong();
  // failures the network interceptor logged, so that the application-side one does not log them again
  private final Set<Throwable> loggedFailures = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  /**
   * Creates the logger.
   *
   * @param level how much to log
   * @param sink where the lines go
   * @param secretHeaders more header names (any case) whose values are never logged
   * @param showContext whether the request context is logged as it is (else it is redacted)
   */
  public HttpLogger(LogLevel level, LogSink sink, Collection<String> secretHeaders, boolean showContext) {
    this.level = level;
    this.sink = sink;
    this.secretHeaders = new HashSet<>();
    for (String name : secretHeaders) {
      this.secretHeaders.add(name.toLowerCase(Locale.ROOT));
    }
    this.showContext = showContext;
  }

  /** Returns whether anything is logged. */
  public boolean enabled() {
    return level != LogLevel.NONE;
  }

  private void line(String line) {
    try {
      sink.log(line);
    } catch (RuntimeException e) {
      // a failing sink must not fail the call it logs
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (level == LogLevel.NONE) {
      return chain.proceed(request);
    }
    String id = "#" + exchanges.incrementAndGet();
    String what = request.method() + " " + url(request.url());
    RequestBody body = request.body();
    String size = body == null ? "" : body.contentLength() >= 0 ? " (" + body.contentLength() + "-byte body)" : " (streamed body)";
    line(id + " --> " + what + size);
    if (level.compareTo(LogLevel.HEADERS) >= 0) {
      headers(id + " --> ", request.headers());
    }
    if (level == LogLevel.BODY && body != null) {
      line(id + " --> " + requestBody(body));
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException e) {
      line(id + " <-- FAILED " + what + " (" + millisSince(start) + " ms): " + failure(e));
      loggedFailures.add(e);
      throw e;
    }
    String message = response.message().isEmpty() ? "" : " " + response.message();
    line(id + " <-- " + response.code() + message + " " + what + " (" + millisSince(start) + " ms)");
    if (level.compareTo(LogLevel.HEADERS) >= 0) {
      headers(id + " <-- ", response.headers());
    }
    if (level != LogLevel.BODY) {
      return response;
    }
    ResponseBody original = response.body();
    MediaType type = original.contentType();
    boolean events = type != null && "text".equals(type.type()) && "event-stream".equals(type.subtype());
    String encoding = response.header("Content-Encoding");
    boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
    boolean unreadable = encoding != null && !gzip && !encoding.trim().equalsIgnoreCase("identity");
    LoggedBody logged = new LoggedBody(original.source(), id, events, gzip, unreadable, start);
    return response.newBuilder()
        .body(ResponseBody.create(Okio.buffer(logged), type, original.contentLength()))
        .build();
  }

  /**
   * Returns the application interceptor that logs a request that failed before it reached the network (the
   * connection could not be made, the call was cancelled first): the network interceptor never sees those.
   * Installed after the SDK's other application interceptors.
   *
   * @return the interceptor
   */
  public Interceptor unsentFailures() {
    return chain -> {
      try {
        return chain.proceed(chain.request());
      } catch (IOException | RuntimeException e) {
        // a stale connection has its own line (ConnectionSafety sends the request again on a fresh one)
        if (level != LogLevel.NONE && !wasLogged(e) && !(e instanceof ConnectionSafety.StaleConnectionException)) {
          Request request = chain.request();
          line("#" + exchanges.incrementAndGet() + " --> FAILED " + request.method() + " " + url(request.url())
              + " (not sent): " + failure(e));
        }
        throw e;
      }
    };
  }

  /** The failure as it may be logged: an exception's message could quote a URL with the context in it. */
  private String failure(Throwable e) {
    return showContext ? e.toString() : redactQuery(e.toString());
  }

  private boolean wasLogged(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (loggedFailures.remove(e)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Logs a retry the SDK is about to make.
   *
   * @param request the request that failed
   * @param retry the number of this retry, from 1
   * @param delay the wait before it
   * @param failure why the attempt failed
   */
  public void retry(Request request, int retry, Duration delay, Throwable failure) {
    if (level == LogLevel.NONE) {
      return;
    }
    String why =
        failure instanceof MastraServiceException
            ? "HTTP " + ((MastraServiceException) failure).statusCode()
            : failure(failure.getCause() != null ? failure.getCause() : failure);
    line("retry " + retry + " of " + request.method() + " " + url(request.url()) + " in "
        + delay.toMillis() + " ms, after " + why);
  }

  /**
   * Logs that a pooled connection was found closed before a request was sent on it.
   *
   * @param request the request, which goes out on a fresh connection
   */
  public void staleConnection(Request request) {
    if (level == LogLevel.NONE) {
      return;
    }
    HttpUrl url = request.url();
    line("a pooled connection to " + url.host() + ":" + url.port() + " was closed by the server while idle; "
        + request.method() + " " + url(url) + " goes out on a fresh connection (nothing was sent on the old one)");
  }

  /** Whether a header's value must never be logged: the fixed list, the user's names, and likely secrets. */
  boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (SECRET_HEADERS.contains(lower) || secretHeaders.contains(lower)) {
      return true;
    }
    for (String part : SECRET_NAME_PARTS) {
      if (lower.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private void headers(String prefix, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      if (isSecret(name)) {
        value = REDACTED;
      } else if (!showContext && (name.equalsIgnoreCase("Location") || name.equalsIgnoreCase("Content-Location"))) {
        value = redactQuery(value);
      }
      line(prefix + name + ": " + value);
    }
  }

  /** The URL as it may be logged: with the {@code requestContext} query parameter's value redacted. */
  String url(HttpUrl url) {
    if (showContext || url.queryParameter(CONTEXT) == null) {
      return url.toString();
    }
    HttpUrl.Builder builder = url.newBuilder().query(null);
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      if (CONTEXT.equals(name)) {
        builder.addEncodedQueryParameter(CONTEXT, "REDACTED");
      } else {
        builder.addQueryParameter(name, url.queryParameterValue(i));
      }
    }
    return builder.build().toString().replace(CONTEXT + "=REDACTED", CONTEXT + "=" + REDACTED);
  }

  static String redactQuery(String value) {
    Matcher matcher = CONTEXT_IN_QUERY.matcher(value);
    return matcher.replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
  }

  private String requestBody(RequestBody body) {
    if (body.isOneShot() || body.isDuplex()) {
      return "(body not logged: it can be written only once)";
    }
    Buffer buffer = new Buffer();
    try {
      body.writeTo(buffer);
    } catch (IOException e) {
      return "(body not logged: " + e + ")";
    }
    long size = buffer.size();
    return cut(redacted(buffer.readUtf8(), size + "-byte body"));
  }

  /**
   * The text with every {@code requestContext} member of its JSON redacted, wherever it is: Mastra sends the
   * context back too (a conversation's thread keeps it in its metadata). A text that is no JSON object or
   * array is kept only if it does not mention the context.
   */
  private String redacted(String text, String what) {
    if (showContext || !text.contains(CONTEXT)) {
      return text; // nothing to redact: the text is logged as it is, not rewritten
    }
    String trimmed = text.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      String json = withoutContext(text);
      if (json != null) {
        return json;
      }
    }
    return "(" + what + " not logged: it may hold the request context)";
  }

  /**
   * Copies JSON token by token, writing {@code [redacted]} for the value of every member named {@code
   * requestContext}. A text cut short (the log keeps at most {@link #MAX_LOGGED} bytes) gives what was copied
   * before the cut, so a cut never shows a context either. Null if not even the first value starts.
   */
  static String withoutContext(String json) {
    StringWriter out = new StringWriter();
    try (JsonReader reader = new JsonReader(new StringReader(json));
        JsonWriter writer = new JsonWriter(out)) {
      reader.setStrictness(Strictness.STRICT);
      writer.setStrictness(Strictness.LENIENT);
      writer.setHtmlSafe(false);
      writer.setSerializeNulls(true);
      int depth = 0;
      do {
        switch (reader.peek()) {
          case BEGIN_OBJECT:
            reader.beginObject();
            writer.beginObject();
            depth++;
            break;
          case END_OBJECT:
            reader.endObject();
            writer.endObject();
            depth--;
            break;
          case BEGIN_ARRAY:
            reader.beginArray();
            writer.beginArray();
            depth++;
            break;
          case END_ARRAY:
            reader.endArray();
            writer.endArray();
            depth--;
            break;
          case NAME:
            String name = reader.nextName();
            writer.name(name);
            if (CONTEXT.equals(name)) {
              reader.skipValue();
              writer.value(REDACTED);
            }
            break;
          case STRING:
            writer.value(reader.nextString());
            break;
          case NUMBER:
            writer.jsonValue(reader.nextString());
            break;
          case BOOLEAN:
            writer.value(reader.nextBoolean());
            break;
          case NULL:
            reader.nextNull();
            writer.nullValue();
            break;
          default:
            return out.toString();
        }
      } while (depth > 0);
      writer.flush();
      return out.toString();
    } catch (IOException | RuntimeException e) {
      String partial = out.toString();
      return partial.isEmpty() ? null : partial + "...";
    }
  }

  private static String cut(String text) {
    return text.length() <= MAX_LOGGED
        ? text
        : text.substring(0, MAX_LOGGED) + "... (" + (text.length() - MAX_LOGGED) + " more characters not logged)";
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /**
   * A response body that logs what passes through it: a plain body once read (or closed), a stream's events
   * one by one as their last byte arrives. It reads exactly what its reader asks for.
   */
  private final class LoggedBody extends ForwardingSource {
    private final String id;
    private final boolean events;
    private final boolean gzip;
    private final boolean unreadable;
    private final long start;
    private final Buffer kept = new Buffer();
    private long total;
    private boolean done;
    // the stream's current line and event
    private final ByteArrayOutputStream currentLine = new ByteArrayOutputStream();
    private boolean afterCr;
    private final StringBuilder event = new StringBuilder();
    private boolean eventCut;
    private long eventCount;

    LoggedBody(Source delegate, String id, boolean events, boolean gzip, boolean unreadable, long start) {
      super(delegate);
      this.id = id;
      this.events = events;
      this.gzip = gzip;
      this.unreadable = unreadable;
      this.start = start;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long n;
      try {
        n = super.read(sink, byteCount);
      } catch (IOException | RuntimeException e) {
        finish(" (failed: " + e + ")");
        throw e;
      }
      if (n == -1) {
        finish("");
      } else if (n > 0) {
        took(sink, n);
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      finish(" (closed before its end)");
      super.close();
    }

    private synchronized void took(Buffer sink, long n) {
      if (done) {
        return;
      }
      total += n;
      if (!events || gzip || unreadable) {
        long room = Math.min(n, MAX_LOGGED + 1L - kept.size());
        if (room > 0) {
          sink.copyTo(kept, sink.size() - n, room);
        }
        return;
      }
      Buffer chunk = new Buffer();
      sink.copyTo(chunk, sink.size() - n, n);
      for (byte b : chunk.readByteArray()) {
        if (b == '\n' && afterCr) {
          afterCr = false; // the LF of a CRLF
          continue;
        }
        afterCr = b == '\r';
        if (b == '\n' || b == '\r') {
          endOfLine();
        } else if (currentLine.size() < MAX_LOGGED) {
          currentLine.write(b);
        } else {
          eventCut = true;
        }
      }
    }

    private void endOfLine() {
      String text = new String(currentLine.toByteArray(), StandardCharsets.UTF_8);
      currentLine.reset();
      if (text.isEmpty()) {
        endOfEvent("");
        return;
      }
      if (text.startsWith("data:")) {
        String data = text.substring(5).startsWith(" ") ? text.substring(6) : text.substring(5);
        text = "data: " + redacted(data, "data");
      }
      if (event.length() > 0) {
        event.append(" | ");
      }
      if (event.length() + text.length() > MAX_LOGGED) {
        event.append(text, 0, Math.max(0, MAX_LOGGED - event.length()));
        eventCut = true;
      } else {
        event.append(text);
      }
    }

    private void endOfEvent(String note) {
      if (event.length() == 0) {
        return;
      }
      eventCount++;
      line(id + " <-- " + event + (eventCut ? "... (cut in the log)" : "") + note);
      event.setLength(0);
      eventCut = false;
    }

    private synchronized void finish(String how) {
      if (done) {
        return;
      }
      done = true;
      if (events && !gzip && !unreadable) {
        if (currentLine.size() > 0) {
          endOfLine();
        }
        endOfEvent(" (incomplete event)");
        line(id + " <-- END stream (" + eventCount + " events, " + total + " bytes, " + millisSince(start) + " ms)" + how);
        return;
      }
      if (total > 0) {
        line(id + " <-- " + bodyText());
      }
      line(id + " <-- END (" + total + "-byte body)" + how);
    }

    private String bodyText() {
      if (unreadable) {
        return "(body not logged: it is encoded)";
      }
      if (gzip) {
        if (total > MAX_LOGGED) {
          return "(gzip body not logged: larger than " + MAX_LOGGED + " bytes)";
        }
        Buffer plain = new Buffer();
        try (GzipSource source = new GzipSource(kept)) {
          while (plain.size() <= MAX_LOGGED && source.read(plain, 8192) != -1) {
            // inflate up to the log's limit
          }
        } catch (IOException e) {
          return "(gzip body not logged: " + e + ")";
        }
        return cut(redacted(plain.readUtf8(), "body"));
      }
      long shown = Math.min(kept.size(), MAX_LOGGED);
      String text;
      try {
        text = kept.readUtf8(shown);
      } catch (java.io.EOFException e) {
        throw new IllegalStateException(e); // shown is at most the size
      }
      text = redacted(text, "body");
      return total > shown ? text + "... (" + (total - shown) + " more bytes not logged)" : text;
    }
  }
}
