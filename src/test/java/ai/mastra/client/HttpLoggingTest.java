package ai.mastra.client;

import static ai.mastra.client.StreamTestSupport.SSE;
import static ai.mastra.client.StreamTestSupport.captureBody;
import static ai.mastra.client.StreamTestSupport.frames;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.internal.LogSinks;
import ai.mastra.client.model.Conversation;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.RawHttpServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

/**
 * The opt-in HTTP log: what each level shows, that secrets never show at any level (headers, cookies, the
 * request context in bodies and query strings), the {@code MASTRA_LOG} variable, streams logged event by event
 * as they arrive, retries and stale connections, and SLF4J as the default sink.
 */
class HttpLoggingTest extends WireMockClientTest {
  private static final String TOKEN = "sk-bearer-0123456789";
  private static final String COOKIE = "session=cookie-value-42";
  private static final String TENANT_SECRET = "tenant-key-777";
  private static final String SET_COOKIE = "sid=server-cookie-99; Path=/";
  private static final String CONTEXT_VALUE = "context-user-31337";
  private static final RequestContext CONTEXT =
      RequestContext.builder().set("user", CONTEXT_VALUE).set("tenant", "acme").build();

  private final List<String> lines = new CopyOnWriteArrayList<>();

  private MastraClient.Builder builder(Map<String, String> env) {
    return new MastraClient.Builder(env::get).baseUrl(wm.baseUrl()).maxRetries(0).logSink(lines::add);
  }

  private MastraClient.Builder builder() {
    return builder(Map.of());
  }

  private MastraClient secretive(LogLevel level) {
    return builder()
        .logLevel(level)
        .bearerToken(TOKEN)
        .header("Cookie", COOKIE)
        .header("X-Tenant", TENANT_SECRET)
        .redactHeader("x-tenant")
        .header("X-Trace", "trace-visible")
        .build();
  }

  private void stubCreateResponse() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).willReturn(
        okJson(Capture.load("07").responseBody()).withHeader("Set-Cookie", SET_COOKIE)));
  }

  private String log() {
    return String.join("\n", lines);
  }

  private void assertNoSecret() {
    assertThat(log()).doesNotContain(TOKEN, "cookie-value-42", TENANT_SECRET, "server-cookie-99", CONTEXT_VALUE);
    String base64 = Base64.getEncoder().encodeToString(CONTEXT.toJson().getBytes(StandardCharsets.UTF_8));
    assertThat(log()).doesNotContain(base64.substring(0, 16));
  }

  @Test
  void nothingIsLoggedByDefault() {
    try (MastraClient quiet = builder().bearerToken(TOKEN).build()) {
      stubCreateResponse();
      quiet.responses().create(new ResponseCreateRequest().agentId("a").input("hi"));
    }
    assertThat(lines).isEmpty();
  }

  @Test
  void basicLogsTheMethodUrlStatusAndDurationOnly() {
    stubCreateResponse();
    try (MastraClient client = secretive(LogLevel.BASIC)) {
      client.responses().create(new ResponseCreateRequest().agentId("a").input("hello basic"),
          RequestOptions.of(CONTEXT));
    }
    String url = wm.baseUrl() + "/api/v1/responses";
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("#\\d+ --> POST " + url + " \\(\\d+-byte body\\)");
    assertThat(lines.get(1)).matches("#\\d+ <-- 200 OK POST " + url + " \\(\\d+ ms\\)");
    assertThat(log()).doesNotContain("hello basic", "Content-Type", "X-Trace");
    assertNoSecret();
  }

  @Test
  void headersLogsEveryHeaderButRedactsTheSecretOnesOnBothSides() {
    stubCreateResponse();
    try (MastraClient client = secretive(LogLevel.HEADERS)) {
      client.responses().create(new ResponseCreateRequest().agentId("a").input("hello headers"),
          RequestOptions.builder().requestContext(CONTEXT).header("X-Api-Key", "per-call-key-1")
              .header("X-Call", "per-call-visible").build());
    }
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ --> Authorization: \\[redacted]"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ --> Cookie: \\[redacted]"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ --> X-Tenant: \\[redacted]"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ --> X-Api-Key: \\[redacted]"));
    assertThat(lines).anyMatch(l -> l.matches("(?i)#\\d+ <-- Set-Cookie: \\[redacted]"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ --> X-Trace: trace-visible"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ --> X-Call: per-call-visible"));   // per-call headers too
    assertThat(lines).anyMatch(l -> l.matches("(?i)#\\d+ --> Content-Type: application/json.*"));
    assertThat(lines).anyMatch(l -> l.matches("(?i)#\\d+ <-- Content-Type: application/json.*"));
    assertThat(log()).doesNotContain("hello headers", "per-call-key-1");
    assertNoSecret();
  }

  @Test
  void bodyLogsBothBodiesWithTheRequestContextRedacted() {
    stubCreateResponse();
    try (MastraClient client = secretive(LogLevel.BODY)) {
      client.responses().create(new ResponseCreateRequest().agentId("a").input("hello body"),
          RequestOptions.of(CONTEXT));
    }
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ --> \\{.*\"input\":\"hello body\".*}")
        && l.contains("\"requestContext\":\"[redacted]\""));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ <-- \\{\"id\":.*\"object\":\"response\".*"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ <-- END \\(\\d+-byte body\\)"));
    assertNoSecret();
  }

  @Test
  void theContextOnTheRequestObjectAndInAConversationCreateIsRedactedToo() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/conversations")).willReturn(okJson(Capture.load("01").responseBody())));
    Map<String, Object> context = new HashMap<>();
    context.put("user", CONTEXT_VALUE);
    try (MastraClient client = secretive(LogLevel.BODY)) {
      client.conversations().create(new ConversationCreateRequest().agentId("a"), RequestOptions.of(CONTEXT));
      stubCreateResponse();
      client.responses().create(new ResponseCreateRequest().agentId("a").input("x").requestContext(context));
    }
    assertThat(lines.stream().filter(l -> l.contains("\"requestContext\":\"[redacted]\""))).hasSize(2);
    assertNoSecret();
  }

  @Test
  void theContextInAGetQueryIsRedactedInTheUrlAndInALocationHeader() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1")).willReturn(
        okJson(Capture.load("04").responseBody()).withHeader("Location", "/api/v1/conversations/c1?a=1&requestContext=eyJ1c2VyIjoiY29udGV4dC11c2VyLTMxMzM3In0")));
    try (MastraClient client = secretive(LogLevel.BODY)) {
      client.conversations().retrieve("c1", RequestOptions.of(CONTEXT));
    }
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ --> GET " + wm.baseUrl()
        + "/api/v1/conversations/c1\\?requestContext=\\[redacted]"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ <-- 200 OK GET .*requestContext=\\[redacted] \\(\\d+ ms\\)"));
    assertThat(lines).anyMatch(l -> l.endsWith("Location: /api/v1/conversations/c1?a=1&requestContext=[redacted]"));
    assertThat(log()).doesNotContain("eyJ1c2VyIjoiY29udGV4dC11c2VyLTMxMzM3In0");
    assertNoSecret();
  }

  @Test
  void aContextTheServerSendsBackIsRedactedInItsAnswersAndEvents() {
    // the real server keeps a conversation's context in its thread's metadata and sends it back
    com.google.gson.JsonObject conversation = Capture.load("04").responseJson().deepCopy();
    com.google.gson.JsonObject metadata = new com.google.gson.JsonObject();
    metadata.add("requestContext", com.google.gson.JsonParser.parseString(CONTEXT.toJson()));
    conversation.getAsJsonObject("thread").add("metadata", metadata);
    String echoed = conversation.toString();
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1")).willReturn(okJson(echoed)));
    String event = "{\"type\":\"response.created\",\"response\":{\"id\":\"r\",\"metadata\":{\"requestContext\":{\"user\":\""
        + CONTEXT_VALUE + "\"}}},\"sequence_number\":0}";
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", SSE).withBody("event: response.created\ndata: " + event + "\n\ndata: [DONE]\n\n")));
    try (MastraClient client = secretive(LogLevel.BODY)) {
      client.conversations().retrieve("c1");
      try (ResponseStream stream = client.responses().stream(new ResponseCreateRequest().agentId("a").input("x"))) {
        stream.forEach(e -> { });
      }
    }
    assertThat(lines).anyMatch(l -> l.matches("#1 <-- \\{.*\"metadata\":\\{\"requestContext\":\"\\[redacted]\"}.*"));
    assertThat(lines).anyMatch(l -> l.matches("#2 <-- event: response.created \\| data: \\{.*\"requestContext\":\"\\[redacted]\".*"));
    assertThat(lines).anyMatch(l -> l.matches("#2 <-- data: \\[DONE]"));      // other data as it came
    assertNoSecret();
  }

  @Test
  void theContextIsShownOnlyWhenTheUserAsks() {
    stubCreateResponse();
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1")).willReturn(okJson(Capture.load("04").responseBody())));
    try (MastraClient client = builder().logLevel(LogLevel.BODY).logRequestContext(true).bearerToken(TOKEN).build()) {
      client.responses().create(new ResponseCreateRequest().agentId("a").input("x"), RequestOptions.of(CONTEXT));
      client.conversations().retrieve("c1", RequestOptions.of(CONTEXT));
    }
    String base64 = Base64.getEncoder().encodeToString(CONTEXT.toJson().getBytes(StandardCharsets.UTF_8));
    assertThat(log()).contains("\"requestContext\":{\"user\":\"" + CONTEXT_VALUE + "\"", "requestContext=" + base64.substring(0, 16));
    assertThat(log()).doesNotContain(TOKEN);                  // headers stay redacted
  }

  @Test
  void anErrorAnswerIsLoggedWithItsBody() {
    wm.stubFor(delete(urlPathEqualTo("/api/v1/responses/r1")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Response r1 not found\"}")));
    try (MastraClient client = builder().logLevel(LogLevel.BODY).build()) {
      assertThatThrownBy(() -> client.responses().delete("r1")).isInstanceOf(NotFoundException.class);
    }
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ <-- 404 Not Found DELETE .*/api/v1/responses/r1 \\(\\d+ ms\\)"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ <-- \\{\"error\":\"Response r1 not found\"}"));
  }

  @Test
  void aBodyLargerThanTheLogsLimitIsCutInTheLogOnlyAndTheLimitOfTheSdkStillHolds() {
    String big = "x".repeat(100_000);
    com.google.gson.JsonObject answer = Capture.load("01").responseJson().deepCopy();
    answer.addProperty("big", big);
    wm.stubFor(post(urlPathEqualTo("/api/v1/conversations")).willReturn(okJson(answer.toString())));
    try (MastraClient client = builder().logLevel(LogLevel.BODY).build()) {
      Conversation conversation = client.conversations().create(new ConversationCreateRequest().agentId("a"));
      assertThat(conversation.additionalProperties().get("big").getAsString()).hasSize(100_000);
    }
    // WireMock gzips it: the log shows it inflated, up to the log's limit
    assertThat(lines).anyMatch(l -> l.contains("xxxx") && l.endsWith("not logged)") && l.length() < 70_000);
    lines.clear();
    try (MastraClient small = builder().logLevel(LogLevel.BODY).maxResponseSize(1000).build()) {
      assertThatThrownBy(() -> small.conversations().create(new ConversationCreateRequest().agentId("a")))
          .isInstanceOf(MastraInvalidResponseException.class).hasMessageContaining("maxResponseSize");
    }
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ <-- END \\(\\d+-byte body\\) \\(.*\\)"));
  }

  @Test
  void aStreamIsLoggedEventByEventThenItsEnd() {
    String body = captureBody("26-response-stream-tool-call");
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", SSE).withBody(body)));
    List<String> frames = frames(body);
    try (MastraClient client = secretive(LogLevel.BODY);
        ResponseStream stream = client.responses().stream(
            new ResponseCreateRequest().agentId("a").input("weather"), RequestOptions.of(CONTEXT))) {
      stream.finalResponse();
    }
    List<String> events = lines.stream().filter(l -> l.matches("#\\d+ <-- event: .*")).collect(Collectors.toList());
    assertThat(events).hasSize(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      assertThat(events.get(i)).endsWith(" <-- " + frames.get(i).replace("\n", " | "));
    }
    assertThat(lines.get(lines.size() - 1)).matches("#\\d+ <-- END stream \\(" + frames.size() + " events, "
        + body.getBytes(StandardCharsets.UTF_8).length + " bytes, \\d+ ms\\)");
    assertNoSecret();
  }

  @Test
  void eachEventIsLoggedWhenItArrivesNotWhenTheStreamEnds() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(StreamTestSupport.scripted(writer -> {
        writer.chunk(StreamTestSupport.delta(1, "first"));
        if (!release.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("never released");
        }
        writer.chunk(StreamTestSupport.delta(2, "second")).chunk(StreamTestSupport.completed(3, "completed", "first second"));
        writer.end();
      }, done, failures));
      server.start();
      try (MastraClient client = new MastraClient.Builder(name -> null).baseUrl(server.url("/").toString())
              .logLevel(LogLevel.BODY).logSink(lines::add).build();
          ResponseStream stream = client.responses().stream(new ResponseCreateRequest().agentId("a").input("x"))) {
        List<String> deltas = new ArrayList<>();
        java.util.Iterator<String> text = stream.textDeltas().iterator();
        deltas.add(text.next());
        // the first event is in the log while the server still holds back the second
        assertThat(lines).anyMatch(l -> l.contains("\"delta\":\"first\""));
        assertThat(lines).noneMatch(l -> l.contains("\"delta\":\"second\""));
        release.countDown();
        text.forEachRemaining(deltas::add);
        assertThat(deltas).containsExactly("first", "second");
      }
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(failures).isEmpty();
    }
    assertThat(lines).anyMatch(l -> l.contains("\"delta\":\"second\""));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ <-- END stream \\(3 events, .*"));
  }

  @Test
  void aGzippedBodyIsLoggedDecoded() throws Exception {
    Buffer gzipped = new Buffer();
    try (okio.BufferedSink sink = Okio.buffer(new GzipSink(gzipped))) {
      sink.writeUtf8(Capture.load("04").responseBody());
    }
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
          .setHeader("Content-Encoding", "gzip").body(gzipped).build());
      com.google.gson.JsonObject big = Capture.load("04").responseJson().deepCopy();
      big.addProperty("big", "y".repeat(100_000));
      server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
          .body(big.toString()).build());
      server.start();
      try (MastraClient client = new MastraClient.Builder(name -> null).baseUrl(server.url("/").toString())
          .logLevel(LogLevel.BODY).logSink(lines::add).build()) {
        client.conversations().retrieve("c1");
        assertThat(client.conversations().retrieve("c2").additionalProperties().get("big").getAsString())
            .hasSize(100_000);
      }
    }
    assertThat(lines).anyMatch(l -> l.matches("#1 <-- \\{\"id\":.*\\}"));
    assertThat(lines).anyMatch(l -> l.matches("#2 <-- \\{\"id\":.*yyyy\\.\\.\\. \\(\\d+ more bytes not logged\\)")
        && l.length() < 70_000);
    assertThat(lines).anyMatch(l -> l.matches("#2 <-- END \\(\\d+-byte body\\)"));
  }

  @Test
  void aRetryAndTheFailedAttemptAreLogged() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/responses/r1")).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    wm.stubFor(get(urlPathEqualTo("/api/v1/responses/r1")).inScenario("retry").whenScenarioStateIs("up")
        .willReturn(okJson(Capture.load("31").responseBody())));
    try (MastraClient client = builder().logLevel(LogLevel.BASIC).maxRetries(1)
        .retryDelays(Duration.ofMillis(1), Duration.ofMillis(2)).build()) {
      client.responses().retrieve("r1", RequestOptions.of(CONTEXT));
    }
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ <-- 503 .*GET .*/api/v1/responses/r1\\?requestContext=\\[redacted] .*"));
    assertThat(lines).anyMatch(l -> l.matches("retry 1 of GET .*/api/v1/responses/r1\\?requestContext=\\[redacted] in \\d+ ms, after HTTP 503"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ <-- 200 OK GET .*"));
    assertNoSecret();
  }

  @Test
  void anAsyncRetryAndAFailedExchangeAreLogged() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/responses/r1")).willReturn(aResponse().withStatus(500)));
    wm.stubFor(get(urlPathEqualTo("/api/v1/responses/r2")).willReturn(
        aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    try (MastraClient client = builder().logLevel(LogLevel.BASIC).maxRetries(1)
        .retryDelays(Duration.ofMillis(1), Duration.ofMillis(2)).build()) {
      assertThatThrownBy(() -> client.async().responses().retrieve("r1").join()).hasCauseInstanceOf(ServerException.class);
      assertThatThrownBy(() -> client.responses().retrieve("r2")).isInstanceOf(MastraIOException.class);
    }
    assertThat(lines).anyMatch(l -> l.matches("retry 1 of GET .*/r1 in \\d+ ms, after HTTP 500"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ <-- FAILED GET .*/r2 \\(\\d+ ms\\): .*"));
    assertThat(lines).anyMatch(l -> l.matches("retry 1 of GET .*/r2 in \\d+ ms, after java\\.net\\.SocketException.*"));
  }

  @Test
  void aRequestThatCouldNotBeSentIsLoggedOnce() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort(); // closed again below: nothing listens there
    }
    try (MastraClient client = new MastraClient.Builder(name -> null).baseUrl("http://127.0.0.1:" + port)
        .maxRetries(0).logLevel(LogLevel.BASIC).logSink(lines::add).build()) {
      assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId("a").input("x")))
          .isInstanceOf(MastraIOException.class);
    }
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).matches("#1 --> FAILED POST http://127\\.0\\.0\\.1:" + port
        + "/api/v1/responses \\(not sent\\): java\\.net\\.ConnectException.*");
    // a failure after sending is logged by the network side only
    lines.clear();
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).willReturn(
        aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    try (MastraClient client = builder().logLevel(LogLevel.BASIC).build()) {
      assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId("a").input("x")))
          .isInstanceOf(MastraIOException.class);
    }
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).matches("#1 <-- FAILED POST .*");
  }

  @Test
  void aRequestMovedOffAStaleConnectionIsLogged() throws Exception {
    String response = Capture.load("07").responseBody();
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
          connection.readRequest();
          connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nKeep-Alive: timeout=1\r\n"
              + "Content-Length: " + response.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + response);
        });
        MastraClient client = new MastraClient.Builder(name -> null).baseUrl(server.url()).maxRetries(0)
            .logLevel(LogLevel.BASIC).logSink(lines::add).build()) {
      client.responses().create(new ResponseCreateRequest().agentId("a").input("one"));
      client.responses().create(new ResponseCreateRequest().agentId("a").input("two"));
    }
    assertThat(lines).anyMatch(l -> l.matches("a pooled connection to .* was closed by the server while idle; "
        + "POST .*/api/v1/responses goes out on a fresh connection .*"));
    assertThat(lines.stream().filter(l -> l.matches("#\\d+ --> POST .*"))).hasSize(2);   // the stale try sent nothing
    assertThat(lines).noneMatch(l -> l.contains("FAILED"));                               // and failed nothing
  }

  @Test
  void aFailingSinkNeverFailsTheCall() {
    stubCreateResponse();
    try (MastraClient client = builder().logLevel(LogLevel.BODY).logSink(line -> {
          throw new IllegalStateException("sink down");
        }).build()) {
      assertThat(client.responses().create(new ResponseCreateRequest().agentId("a").input("x")).getId()).isNotBlank();
    }
  }

  @Test
  void theEnvironmentVariableSetsTheLevelWhenTheBuilderDoesNot() {
    stubCreateResponse();
    Map<String, LogLevel> cases = Map.of("headers", LogLevel.HEADERS, " Basic ", LogLevel.BASIC, "DEBUG", LogLevel.BODY,
        "body", LogLevel.BODY, "none", LogLevel.NONE, "", LogLevel.NONE);
    cases.forEach((value, level) -> {
      lines.clear();
      try (MastraClient client = builder(Map.of("MASTRA_LOG", value)).build()) {
        client.responses().create(new ResponseCreateRequest().agentId("a").input("env-body"));
      }
      assertThat(lines.isEmpty()).as(value).isEqualTo(level == LogLevel.NONE);
      assertThat(lines.stream().anyMatch(l -> l.contains("Content-Type"))).as(value)
          .isEqualTo(level.compareTo(LogLevel.HEADERS) >= 0);
      assertThat(lines.stream().anyMatch(l -> l.contains("env-body"))).as(value).isEqualTo(level == LogLevel.BODY);
    });
  }

  @Test
  void theBuildersLevelWinsOverTheEnvironmentVariable() {
    stubCreateResponse();
    try (MastraClient client = builder(Map.of("MASTRA_LOG", "body")).logLevel(LogLevel.NONE).build()) {
      client.responses().create(new ResponseCreateRequest().agentId("a").input("x"));
    }
    assertThat(lines).isEmpty();
    // a bad variable is not even read when the builder sets the level
    try (MastraClient client = builder(Map.of("MASTRA_LOG", "verbose")).logLevel(LogLevel.BASIC).build()) {
      client.responses().create(new ResponseCreateRequest().agentId("a").input("x"));
    }
    assertThat(lines).hasSize(2);
    // and a variant of a client keeps both its level and what the variable said
    lines.clear();
    try (MastraClient client = builder(Map.of("MASTRA_LOG", "basic")).build();
        MastraClient variant = client.newBuilder().build()) {
      variant.responses().create(new ResponseCreateRequest().agentId("a").input("x"));
    }
    assertThat(lines).hasSize(2);
  }

  @Test
  void aBadEnvironmentVariableIsAClearErrorAtBuild() {
    for (String bad : List.of("verbose", "trace", "1", "true", "body,headers")) {
      assertThatThrownBy(() -> builder(Map.of("MASTRA_LOG", bad)).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("MASTRA_LOG")
          .hasMessageContaining("'" + bad + "'")
          .hasMessageContaining("none, basic, headers, body or debug");
    }
  }

  @Test
  void levelsParseAndBadArgumentsAreRefusedNamingTheParameter() {
    assertThat(LogLevel.parse("NONE")).isEqualTo(LogLevel.NONE);
    assertThat(LogLevel.parse("\tHeaders\n")).isEqualTo(LogLevel.HEADERS);
    assertThatThrownBy(() -> LogLevel.parse("loud")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'loud'");
    assertThatThrownBy(() -> LogLevel.parse(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MastraClient.builder().logLevel(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("logLevel");
    assertThatThrownBy(() -> MastraClient.builder().logSink(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("logSink");
    assertThatThrownBy(() -> MastraClient.builder().redactHeader(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
  }

  @Test
  void theDefaultSinkIsSlf4jsLoggerAtInfo() {
    List<String> infos = new ArrayList<>();
    LegacyAbstractLogger recording = new LegacyAbstractLogger() {
      @Override protected String getFullyQualifiedCallerName() { return null; }
      @Override protected void handleNormalizedLoggingCall(Level level, org.slf4j.Marker marker, String message,
          Object[] arguments, Throwable throwable) {
        infos.add(level + " " + message);
      }
      @Override public boolean isTraceEnabled() { return true; }
      @Override public boolean isDebugEnabled() { return true; }
      @Override public boolean isInfoEnabled() { return true; }
      @Override public boolean isWarnEnabled() { return true; }
      @Override public boolean isErrorEnabled() { return true; }
    };
    LogSinks.Slf4j.sink(recording).log("#1 --> GET http://x/");
    assertThat(infos).containsExactly("INFO #1 --> GET http://x/");
    assertThat(LogSink.slf4j()).isNotNull();           // the build's no-op provider: found, quiet
    assertThat(LogSinks.LOGGER_NAME).isEqualTo("ai.mastra.client.http");
  }
}
