package ai.mastra.client;

import static ai.mastra.client.StreamTestSupport.SSE;
import static ai.mastra.client.StreamTestSupport.await;
import static ai.mastra.client.StreamTestSupport.captureBody;
import static ai.mastra.client.StreamTestSupport.completed;
import static ai.mastra.client.StreamTestSupport.delta;
import static ai.mastra.client.StreamTestSupport.frame;
import static ai.mastra.client.StreamTestSupport.scripted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.model.ResponseStatus;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streaming over a byte-exact MockWebServer: framing, incremental delivery, failures, cancellation, leaks. */
class ResponseStreamTest {

  private MockWebServer server;
  private final StreamTestSupport.BodyReads reads = new StreamTestSupport.BodyReads();
  private OkHttpClient http;
  private MastraClient client;
  private final List<Throwable> serverFailures = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void setUp() throws IOException {
    server = new MockWebServer();
    server.start();
    http = new OkHttpClient.Builder().addNetworkInterceptor(reads).build();
    client = clientWith(http);
  }

  private MastraClient clientWith(OkHttpClient httpClient) {
    return new MastraClient.Builder(name -> null).baseUrl(server.url("/").toString()).httpClient(httpClient).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
    server.close();
  }

  private static ResponseCreateRequest request() {
    return new ResponseCreateRequest().agentId("support-agent").input("Stream this reply please");
  }

  private static MockResponse sse(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", SSE).body(body).build();
  }

  private static List<String> types(ResponseStream stream) {
    List<String> types = new ArrayList<>();
    for (StreamEvent event : stream) {
      types.add(event.type());
    }
    return types;
  }

  /** Connections the pool holds that some call still uses: a leak once every stream is closed. */
  private int connectionsInUse() {
    return http.connectionPool().connectionCount() - http.connectionPool().idleConnectionCount();
  }

  // ------------------------------------------------------------------------------------------ request

  @Test
  void sendsStreamTrueAndAcceptEventStreamAndLeavesTheCallersRequestAlone() throws Exception {
    server.enqueue(sse(captureBody("25-response-stream")));
    ResponseCreateRequest request = request();
    RequestContext context = RequestContext.builder().set("tenant", "acme").build();

    try (ResponseStream stream =
        client.responses().stream(
            request, RequestOptions.builder().requestContext(context).header("X-Trace", "t1").build())) {
      stream.finalResponse();
    }

    RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/api/v1/responses");
    assertThat(recorded.getUrl().queryParameter("requestContext")).isNull(); // POST: in the body only
    assertThat(recorded.getHeaders().get("Accept")).isEqualTo("text/event-stream");
    assertThat(recorded.getHeaders().get("X-Trace")).isEqualTo("t1");
    JsonObject body = JsonParser.parseString(recorded.getBody().utf8()).getAsJsonObject();
    assertThat(body.get("stream").getAsBoolean()).isTrue();
    assertThat(body.get("agent_id").getAsString()).isEqualTo("support-agent");
    assertThat(body.getAsJsonObject("requestContext").get("tenant").getAsString()).isEqualTo("acme");
    assertThat(request.getStream()).isNull();
    assertThat(request.getRequestContext()).isNull();
  }

  @Test
  void invalidArgumentsFailBeforeAnyRequest() {
    assertThatThrownBy(() -> client.responses().stream(new ResponseCreateRequest().input("hi")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agentId");
    assertThatThrownBy(() -> client.responses().stream(request(), (RequestOptions) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("options");
    assertThatThrownBy(() -> client.responses().stream(request(), RequestOptions.none(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("listener");
    assertThat(server.getRequestCount()).isZero();
  }

  // ------------------------------------------------------------------------------------------ events

  @Test
  void deliversEveryEventTypeInOrderDecoded() {
    String body =
        frame("response.created", "{\"type\":\"response.created\",\"sequence_number\":1,\"response\":{\"id\":\"r\",\"status\":\"in_progress\",\"output\":[]}}")
            + frame("response.in_progress", "{\"type\":\"response.in_progress\",\"sequence_number\":2,\"response\":{\"id\":\"r\",\"status\":\"in_progress\",\"output\":[]}}")
            + frame("response.output_item.added", "{\"type\":\"response.output_item.added\",\"sequence_number\":3,\"output_index\":0,\"item\":{\"id\":\"call_1\",\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":\"\"}}")
            + frame("response.function_call_arguments.delta", "{\"type\":\"response.function_call_arguments.delta\",\"sequence_number\":4,\"item_id\":\"call_1\",\"output_index\":0,\"delta\":\"{\\\"city\\\":\"}")
            + frame("response.function_call_arguments.done", "{\"type\":\"response.function_call_arguments.done\",\"sequence_number\":5,\"item_id\":\"call_1\",\"output_index\":0,\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}")
            + frame("response.output_item.done", "{\"type\":\"response.output_item.done\",\"sequence_number\":6,\"output_index\":0,\"item\":{\"id\":\"call_1\",\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\",\"status\":\"completed\"}}")
            + frame("response.content_part.added", "{\"type\":\"response.content_part.added\",\"sequence_number\":7,\"item_id\":\"m\",\"output_index\":1,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"\"}}")
            + frame("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":8,\"item_id\":\"m\",\"output_index\":1,\"content_index\":0,\"delta\":\"Hi\"}")
            + frame("response.output_text.done", "{\"type\":\"response.output_text.done\",\"sequence_number\":9,\"item_id\":\"m\",\"output_index\":1,\"content_index\":0,\"text\":\"Hi\"}")
            + frame("response.content_part.done", "{\"type\":\"response.content_part.done\",\"sequence_number\":10,\"item_id\":\"m\",\"output_index\":1,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"Hi\"}}")
            + frame("error", "{\"type\":\"error\",\"sequence_number\":11,\"code\":\"rate_limited\",\"message\":\"slow down\",\"param\":null}")
            + frame("response.failed", "{\"type\":\"response.failed\",\"sequence_number\":12,\"response\":{\"id\":\"r\",\"status\":\"failed\",\"output\":[]}}")
            + frame("response.incomplete", "{\"type\":\"response.incomplete\",\"sequence_number\":13,\"response\":{\"id\":\"r\",\"status\":\"incomplete\",\"output\":[]}}")
            + frame("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":14,\"response\":{\"id\":\"r\",\"status\":\"completed\",\"output\":[]}}");
    server.enqueue(sse(body));

    List<StreamEvent> events = new ArrayList<>();
    try (ResponseStream stream = client.responses().stream(request())) {
      stream.forEach(events::add);
    }

    assertThat(events).extracting(StreamEvent::type).containsExactly(
        "response.created", "response.in_progress", "response.output_item.added",
        "response.function_call_arguments.delta", "response.function_call_arguments.done",
        "response.output_item.done", "response.content_part.added", "response.output_text.delta",
        "response.output_text.done", "response.content_part.done", "error", "response.failed",
        "response.incomplete", "response.completed");
    assertThat(events).allMatch(StreamEvent::isKnown);
    assertThat(events).extracting(e -> e.sequenceNumber().getAsLong())
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
    assertThat(events.get(0).data().asCreated().getResponse().getStatus()).isEqualTo(ResponseStatus.IN_PROGRESS);
    assertThat(events.get(2).data().asOutputItemAdded().getItem().asFunctionCall().getName()).isEqualTo("get_weather");
    assertThat(events.get(3).data().asFunctionCallArgumentsDelta().getDelta()).isEqualTo("{\"city\":");
    assertThat(events.get(4).data().asFunctionCallArgumentsDone().getArguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(events.get(6).data().asContentPartAdded().getPart().getType()).isEqualTo("output_text");
    assertThat(events.get(7).asOutputTextDelta().getDelta()).isEqualTo("Hi");
    assertThat(events.get(7).asOutputTextDelta().getOutputIndex()).isEqualTo(1);
    assertThat(events.get(8).asOutputTextDone().getText()).isEqualTo("Hi");
    assertThat(events.get(10).data().asError().getCode()).isEqualTo("rate_limited");
    assertThat(events.get(10).data().asError().getMessage()).isEqualTo("slow down");
    assertThat(events.get(11).data().asFailed().getResponse().getStatus()).isEqualTo(ResponseStatus.FAILED);
    assertThat(events.get(13).rawJson()).isEqualTo(
        "{\"type\":\"response.completed\",\"sequence_number\":14,\"response\":{\"id\":\"r\",\"status\":\"completed\",\"output\":[]}}");
  }

  @Test
  void anUnknownEventTypeIsDeliveredWithItsRawJsonAndDoesNotStopTheStream() {
    String weird = "{\"type\":\"response.reasoning.delta\",\"sequence_number\":2,\"item\":\"not an object\",\"delta\":{\"x\":[1]}}";
    String noType = "{\"hello\":\"world\"}";
    server.enqueue(sse(
        delta(1, "A")
            + frame("response.reasoning.delta", weird)
            + "event: custom.thing\ndata: " + noType + "\n\n"
            + delta(3, "B")
            + completed(4, "completed", "AB")));

    List<StreamEvent> events = new ArrayList<>();
    try (ResponseStream stream = client.responses().stream(request())) {
      stream.forEach(events::add);
      assertThat(stream.outputText()).isEqualTo("AB");
    }

    assertThat(events).extracting(StreamEvent::type).containsExactly(
        "response.output_text.delta", "response.reasoning.delta", "custom.thing", "response.output_text.delta",
        "response.completed");
    StreamEvent unknown = events.get(1);
    assertThat(unknown.isKnown()).isFalse();
    assertThat(unknown.rawJson()).isEqualTo(weird);
    assertThat(unknown.sequenceNumber()).hasValue(2);
    assertThat(unknown.data().getType()).isEqualTo("response.reasoning.delta");
    assertThat(events.get(2).isKnown()).isFalse();
    assertThat(events.get(2).rawJson()).isEqualTo(noType);
    assertThat(events.get(2).sequenceNumber()).isEmpty();
  }

  @Test
  void commentsCrlfLineEndsAndOneByteChunksAreReadLikeTheRealServersStream() {
    String body = captureBody("25-response-stream");
    String crlfWithComments = ": hello\r\n" + body.replace("\n", "\r\n").replace("\r\n\r\nevent:", "\r\n\r\n: ping\r\n\r\nevent:");
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", SSE)
        .chunkedBody(crlfWithComments, 1)
        .build());

    List<String> deltas = new ArrayList<>();
    try (ResponseStream stream = client.responses().stream(request())) {
      stream.textDeltas().forEach(deltas::add);
      assertThat(stream.finalResponse().getStatus()).isEqualTo(ResponseStatus.COMPLETED);
    }

    assertThat(deltas).containsExactly("Echo: ", "Stream ", "this ", "reply ", "please");
  }

  @Test
  void aFourByteCharacterSplitAcrossChunksArrivesWhole() throws Exception {
    byte[] emoji = "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
    byte[] event = delta(1, "a\uD83D\uDE00b").getBytes(StandardCharsets.UTF_8);
    int at = indexOf(event, emoji);
    CountDownLatch done = new CountDownLatch(1);
    server.enqueue(scripted(w -> {
      // each piece is sent only once the client has read the previous one and waits for more, so the
      // client's reads really end inside the character
      w.chunk(Arrays.copyOfRange(event, 0, at + 1));
      blockedAfter(at + 1);
      w.chunk(Arrays.copyOfRange(event, at + 1, at + 3));
      blockedAfter(at + 3);
      w.chunk(Arrays.copyOfRange(event, at + 3, event.length));
      w.chunk(completed(2, "completed", "a\uD83D\uDE00b"));
      w.end();
    }, done, serverFailures));

    try (ResponseStream stream = client.responses().stream(request())) {
      assertThat(stream.textDeltas()).containsExactly("a\uD83D\uDE00b");
    }
    assertThat(serverFailures).isEmpty();
  }

  /** Waits until the client has read {@code bytes} body bytes and waits for more; fails after 10 s. */
  private void blockedAfter(long bytes) throws InterruptedException {
    if (!reads.awaitBlockedAfter(bytes)) {
      throw new AssertionError("the client did not read " + bytes + " bytes and wait for more within 10 s");
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  // ------------------------------------------------------------------------------------------ endings

  @Test
  void doneEndsTheStreamAndTheFinalResponseIsPutTogetherWhenNoCompletedCame() {
    server.enqueue(sse(
        frame("response.created", "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"r\",\"object\":\"response\",\"status\":\"in_progress\",\"output\":[]}}")
            + frame("response.output_item.added", "{\"type\":\"response.output_item.added\",\"sequence_number\":1,\"output_index\":0,\"item\":{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"status\":\"in_progress\",\"content\":[]}}")
            + delta(2, "Hel")
            + delta(3, "lo")
            + "data: [DONE]\n\n"
            + delta(4, "never read")));

    try (ResponseStream stream = client.responses().stream(request())) {
      assertThat(stream.textDeltas()).containsExactly("Hel", "lo");
      Response response = stream.finalResponse();
      assertThat(response.getId()).isEqualTo("r");
      assertThat(Responses.outputText(response)).isEqualTo("Hello");
      assertThat(response.getStatus()).isEqualTo(ResponseStatus.IN_PROGRESS);
      assertThatThrownBy(stream::requireCompleted).isInstanceOf(ResponseIncompleteException.class);
    }
  }

  @Test
  void outputTextDoneReplacesTheStreamedTextWhenNoItemDoneFollows() {
    server.enqueue(sse(
        frame("response.created", "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"r\",\"object\":\"response\",\"status\":\"in_progress\",\"output\":[]}}")
            + frame("response.output_item.added", "{\"type\":\"response.output_item.added\",\"sequence_number\":1,\"output_index\":0,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"status\":\"in_progress\",\"content\":[]}}")
            + delta(2, "Hel")
            + delta(3, "lo")
            + frame("response.output_text.done", "{\"type\":\"response.output_text.done\",\"sequence_number\":4,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"text\":\"Hello\"}")
            + "data: [DONE]\n\n"));

    try (ResponseStream stream = client.responses().stream(request())) {
      assertThat(stream.textDeltas()).containsExactly("Hel", "lo");
      assertThat(stream.outputText()).isEqualTo("Hello");
    }
  }

  @Test
  void doneAfterCompletedEndsCleanlyWithTheCompletedResponse() {
    server.enqueue(sse(delta(1, "Hi") + completed(2, "completed", "Hi") + "data: [DONE]\n\n"));

    try (ResponseStream stream = client.responses().stream(request())) {
      assertThat(types(stream)).containsExactly("response.output_text.delta", "response.completed");
      assertThat(stream.requireCompleted().getId()).isEqualTo("msg_1");
    }
    assertThat(connectionsInUse()).isZero();
  }

  @Test
  void withoutDoneTheStreamEndsWhenTheServerClosesItAfterCompleted() {
    server.enqueue(sse(captureBody("27-response-stream-store-conversation")));

    try (ResponseStream stream = client.responses().stream(request())) {
      assertThat(types(stream)).endsWith("response.completed").hasSize(12);
      assertThat(stream.requireCompleted().getConversationId()).isEqualTo("conv-fixed-1");
      assertThat(stream.iterator().hasNext()).isFalse();
    }
  }

  @Test
  void aBodyThatEndsBeforeTheResponseDidIsAnErrorNotASuccess() {
    server.enqueue(sse(delta(1, "Partial ") + delta(2, "answ")));

    try (ResponseStream stream = client.responses().stream(request())) {
      List<String> seen = new ArrayList<>();
      assertThatThrownBy(() -> stream.textDeltas().forEach(seen::add))
          .isInstanceOf(MastraIOException.class)
          .hasMessageContaining("ended before the response did");
      assertThat(seen).containsExactly("Partial ", "answ");
      assertThatThrownBy(stream::finalResponse).isInstanceOf(MastraIOException.class);
    }
  }

  @Test
  void aDroppedConnectionMidStreamIsAMastraIOExceptionAfterTheEventsBeforeIt() {
    CountDownLatch done = new CountDownLatch(1);
    server.enqueue(scripted(w -> {
      w.chunk(delta(1, "Partial "));
      w.chunk("event: response.output_text.delta\ndata: {\"type\":\"resp");
      w.drop();
    }, done, serverFailures));

    List<String> seen = new ArrayList<>();
    try (ResponseStream stream = client.responses().stream(request())) {
      assertThatThrownBy(() -> stream.textDeltas().forEach(seen::add))
          .isInstanceOf(MastraIOException.class)
          .hasMessageContaining("POST /api/v1/responses failed")
          .cause().isInstanceOf(IOException.class);
      assertThat(seen).containsExactly("Partial ");
      assertThatThrownBy(stream::outputText).isInstanceOf(MastraIOException.class);
    }
    assertThat(connectionsInUse()).isZero();
  }

  @Test
  void anEventWhoseDataIsNotJsonIsAnInvalidResponse() {
    server.enqueue(sse(delta(1, "A") + "event: response.output_text.delta\ndata: {not json\n\n" + delta(3, "B")));

    try (ResponseStream stream = client.responses().stream(request())) {
      assertThatThrownBy(() -> types(stream))
          .isInstanceOf(MastraInvalidResponseException.class)
          .satisfies(e -> assertThat(((MastraInvalidResponseException) e).body()).isEqualTo("{not json"));
    }
  }

  // ------------------------------------------------------------------------------------------ errors before the stream

  @Test
  void anErrorStatusBeforeTheStreamIsTheSameTypedExceptionAsCreate() {
    JsonObject capture = StreamTestSupport.capture("30-response-stream-error-unknown-agent");
    server.enqueue(new MockResponse.Builder()
        .code(capture.getAsJsonObject("response").get("status").getAsInt())
        .setHeader("Content-Type", "application/json")
        .body(capture.getAsJsonObject("response").get("body").toString())
        .build());

    assertThatThrownBy(() -> client.responses().stream(request().agentId("no-such-agent")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Agent with id no-such-agent not found")
        .satisfies(e -> assertThat(((NotFoundException) e).statusCode()).isEqualTo(404));
    assertThat(connectionsInUse()).isZero();
  }

  @Test
  void aServerErrorBeforeTheStreamIsAServerException() {
    server.enqueue(new MockResponse.Builder().code(500).setHeader("Content-Type", "application/json")
        .body("{\"error\":\"boom\"}").build());

    assertThatThrownBy(() -> client.responses().stream(request()))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("boom");
    assertThat(server.getRequestCount()).isEqualTo(1); // never retried
  }

  @Test
  void aSuccessThatIsNotAnEventStreamIsAnInvalidResponse() {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"id\":\"r\"}").build());

    assertThatThrownBy(() -> client.responses().stream(request()))
        .isInstanceOf(MastraInvalidResponseException.class)
        .hasMessageContaining("expected a text/event-stream answer, got application/json")
        .satisfies(e -> assertThat(((MastraInvalidResponseException) e).body()).isEqualTo("{\"id\":\"r\"}"));
    assertThat(connectionsInUse()).isZero();
  }

  // ------------------------------------------------------------------------------------------ incremental

  @Test
  void theFirstDeltaReachesTheCallerBeforeTheServerWritesTheSecond() throws Exception {
    CountDownLatch firstSeen = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    boolean[] seenBeforeSecond = new boolean[1];
    server.enqueue(scripted(w -> {
      w.chunk(delta(1, "first "));
      seenBeforeSecond[0] = firstSeen.await(5, TimeUnit.SECONDS);
      w.chunk(delta(2, "second"));
      w.chunk(completed(3, "completed", "first second"));
      w.end();
    }, done, serverFailures));

    List<String> deltas = new ArrayList<>();
    try (ResponseStream stream = client.responses().stream(request())) {
      for (String delta : stream.textDeltas()) {
        deltas.add(delta);
        firstSeen.countDown();
      }
    }

    assertThat(await(done)).isTrue();
    assertThat(seenBeforeSecond[0]).as("the client saw the first delta while the server waited").isTrue();
    assertThat(deltas).containsExactly("first ", "second");
  }

  @Test
  void theClientsCallTimeoutDoesNotKillASlowStreamWithinItsIdleTimeout() {
    // The client's read timeout is a stream's default idle timeout (so it is longer than the pause here);
    // the OkHttp client's whole-call timeout does not apply to a stream at all.
    client.close();
    OkHttpClient impatient = http.newBuilder().callTimeout(Duration.ofMillis(200)).build();
    client = new MastraClient.Builder(name -> null).baseUrl(server.url("/").toString()).httpClient(impatient)
        .readTimeout(Duration.ofSeconds(5)).build();
    CountDownLatch done = new CountDownLatch(1);
    server.enqueue(scripted(w -> {
      w.chunk(delta(1, "slow "));
      Thread.sleep(350); // the stimulus, not a wait for something: silence longer than both timeouts
      w.chunk(delta(2, "writer"));
      w.chunk(completed(3, "completed", "slow writer"));
      w.end();
    }, done, serverFailures));

    try (ResponseStream stream = client.responses().stream(request())) {
      assertThat(stream.requireCompleted().getStatus()).isEqualTo(ResponseStatus.COMPLETED);
    }
  }

  @Test
  void theIdleTimeoutOfTheOptionsFailsAStalledStream() {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    server.enqueue(scripted(w -> {
      w.chunk(delta(1, "then silence"));
      release.await(10, TimeUnit.SECONDS);
    }, done, serverFailures));

    long start = System.nanoTime();
    try (ResponseStream stream = client.responses().stream(
        request(), RequestOptions.builder().timeout(Duration.ofMillis(300)).build())) {
      Iterable<String> deltas = stream.textDeltas();
      assertThatThrownBy(() -> deltas.forEach(d -> { }))
          .isInstanceOf(MastraIOException.class)
          .cause().isInstanceOf(SocketTimeoutException.class);
    } finally {
      release.countDown();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(connectionsInUse()).isZero();
  }

  // ------------------------------------------------------------------------------------------ closing

  /**
   * A server that writes two events, then (once the test says the client closed) waits until its end of the
   * connection sees the client go, and counts down {@code left}.
   */
  private MockResponse writesTwoEventsThenSeesTheClientLeave(
      CountDownLatch clientClosed, CountDownLatch left, CountDownLatch done) {
    return scripted(w -> {
      w.chunk(frame("response.created", "{\"type\":\"response.created\",\"sequence_number\":1}"));
      w.chunk(delta(2, "first"));
      clientClosed.await(10, TimeUnit.SECONDS);
      if (w.clientLeaves()) {
        left.countDown();
      }
    }, done, serverFailures);
  }

  @Test
  void closeAfterTheFirstDeltaCancelsTheCallAndLeaksNoConnection() {
    CountDownLatch clientClosed = new CountDownLatch(1);
    CountDownLatch left = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    server.enqueue(writesTwoEventsThenSeesTheClientLeave(clientClosed, left, done));

    ResponseStream stream = client.responses().stream(request());
    assertThat(stream.textDeltas().iterator().next()).isEqualTo("first");
    stream.close();
    clientClosed.countDown();

    assertThat(connectionsInUse()).isZero();
    assertThat(http.connectionPool().connectionCount()).isZero();
    assertThat(await(left)).as("the server saw the client close the connection").isTrue();
    assertThat(await(done)).isTrue();
    assertThat(serverFailures).isEmpty();
    assertThatThrownBy(() -> stream.iterator().hasNext())
        .isInstanceOf(MastraIOException.class)
        .hasMessageContaining("cancelled");
    stream.close(); // idempotent
  }

  @Test
  void breakingOutOfAForEachInTryWithResourcesLeaksNothing() {
    CountDownLatch clientClosed = new CountDownLatch(1);
    CountDownLatch left = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    server.enqueue(writesTwoEventsThenSeesTheClientLeave(clientClosed, left, done));

    try (ResponseStream stream = client.responses().stream(request())) {
      for (StreamEvent event : stream) {
        if (event.type().equals("response.output_text.delta")) {
          break;
        }
      }
    }
    clientClosed.countDown();

    assertThat(connectionsInUse()).isZero();
    assertThat(await(left)).as("the server saw the client close the connection").isTrue();
    assertThat(await(done)).isTrue();
    assertThat(serverFailures).isEmpty();
  }

  @Test
  void closeFromAnotherThreadMidEventUnblocksTheReader() throws Exception {
    CountDownLatch clientClosed = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    String first = delta(1, "first");
    String half = "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.del";
    server.enqueue(scripted(w -> {
      w.chunk(first);
      w.chunk(half);
      clientClosed.await(10, TimeUnit.SECONDS);
    }, done, serverFailures));

    ResponseStream stream = client.responses().stream(request());
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> stream.textDeltas().forEach(seen::add));
    // the reader has read every byte sent (the first event and half of the next) and waits for the rest
    blockedAfter((first + half).getBytes(StandardCharsets.UTF_8).length);
    stream.close();
    clientClosed.countDown();

    assertThatThrownBy(() -> reader.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(MastraIOException.class)
        .hasMessageContaining("cancelled");
    assertThat(seen).containsExactly("first");
    assertThat(connectionsInUse()).isZero();
  }

  @Test
  void theJavaStreamViewClosesTheResponseStream() {
    CountDownLatch clientClosed = new CountDownLatch(1);
    CountDownLatch left = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    server.enqueue(writesTwoEventsThenSeesTheClientLeave(clientClosed, left, done));

    ResponseStream responseStream = client.responses().stream(request());
    try (java.util.stream.Stream<StreamEvent> events = responseStream.stream()) {
      assertThat(events.map(StreamEvent::type).limit(2).collect(Collectors.toList()))
          .containsExactly("response.created", "response.output_text.delta");
    }
    clientClosed.countDown();

    assertThat(connectionsInUse()).isZero();
    assertThatThrownBy(responseStream::finalResponse).isInstanceOf(MastraIOException.class);
  }

  // ------------------------------------------------------------------------------------------ incomplete

  @Test
  void aModelFailureMidStreamIsAnIncompleteFinalResponseAndAnOptInException() {
    server.enqueue(sse(captureBody("78-error-model-failure-stream")));

    try (ResponseStream stream = client.responses().stream(request().input("please explode"))) {
      assertThat(String.join("", stream.textDeltas())).isEqualTo("Partial answer before failure");
      Response response = stream.finalResponse();
      assertThat(response.getStatus()).isEqualTo(ResponseStatus.INCOMPLETE);
      assertThatThrownBy(stream::requireCompleted)
          .isInstanceOf(ResponseIncompleteException.class)
          .hasMessageContaining("ended with status incomplete")
          .satisfies(e -> assertThat(((ResponseIncompleteException) e).response()).isSameAs(response));
    }
  }

  // ------------------------------------------------------------------------------------------ listener

  /** Records every listener call as text, in order. */
  private static class Recorder implements ResponseStreamListener {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<String> threads = Collections.synchronizedList(new ArrayList<>());
    volatile MastraException error;
    final CountDownLatch last = new CountDownLatch(1);

    @Override
    public void onEvent(StreamEvent event) {
      threads.add(Thread.currentThread().getName());
      calls.add(event.type());
    }

    @Override
    public void onComplete(Response response) {
      calls.add("complete:" + response.getStatus().value());
      last.countDown();
    }

    @Override
    public void onError(MastraException error) {
      this.error = error;
      calls.add("error:" + error.getClass().getSimpleName());
      last.countDown();
    }
  }

  @Test
  void theListenerGetsEveryEventThenOnCompleteAndTheFutureTheResponse() throws Exception {
    String body = captureBody("26-response-stream-tool-call");
    server.enqueue(sse(body));
    Recorder recorder = new Recorder();

    CompletableFuture<Response> future = client.responses().stream(request(), RequestOptions.none(), recorder);

    Response response = future.get(10, TimeUnit.SECONDS);
    assertThat(recorder.calls).hasSize(25).endsWith("response.completed", "complete:completed");
    assertThat(recorder.calls.get(0)).isEqualTo("response.created");
    assertThat(Responses.outputText(response)).isEqualTo("The weather in Paris is sunny and 18 degrees C.");
    assertThat(recorder.threads).isNotEmpty().allMatch(name -> !name.equals(Thread.currentThread().getName()));
    assertThat(connectionsInUse()).isZero();
  }

  @Test
  void theListenerGetsOnErrorForAnErrorStatus() {
    server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
        .body("{\"error\":\"Agent with id x not found\"}").build());
    Recorder recorder = new Recorder();

    CompletableFuture<Response> future = client.responses().stream(request(), RequestOptions.none(), recorder);

    assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(NotFoundException.class);
    assertThat(recorder.calls).containsExactly("error:NotFoundException");
  }

  @Test
  void cancellingTheFutureClosesTheStreamAndEndsTheListenerWithOnError() throws Exception {
    CountDownLatch clientClosed = new CountDownLatch(1);
    CountDownLatch left = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    server.enqueue(writesTwoEventsThenSeesTheClientLeave(clientClosed, left, done));
    CountDownLatch firstDelta = new CountDownLatch(1);
    Recorder recorder = new Recorder() {
      @Override
      public void onEvent(StreamEvent event) {
        super.onEvent(event);
        if (event.type().equals("response.output_text.delta")) {
          firstDelta.countDown();
        }
      }
    };

    CompletableFuture<Response> future = client.responses().stream(request(), RequestOptions.none(), recorder);
    assertThat(await(firstDelta)).isTrue();
    assertThat(future.cancel(true)).isTrue();
    clientClosed.countDown();

    assertThat(await(recorder.last)).isTrue();
    assertThat(recorder.calls).containsExactly("response.created", "response.output_text.delta", "error:MastraIOException");
    assertThat(recorder.error).hasMessageContaining("cancelled");
    assertThat(await(done)).isTrue();
    assertThat(connectionsInUse()).isZero();
  }

  @Test
  void aListenerThatThrowsFailsTheFutureWithItsExceptionAndHearsNoMore() {
    server.enqueue(sse(captureBody("25-response-stream")));
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    IllegalStateException bug = new IllegalStateException("listener bug");

    CompletableFuture<Response> future = client.responses().stream(request(), RequestOptions.none(),
        new ResponseStreamListener() {
          @Override
          public void onEvent(StreamEvent event) {
            calls.add(event.type());
            throw bug;
          }

          @Override
          public void onComplete(Response response) {
            calls.add("complete");
          }

          @Override
          public void onError(MastraException error) {
            calls.add("error");
          }
        });

    assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).cause().isSameAs(bug);
    assertThat(calls).containsExactly("response.created");
    assertThat(connectionsInUse()).isZero();
  }

  @Test
  void sequenceNumbersOfTheRealServerCountFromOneWithoutGaps() {
    server.enqueue(sse(captureBody("26-response-stream-tool-call")));

    List<Long> numbers = new ArrayList<>();
    try (ResponseStream stream = client.responses().stream(request())) {
      stream.forEach(e -> numbers.add(e.sequenceNumber().getAsLong()));
    }

    for (int i = 0; i < numbers.size(); i++) {
      assertThat(numbers.get(i)).isEqualTo(i + 1L);
    }
    assertThat(numbers).hasSize(24);
  }
}
