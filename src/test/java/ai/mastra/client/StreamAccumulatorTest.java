package ai.mastra.client;

import static ai.mastra.client.StreamTestSupport.SSE;
import static ai.mastra.client.StreamTestSupport.captureBody;
import static ai.mastra.client.StreamTestSupport.completedResponseOf;
import static ai.mastra.client.StreamTestSupport.frame;
import static ai.mastra.client.StreamTestSupport.frames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.internal.Json;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.model.ResponseStatus;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real server's recorded streams (captures 25, 26, 27, 29, 78, 80) read through the SDK: the streamed
 * text equals the text of the completed response in the same capture, and the response the SDK puts together
 * when the server sends no {@code response.completed} equals the one it would have sent.
 */
class StreamAccumulatorTest {

  private MockWebServer server;
  private OkHttpClient http;
  private MastraClient client;

  @BeforeEach
  void setUp() throws IOException {
    server = new MockWebServer();
    server.start();
    http = new OkHttpClient();
    client = new MastraClient.Builder(name -> null).baseUrl(server.url("/").toString()).httpClient(http).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
    server.close();
  }

  private ResponseStream streamOf(String body) {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", SSE).body(body).build());
    return client.responses().stream(new ResponseCreateRequest().agentId("support-agent").input("x"));
  }

  /** The body without the frames {@code drop} matches, ended with {@code [DONE]} instead. */
  private static String without(String body, Predicate<String> drop) {
    return frames(body).stream().filter(drop.negate()).map(f -> f + "\n\n").collect(Collectors.joining())
        + "data: [DONE]\n\n";
  }

  private static boolean isType(String frame, String... types) {
    for (String type : types) {
      if (frame.startsWith("event: " + type + "\n")) {
        return true;
      }
    }
    return false;
  }

  private static String json(Object value) {
    return Json.GSON.toJson(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "25-response-stream",
      "26-response-stream-tool-call",
      "27-response-stream-store-conversation",
      "29-response-stream-json-schema",
      "78-error-model-failure-stream"})
  void theStreamedTextIsTheCompletedResponsesText(String capture) {
    String body = captureBody(capture);
    Response expected = completedResponseOf(body);
    String expectedText = Responses.outputText(expected);
    assertThat(expectedText).isNotEmpty();

    try (ResponseStream stream = streamOf(body)) {
      assertThat(String.join("", stream.textDeltas())).isEqualTo(expectedText);
      assertThat(stream.outputText()).isEqualTo(expectedText);
      assertThat(json(stream.finalResponse())).isEqualTo(json(expected));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "25-response-stream",
      "26-response-stream-tool-call",
      "27-response-stream-store-conversation",
      "29-response-stream-json-schema",
      "78-error-model-failure-stream"})
  void withoutResponseCompletedTheOutputIsPutTogetherFromTheItemEvents(String capture) {
    String body = captureBody(capture);
    Response expected = completedResponseOf(body);

    try (ResponseStream stream = streamOf(without(body, f -> isType(f, "response.completed")))) {
      Response response = stream.finalResponse();
      assertThat(json(response.getOutput())).isEqualTo(json(expected.getOutput()));
      assertThat(response.getId()).isEqualTo(expected.getId());
      assertThat(response.getStatus()).isEqualTo(ResponseStatus.IN_PROGRESS); // the last status the server sent
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "25-response-stream",
      "26-response-stream-tool-call",
      "27-response-stream-store-conversation",
      "29-response-stream-json-schema",
      "78-error-model-failure-stream"})
  void withOnlyTheDeltasTheTextAndArgumentsArePutTogetherFromThem(String capture) {
    String body = captureBody(capture);
    Response expected = completedResponseOf(body);
    String deltasOnly = without(body, f -> isType(f, "response.completed", "response.output_item.done",
        "response.content_part.done", "response.output_text.done", "response.function_call_arguments.done"));

    try (ResponseStream stream = streamOf(deltasOnly)) {
      Response response = stream.finalResponse();
      assertThat(Responses.outputText(response)).isEqualTo(Responses.outputText(expected));
      assertThat(response.getOutput()).extracting(OutputItem::getType)
          .containsExactlyElementsOf(expected.getOutput().stream().map(OutputItem::getType).collect(Collectors.toList()));
      assertThat(response.getOutput()).extracting(StreamAccumulatorTest::arguments)
          .containsExactlyElementsOf(expected.getOutput().stream().map(StreamAccumulatorTest::arguments).collect(Collectors.toList()));
    }
  }

  @Test
  void aFailedModelBeforeAnyOutputIsAnIncompleteResponseWithNoText() {
    String body = captureBody("80-error-model-override-no-api-key-stream");

    try (ResponseStream stream = streamOf(body)) {
      assertThat(stream.textDeltas()).isEmpty();
      assertThat(stream.finalResponse().getStatus()).isEqualTo(ResponseStatus.INCOMPLETE);
      assertThat(stream.outputText()).isEmpty();
      assertThatThrownBy(stream::requireCompleted)
          .isInstanceOf(ResponseIncompleteException.class)
          .hasMessageContaining("status incomplete")
          .hasMessageContaining("0 characters");
    }
  }

  @Test
  void anErrorEventWithoutATerminalResponseEndsTheStreamAsAFailedResponse() {
    String body = frames(captureBody("25-response-stream")).stream()
        .filter(f -> isType(f, "response.created", "response.in_progress", "response.output_item.added",
            "response.content_part.added"))
        .map(f -> f + "\n\n")
        .collect(Collectors.joining())
        + frame("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"output_index\":0,"
            + "\"content_index\":0,\"delta\":\"Half\",\"sequence_number\":5}")
        + frame("error", "{\"type\":\"error\",\"code\":\"server_error\",\"message\":\"The model crashed\","
            + "\"param\":null,\"sequence_number\":6}");

    try (ResponseStream stream = streamOf(body)) {
      List<String> types = stream.stream().map(StreamEvent::type).collect(Collectors.toList());
      assertThat(types).endsWith("response.output_text.delta", "error");
      Response response = stream.finalResponse();
      assertThat(response.getStatus()).isEqualTo(ResponseStatus.FAILED);
      assertThat(response.getError().getCode()).isEqualTo("server_error");
      assertThat(Responses.outputText(response)).isEqualTo("Half");
      assertThatThrownBy(stream::requireCompleted)
          .isInstanceOf(ResponseIncompleteException.class)
          .hasMessageContaining("The model crashed");
    }
  }

  @Test
  void theEventsHandedToTheCallerAreNotChangedByTheAccumulation() {
    String body = captureBody("25-response-stream");

    try (ResponseStream stream = streamOf(without(body, f -> isType(f, "response.completed",
        "response.output_item.done", "response.content_part.done", "response.output_text.done")))) {
      StreamEvent added = null;
      for (StreamEvent event : stream) {
        if (event.type().equals("response.output_item.added")) {
          added = event;
        }
      }
      assertThat(Responses.outputText(stream.finalResponse())).isEqualTo("Echo: Stream this reply please");
      assertThat(added.asOutputItemAdded().getItem().asMessage().getContent()).isEmpty();
    }
  }

  private static String arguments(OutputItem item) {
    return item.isFunctionCall() ? item.asFunctionCall().getArguments() : null;
  }
}
