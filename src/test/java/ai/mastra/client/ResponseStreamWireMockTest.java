package ai.mastra.client;

import static ai.mastra.client.StreamTestSupport.SSE;
import static ai.mastra.client.StreamTestSupport.captureBody;
import static ai.mastra.client.StreamTestSupport.completedResponseOf;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.model.ResponseStatus;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Streaming against WireMock: the real server's streams dribbled in chunks, and connection faults. */
class ResponseStreamWireMockTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private OkHttpClient http;
  private MastraClient client;

  @BeforeEach
  void setUp() {
    http = new OkHttpClient();
    client = new MastraClient.Builder(name -> null).baseUrl(wm.baseUrl()).httpClient(http).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }

  private static ResponseCreateRequest request() {
    return new ResponseCreateRequest().agentId("support-agent").input("Stream the weather please").store(true);
  }

  private void stubDribbled(String capture, int chunks, int millis) {
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", SSE)
            .withBody(captureBody(capture)).withChunkedDribbleDelay(chunks, millis)));
  }

  @Test
  void aDribbledRealStreamGivesTheCompletedResponsesTextAndTheRequestAskedForAStream() {
    stubDribbled("26-response-stream-tool-call", 40, 200);
    Response expected = completedResponseOf(captureBody("26-response-stream-tool-call"));

    List<String> types = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    try (ResponseStream stream = client.responses().stream(request())) {
      for (StreamEvent event : stream) {
        types.add(event.type());
        if (event.type().equals("response.output_text.delta")) {
          text.append(event.asOutputTextDelta().getDelta());
        }
      }
      assertThat(stream.requireCompleted().getOutput()).hasSize(3);
    }

    assertThat(text.toString()).isEqualTo(Responses.outputText(expected));
    assertThat(types).startsWith("response.created", "response.in_progress", "response.output_item.added",
        "response.function_call_arguments.delta", "response.function_call_arguments.done");
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/responses"))
        .withHeader("Accept", equalTo("text/event-stream"))
        .withRequestBody(equalToJson(
            "{\"agent_id\":\"support-agent\",\"input\":\"Stream the weather please\",\"store\":true,\"stream\":true}")));
  }

  @Test
  void aDribbledIncompleteStreamIsReportedByStatus() {
    stubDribbled("78-error-model-failure-stream", 25, 100);

    try (ResponseStream stream = client.responses().stream(request())) {
      assertThat(String.join("", stream.textDeltas())).isEqualTo("Partial answer before failure");
      assertThat(stream.finalResponse().getStatus()).isEqualTo(ResponseStatus.INCOMPLETE);
    }
  }

  @Test
  void theListenerFormReadsADribbledStream() throws Exception {
    stubDribbled("25-response-stream", 20, 100);
    List<String> deltas = Collections.synchronizedList(new ArrayList<>());

    CompletableFuture<Response> future = client.responses().stream(request(), RequestOptions.none(),
        new ResponseStreamListener() {
          @Override
          public void onEvent(StreamEvent event) {
            if (event.type().equals("response.output_text.delta")) {
              deltas.add(event.asOutputTextDelta().getDelta());
            }
          }
        });

    Response response = future.get(10, TimeUnit.SECONDS);
    assertThat(String.join("", deltas)).isEqualTo(Responses.outputText(response)).isEqualTo("Echo: Stream this reply please");
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
  void aConnectionFaultIsAMastraIOExceptionAndIsNotRetried(Fault fault) {
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).willReturn(aResponse().withFault(fault)));

    assertThatThrownBy(() -> client.responses().stream(request()))
        .isInstanceOf(MastraIOException.class)
        .hasMessageContaining("POST /api/v1/responses failed");
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/responses")));
  }

  @Test
  void aStatusLineFollowedByGarbageIsNeverASuccess() {
    // WireMock writes this fault with its own headers (no Content-Type), then a broken chunk.
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", SSE).withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

    assertThatThrownBy(() -> client.responses().stream(request()))
        .isInstanceOf(MastraInvalidResponseException.class)
        .hasMessageContaining("expected a text/event-stream answer");
    assertThat(http.connectionPool().connectionCount() - http.connectionPool().idleConnectionCount()).isZero();
  }

  @Test
  void theRealServersErrorBeforeStreamingIsANotFoundException() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"Agent with id no-such-agent not found\"}")));

    assertThatThrownBy(() -> client.responses().stream(request().agentId("no-such-agent")))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).error()).hasValue("Agent with id no-such-agent not found"));
  }

  @Test
  void aTextPlainNotFoundOfAnUnknownRouteIsANotFoundExceptionWithTheRawBody() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/plain; charset=UTF-8")
            .withBody("404 Not Found")));

    assertThatThrownBy(() -> client.responses().stream(request()))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).body()).isEqualTo("404 Not Found"));
  }
}
