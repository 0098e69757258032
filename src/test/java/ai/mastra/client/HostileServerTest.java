package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A broken or hostile server gets a typed error, never a crash, a hang or an exhausted heap: absurd stream
 * indexes, failing callbacks, cursors that go round, bodies larger than the limits.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileServerTest extends WireMockClientTest {

  private static String sse(String... frames) {
    return String.join("", frames);
  }

  private static String textDelta(String contentIndex) {
    return StreamTestSupport.frame("response.output_text.delta",
        "{\"type\":\"response.output_text.delta\",\"output_index\":0,\"content_index\":" + contentIndex
            + ",\"item_id\":\"m\",\"delta\":\"x\",\"sequence_number\":1}");
  }

  private void answerStream(String body) {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withHeader("Content-Type", StreamTestSupport.SSE).withBody(body)));
  }

  private static ResponseCreateRequest turn() {
    return new ResponseCreateRequest().agentId("a").input("x");
  }

  @ParameterizedTest(name = "content_index {0}")
  @ValueSource(strings = {"-1", "2147483648", "100000000", "1024"})
  void anAbsurdContentIndexIsAnInvalidResponseWhenReading(String index) {
    answerStream(sse(textDelta(index)));

    try (ResponseStream stream = client.responses().stream(turn())) {
      assertThatThrownBy(stream::finalResponse).isInstanceOf(MastraInvalidResponseException.class);
    }
  }

  @ParameterizedTest(name = "content_index {0}")
  @ValueSource(strings = {"-1", "2147483648", "100000000"})
  void anAbsurdContentIndexReachesTheListenersOnErrorAndFailsTheFuture(String index) throws Exception {
    answerStream(sse(textDelta(index)));
    AtomicReference<MastraException> heard = new AtomicReference<>();

    CompletableFuture<Response> done = client.responses().stream(turn(), RequestOptions.none(),
        new ResponseStreamListener() {
          @Override
          public void onError(MastraException error) {
            heard.set(error);
          }
        });

    assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(MastraInvalidResponseException.class);
    assertThat(heard.get()).isInstanceOf(MastraInvalidResponseException.class);
  }

  @Test
  void aContentIndexJustUnderTheBoundIsAccepted() {
    answerStream(sse(textDelta("1023"),
        StreamTestSupport.frame("error", "{\"type\":\"error\",\"code\":\"x\",\"message\":\"m\",\"sequence_number\":2}")));

    try (ResponseStream stream = client.responses().stream(turn())) {
      assertThat(stream.finalResponse().getOutput().get(0).asMessage().getContent()).hasSize(1024);
    }
  }

  @Test
  void aListenerWhoseOnErrorThrowsStillCompletesTheFuture() throws Exception {
    answerStream(sse(textDelta("-1")));

    CompletableFuture<Response> done = client.responses().stream(turn(), RequestOptions.none(),
        new ResponseStreamListener() {
          @Override
          public void onError(MastraException error) {
            throw new IllegalStateException("listener bug");
          }
        });

    assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(MastraInvalidResponseException.class)
        .satisfies(e -> assertThat(e.getCause().getSuppressed()).singleElement()
            .satisfies(s -> assertThat(s).hasMessage("listener bug")));
  }

  @Test
  void aListenerWhoseOnEventThrowsFailsTheFutureWithThatException() {
    answerStream(StreamTestSupport.captureBody("25-response-stream"));

    CompletableFuture<Response> done = client.responses().stream(turn(), RequestOptions.none(),
        new ResponseStreamListener() {
          @Override
          public void onEvent(StreamEvent event) {
            throw new IllegalStateException("listener bug");
          }
        });

    assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
  }

  /** Pages whose cursors go round: i1 → i2 → i1 ... with has_more every time. */
  private void answerCyclingPages() {
    String first = "{\"object\":\"list\",\"data\":[{\"id\":\"i1\",\"type\":\"message\",\"role\":\"user\",\"content\":[]}],\"first_id\":\"i1\","
        + "\"last_id\":\"i1\",\"has_more\":true}";
    String second = "{\"object\":\"list\",\"data\":[{\"id\":\"i2\",\"type\":\"message\",\"role\":\"user\",\"content\":[]}],\"first_id\":\"i2\","
        + "\"last_id\":\"i2\",\"has_more\":true}";
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1/items")).willReturn(okJson(first)));
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1/items"))
        .withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.equalTo("i1"))
        .willReturn(okJson(second)));
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1/items"))
        .withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.equalTo("i2"))
        .willReturn(okJson(first)));
  }

  @Test
  void aPagerWhoseCursorsCycleStopsWithAnInvalidResponse() {
    answerCyclingPages();
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> client.conversations().items().list("c1").autoPager()
            .forEach(item -> seen.add(item.getId())))
        .isInstanceOf(MastraInvalidResponseException.class)
        .hasMessageContaining("a cursor already followed");
    assertThat(seen).containsExactly("i1", "i2", "i1");
  }

  @Test
  void anAsyncPagerWhoseCursorsCycleStopsWithAnInvalidResponse() {
    answerCyclingPages();
    List<String> seen = new ArrayList<>();

    CompletableFuture<Void> all = client.async().conversations().items().list("c1")
        .thenCompose(page -> page.forEachAsync((OutputItem item) -> seen.add(item.getId())));

    assertThatThrownBy(() -> all.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(MastraInvalidResponseException.class);
    assertThat(seen).containsExactly("i1", "i2", "i1");
  }

  @Test
  void aBodyLargerThanTheLimitIsAnInvalidResponse() {
    char[] filler = new char[4096];
    Arrays.fill(filler, 'a');
    wm.stubFor(get(anyUrl()).willReturn(okJson("{\"id\":\"" + new String(filler) + "\"}")));

    try (MastraClient small = MastraClient.builder().baseUrl(wm.baseUrl()).maxResponseSize(1024).build()) {
      assertThatThrownBy(() -> small.conversations().retrieve("c1"))
          .isInstanceOf(MastraInvalidResponseException.class)
          .hasMessageContaining("larger than the client's maxResponseSize of 1024 bytes");
      assertThat(wm.getAllServeEvents()).as("not retried: a too large answer is not a passing fault").hasSize(1);
    }
  }

  @Test
  void aGzipBodyThatInflatesPastTheLimitFailsCleanly() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 16; i++) {
        gzip.write(zeros); // 16 MiB of zeros: a few KiB on the wire
      }
    }
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withHeader("Content-Encoding", "gzip").withBody(zipped.toByteArray())));

    try (MastraClient small = MastraClient.builder().baseUrl(wm.baseUrl()).maxResponseSize(1024 * 1024).build()) {
      assertThat(zipped.size()).isLessThan(1024 * 1024);
      assertThatThrownBy(() -> small.responses().retrieve("r1"))
          .isInstanceOf(MastraInvalidResponseException.class)
          .hasMessageContaining("maxResponseSize");
    }
  }

  @Test
  void aStreamEventLargerThanTheLimitIsAnInvalidResponse() {
    char[] filler = new char[4096];
    Arrays.fill(filler, 'x');
    answerStream(StreamTestSupport.delta(1, new String(filler)));

    try (MastraClient small = MastraClient.builder().baseUrl(wm.baseUrl()).maxResponseSize(1024).build();
        ResponseStream stream = small.responses().stream(turn())) {
      assertThatThrownBy(stream::finalResponse)
          .isInstanceOf(MastraInvalidResponseException.class)
          .hasMessageContaining("maxResponseSize of 1024 bytes");
    }
  }

  @Test
  void aLineThatNeverEndsIsRefusedBeforeItFillsTheHeap() {
    char[] filler = new char[64 * 1024];
    Arrays.fill(filler, 'x');
    answerStream("data: " + new String(filler)); // no line end at all

    try (MastraClient small = MastraClient.builder().baseUrl(wm.baseUrl()).maxResponseSize(1024).build();
        ResponseStream stream = small.responses().stream(turn())) {
      assertThatThrownBy(stream::finalResponse)
          .isInstanceOf(MastraInvalidResponseException.class)
          .hasMessageContaining("a line of the event stream is longer");
    }
  }

  @Test
  void anErrorBodyIsKeptUpTo64KiB() {
    char[] filler = new char[1024 * 1024];
    Arrays.fill(filler, 'e');
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404).withBody(new String(filler))));

    assertThatThrownBy(() -> client.conversations().retrieve("c1"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.body()).hasSize(64 * 1024));
  }

  @Test
  void theDefaultLimitIs64MiB() {
    assertThat(client.transport().limits().maxResponseSize()).isEqualTo(64L * 1024 * 1024);
    assertThatThrownBy(() -> MastraClient.builder().maxResponseSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResponseSize");
  }

  @Test
  void aCaptureStillDecodesUnderTheLimits() {
    wm.stubFor(get(anyUrl()).willReturn(Capture.load("31").answer()));

    assertThat(client.responses().retrieve("r1").getId()).isNotBlank();
  }

  @Test
  void aBodyOfExactlyTheLimitIsReadAndOneByteMoreIsNot() {
    String body = Capture.load("31").responseBody();
    int size = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    wm.stubFor(get(anyUrl()).willReturn(okJson(body)));

    try (MastraClient exact = MastraClient.builder().baseUrl(wm.baseUrl()).maxResponseSize(size).build();
        MastraClient smaller = MastraClient.builder().baseUrl(wm.baseUrl()).maxResponseSize(size - 1).build()) {
      assertThat(exact.responses().retrieve("r1").getId()).isNotBlank();
      assertThatThrownBy(() -> smaller.responses().retrieve("r1"))
          .isInstanceOf(MastraInvalidResponseException.class)
          .hasMessageContaining("larger than the client's maxResponseSize of " + (size - 1) + " bytes");
    }
  }

  @Test
  void aChunkedBodyOneByteOverTheLimitIsRefusedAsItArrives() {
    String body = Capture.load("31").responseBody();
    int size = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(body).withChunkedDribbleDelay(4, 1)));

    try (MastraClient exact = MastraClient.builder().baseUrl(wm.baseUrl()).maxResponseSize(size).build();
        MastraClient smaller = MastraClient.builder().baseUrl(wm.baseUrl()).maxResponseSize(size - 1).build()) {
      assertThat(exact.responses().retrieve("r1").getId()).isNotBlank();
      assertThatThrownBy(() -> smaller.responses().retrieve("r1"))
          .isInstanceOf(MastraInvalidResponseException.class)
          .hasMessageContaining("more than that arrived");
    }
  }

  @Test
  void anErrorBodyOfExactly64KiBIsKeptWhole() {
    char[] filler = new char[64 * 1024];
    Arrays.fill(filler, 'e');
    filler[filler.length - 1] = 'Z';
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404).withBody(new String(filler))));

    assertThatThrownBy(() -> client.conversations().retrieve("c1"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.body()).hasSize(64 * 1024).endsWith("Z"));
  }
}
