package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

/**
 * The HTTP log's edges, driven through the interceptor's own API with a stand-in chain: request bodies the SDK
 * never sends itself (a user's network interceptor can), the limits of what is logged, encoded answers, stream
 * events cut off or cut short, and the redaction of JSON and exception text.
 */
class HttpLoggerEdgesTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final MediaType SSE = MediaType.get("text/event-stream");
  private static final int MAX = HttpLogger.MAX_LOGGED;

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final HttpLogger bodyLog = new HttpLogger(LogLevel.BODY, lines::add, Set.of(), false);

  /** A chain that answers {@code request} with {@code answer} (or throws it), as the network would. */
  private static Interceptor.Chain chain(Request request, Object answer) {
    return (Interceptor.Chain) Proxy.newProxyInstance(HttpLoggerEdgesTest.class.getClassLoader(),
        new Class<?>[] {Interceptor.Chain.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "request":
              return request;
            case "proceed":
              if (answer instanceof IOException) {
                throw (IOException) answer;
              }
              return ((Response.Builder) answer).request((Request) args[0]).build();
            default:
              throw new UnsupportedOperationException(method.getName());
          }
        });
  }

  private static Response.Builder answer(int code, ResponseBody body) {
    return new Response.Builder().protocol(Protocol.HTTP_1_1).code(code).message("OK").body(body);
  }

  private static Request post(RequestBody body) {
    return new Request.Builder().url("http://h/api/v1/responses").post(body).build();
  }

  private static Request get() {
    return new Request.Builder().url("http://h/api/v1/responses/r1").build();
  }

  /** Sends the exchange through the logger at BODY and reads the answer to its end. */
  private List<String> exchange(Request request, Response.Builder answer) throws IOException {
    try (Response response = bodyLog.intercept(chain(request, answer))) {
      response.body().bytes();
    }
    return lines;
  }

  private List<String> answeredWith(ResponseBody body) throws IOException {
    return exchange(get(), answer(200, body));
  }

  private List<String> answeredWith(String encoding, byte[] bytes) throws IOException {
    return exchange(get(), answer(200, ResponseBody.create(bytes, JSON)).header("Content-Encoding", encoding));
  }

  private List<String> streamed(String text) throws IOException {
    return answeredWith(ResponseBody.create(text.getBytes(StandardCharsets.UTF_8), SSE));
  }

  private static byte[] gzip(byte[] plain, int level) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out) {
      {
        def.setLevel(level);
      }
    }) {
      zip.write(plain);
    }
    return out.toByteArray();
  }

  private static String randomText(int length, long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  // ---- request bodies

  @Test
  void anEmptyRequestBodyIsDescribedAsZeroBytesNotAsStreamed() throws IOException {
    HttpLogger basic = new HttpLogger(LogLevel.BASIC, lines::add, Set.of(), false);
    basic.intercept(chain(post(RequestBody.create(new byte[0], null)), answer(200, ResponseBody.create("", JSON))))
        .close();

    assertThat(lines.get(0)).isEqualTo("#1 --> POST http://h/api/v1/responses (0-byte body)");
  }

  @Test
  void aOneShotRequestBodyIsNotReadForTheLog() throws IOException {
    RequestBody oneShot = new RequestBody() {
      @Override
      public MediaType contentType() {
        return JSON;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8("{}");
      }

      @Override
      public boolean isOneShot() {
        return true;
      }
    };

    exchange(post(oneShot), answer(200, ResponseBody.create("{}", JSON)));

    assertThat(lines.get(1)).isEqualTo("#1 --> (body not logged: it can be written only once)");
  }

  @Test
  void aRequestBodyThatFailsToWriteIsLoggedAsItsFailure() throws IOException {
    RequestBody failing = new RequestBody() {
      @Override
      public MediaType contentType() {
        return JSON;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        throw new IOException("x");
      }
    };

    exchange(post(failing), answer(200, ResponseBody.create("{}", JSON)));

    assertThat(lines.get(1)).isEqualTo("#1 --> (body not logged: java.io.IOException: x)");
  }

  @Test
  void aBodyOfExactlyTheLimitIsLoggedWhole() throws IOException {
    String text = "x".repeat(MAX);
    exchange(post(RequestBody.create(text, MediaType.get("text/plain"))), answer(200, ResponseBody.create("", JSON)));

    assertThat(lines.get(1)).isEqualTo("#1 --> " + text);
  }

  @Test
  void aLongerBodyIsCutAndTheRestCounted() throws IOException {
    String text = "x".repeat(100_000);
    exchange(post(RequestBody.create(text, MediaType.get("text/plain"))), answer(200, ResponseBody.create("", JSON)));

    assertThat(lines.get(1)).isEqualTo("#1 --> " + "x".repeat(MAX) + "... (" + (100_000 - MAX)
        + " more characters not logged)");
  }

  // ---- redaction

  @Test
  void aJsonArrayAnswerIsRedactedMemberByMember() throws IOException {
    answeredWith(ResponseBody.create("[{\"requestContext\":{\"user\":\"u\"}}]", JSON));

    assertThat(lines).contains("#1 <-- [{\"requestContext\":\"[redacted]\"}]");
  }

  @Test
  void aTextThatMentionsTheContextButIsNoJsonIsNotLogged() throws IOException {
    exchange(get(), answer(400, ResponseBody.create("bad requestContext: user=u", MediaType.get("text/plain"))));

    assertThat(lines).contains("#1 <-- (body not logged: it may hold the request context)")
        .noneMatch(line -> line.contains("user=u"));
  }

  @Test
  void aContentLocationHeaderHasItsContextRedacted() throws IOException {
    HttpLogger headers = new HttpLogger(LogLevel.HEADERS, lines::add, Set.of(), false);
    headers.intercept(chain(get(), answer(200, ResponseBody.create("{}", JSON))
        .header("Content-Location", "/api/v1/conversations/c1?requestContext=eyJ1"))).close();

    assertThat(lines).contains("#1 <-- Content-Location: /api/v1/conversations/c1?requestContext=[redacted]");
  }

  @Test
  void aFailureQuotingTheContextIsRedactedUnlessTheContextIsShown() {
    Request request = new Request.Builder().url("http://h/a").build();
    IOException failure = new IOException("x http://h/a?requestContext=abc");

    new HttpLogger(LogLevel.BASIC, lines::add, Set.of(), false).retry(request, 1, Duration.ZERO, failure);
    new HttpLogger(LogLevel.BASIC, lines::add, Set.of(), true).retry(request, 1, Duration.ZERO, failure);

    assertThat(lines.get(0)).endsWith("after java.io.IOException: x http://h/a?requestContext=[redacted]");
    assertThat(lines.get(1)).endsWith("after java.io.IOException: x http://h/a?requestContext=abc");
  }

  @Test
  void textAfterTheFirstJsonValueIsIgnored() {
    assertThat(HttpLogger.withoutContext("{\"requestContext\":1} x")).isEqualTo("{\"requestContext\":\"[redacted]\"}");
    assertThat(HttpLogger.withoutContext("{\"a\":[],\"requestContext\":1} x"))
        .isEqualTo("{\"a\":[],\"requestContext\":\"[redacted]\"}");
  }

  @Test
  void theJsonIsReadStrictlySoAnUppercaseLiteralStopsTheCopy() {
    assertThat(HttpLogger.withoutContext("{\"a\":TRUE,\"requestContext\":1}")).isEqualTo("{...");
  }

  // ---- failures

  @Test
  void aFailureWrappedOutsideTheLoggerIsLoggedOnce() throws IOException {
    HttpLogger basic = new HttpLogger(LogLevel.BASIC, lines::add, Set.of(), false);
    IOException reset = new IOException("connection reset");
    assertThatThrownBy(() -> basic.intercept(chain(get(), reset))).isSameAs(reset);
    // a user's network interceptor, between the SDK's application side and the logger, wraps the failure
    IOException wrapped = new IOException("wrapped", reset);

    assertThatThrownBy(() -> basic.unsentFailures().intercept(chain(get(), wrapped))).isSameAs(wrapped);

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("#1 <-- FAILED GET");
    assertThat(lines).noneMatch(line -> line.contains("(not sent)"));
  }

  @Test
  void theLoggedDurationIsBetweenZeroAndTheTimeTheCallTook() throws IOException {
    long before = System.nanoTime();
    answeredWith(ResponseBody.create("{}", JSON));
    long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);

    Matcher matcher = Pattern.compile("^#1 <-- 200 OK GET \\S+ \\((-?\\d+) ms\\)$").matcher(lines.get(1));
    assertThat(matcher.matches()).as(lines.get(1)).isTrue();
    assertThat(Long.parseLong(matcher.group(1))).isBetween(0L, wall);
  }

  @Test
  void aBodyWhoseReadFailsEndsWithTheFailure() throws IOException {
    Buffer start = new Buffer().writeUtf8("{\"id\":");
    Source failing = new ForwardingSource(start) {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long n = super.read(sink, byteCount);
        if (n == -1) {
          throw new IOException("boom");
        }
        return n;
      }
    };
    ResponseBody body = ResponseBody.create(Okio.buffer(failing), JSON, -1);

    try (Response response = bodyLog.intercept(chain(get(), answer(200, body)))) {
      assertThatThrownBy(() -> response.body().bytes()).hasMessage("boom");
    }

    assertThat(lines.get(lines.size() - 1)).isEqualTo("#1 <-- END (6-byte body) (failed: java.io.IOException: boom)");
  }

  @Test
  void closingTheLoggedBodyBeforeItsEndClosesTheNetworkSource() throws IOException {
    boolean[] closed = {false};
    Source network = new ForwardingSource(new Buffer().writeUtf8("x".repeat(100))) {
      @Override
      public void close() throws IOException {
        closed[0] = true;
        super.close();
      }
    };
    Response response = bodyLog.intercept(chain(get(), answer(200, ResponseBody.create(Okio.buffer(network), JSON, 100))));

    response.close();

    assertThat(closed[0]).isTrue();
    assertThat(lines.get(lines.size() - 1)).endsWith("(closed before its end)");
  }

  @Test
  void anEmptyAnswerHasNoBodyLine() throws IOException {
    Request delete = new Request.Builder().url("http://h/api/v1/conversations/c1").method("DELETE", null).build();
    exchange(delete, answer(500, ResponseBody.create(new byte[0], JSON)).message("Internal Server Error"));

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("#1 --> DELETE ");
    assertThat(lines.get(1)).startsWith("#1 <-- 500 Internal Server Error DELETE ");
    assertThat(lines.get(2)).isEqualTo("#1 <-- END (0-byte body)");
  }

  // ---- encoded answers

  @Test
  void anIdentityEncodedAnswerIsLogged() throws IOException {
    answeredWith("identity", "{\"id\":\"r1\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(lines).contains("#1 <-- {\"id\":\"r1\"}");
  }

  @Test
  void aBrotliOrDeflateAnswerIsNotLogged() throws IOException {
    answeredWith("br", new byte[] {1, 2, 3});
    answeredWith("deflate", new byte[] {1, 2, 3});

    assertThat(lines).contains("#1 <-- (body not logged: it is encoded)", "#2 <-- (body not logged: it is encoded)");
  }

  @Test
  void aGzipAnswerOfExactlyTheLimitIsInflated() throws IOException {
    // stored (level 0) blocks make the compressed size grow with the text one byte at a time
    String text = null;
    for (int length = MAX - 100; length < MAX; length++) {
      String candidate = randomText(length, 7);
      if (gzip(candidate.getBytes(StandardCharsets.UTF_8), Deflater.NO_COMPRESSION).length == MAX) {
        text = candidate;
        break;
      }
    }
    assertThat(text).as("a text whose gzip is exactly %d bytes", MAX).isNotNull();

    answeredWith("gzip", gzip(text.getBytes(StandardCharsets.UTF_8), Deflater.NO_COMPRESSION));

    assertThat(lines).contains("#1 <-- " + text);
  }

  @Test
  void aGzipAnswerLargerThanTheLimitIsNotInflated() throws IOException {
    byte[] zipped = gzip(randomText(100_000, 3).getBytes(StandardCharsets.UTF_8), Deflater.NO_COMPRESSION);
    assertThat(zipped.length).isGreaterThan(MAX);

    answeredWith("gzip", zipped);

    assertThat(lines).contains("#1 <-- (gzip body not logged: larger than 65536 bytes)");
  }

  @Test
  void aGzipAnswerThatIsNotGzipIsNotLogged() throws IOException {
    answeredWith("gzip", "{\"id\":\"r1\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(lines).anyMatch(line -> line.startsWith("#1 <-- (gzip body not logged: java.io."));
  }

  @Test
  void aLongPlainAnswerCountsTheBytesNotLogged() throws IOException {
    String text = "\u00e9".repeat(50_000); // 100,000 bytes
    answeredWith(ResponseBody.create(text.getBytes(StandardCharsets.UTF_8), JSON));

    assertThat(lines).anyMatch(line -> line.endsWith("... (" + (100_000 - MAX) + " more bytes not logged)"));
  }

  // ---- streams

  @Test
  void crlfLineEndsMakeOneEvent() throws IOException {
    streamed("event: response.created\r\ndata: {\"a\":1}\r\n\r\n");

    assertThat(lines).contains("#1 <-- event: response.created | data: {\"a\":1}");
    assertThat(lines.get(lines.size() - 1)).startsWith("#1 <-- END stream (1 events, ");
  }

  @Test
  void aStreamEndingWithoutTheBlankLineLogsTheLastEventAsIncomplete() throws IOException {
    streamed("event: response.created\ndata: {\"a\":1}\n");

    assertThat(lines).contains("#1 <-- event: response.created | data: {\"a\":1} (incomplete event)");
    assertThat(lines.get(lines.size() - 1)).startsWith("#1 <-- END stream (1 events, ");
  }

  @Test
  void aStreamCutOffMidLineLogsTheLastLineAsIncomplete() throws IOException {
    streamed("data: {\"a\":1}");

    assertThat(lines).contains("#1 <-- data: {\"a\":1} (incomplete event)");
  }

  @Test
  void anEventOfExactlyTheLimitIsNotCut() throws IOException {
    String line = "data: " + "x".repeat(MAX - 6);
    streamed(line + "\n\n");

    assertThat(lines).contains("#1 <-- " + line);
  }

  @Test
  void anEventPastTheLimitIsCutToTheLimitAndTheStreamReadsOn() throws IOException {
    String type = "event: response.output_text.delta";
    String data = "data: " + "x".repeat(MAX - 6);
    streamed(type + "\n" + data + "\n\nevent: response.completed\ndata: {}\n\n");

    String expected = (type + " | " + data).substring(0, MAX);
    assertThat(lines).contains("#1 <-- " + expected + "... (cut in the log)", "#1 <-- event: response.completed | data: {}");
    assertThat(lines.get(lines.size() - 1)).startsWith("#1 <-- END stream (2 events, ");
  }

  @Test
  void aLongLineKeepsExactlyItsFirstBytesEvenInsideACharacter() throws IOException {
    // byte 65,536 of the line is the first byte of an é, which the log must cut in two
    String line = "data: " + "x".repeat(MAX - 7) + "\u00e9" + "y".repeat(10);
    streamed(line + "\n\n");

    assertThat(lines).contains("#1 <-- data: " + "x".repeat(MAX - 7) + "\ufffd... (cut in the log)");
  }
}
