package ai.mastra.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite's validator catches what it must: a request or an answer that the spec does not allow
 * is reported with the method, path and the field, and so is every bad event of a stream.
 */
class SpecValidatingInterceptorTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String SSE = "text/event-stream; charset=utf-8";
  private static SpecValidatingInterceptor validation;

  private MockWebServer server;
  private OkHttpClient http;

  @BeforeAll
  static void loadSpec() {
    validation = SpecValidatingInterceptor.ofProjectSpec();
  }

  @BeforeEach
  void start() throws IOException {
    validation.drainMismatches();
    server = new MockWebServer();
    server.start();
    http = new OkHttpClient.Builder().addInterceptor(validation).build();
  }

  @AfterEach
  void stop() {
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
    server.close();
  }

  @AfterAll
  static void forget() {
    validation = null;
  }

  private String call(Request request, MockResponse answer) throws IOException {
    server.enqueue(answer);
    try (Response response = http.newCall(request).execute()) {
      return response.body().string();
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static final String THREAD =
      "{\"id\":\"c1\",\"title\":\"t\",\"resourceId\":\"c1\",\"createdAt\":\"2026-01-01T00:00:00.000Z\","
          + "\"updatedAt\":\"2026-01-01T00:00:00.000Z\"}";

  @Test
  void aConformingExchangeHasNoMismatch() throws IOException {
    call(new Request.Builder().url(server.url("/api/v1/conversations/c1")).build(),
        json(200, "{\"id\":\"c1\",\"object\":\"conversation\",\"thread\":" + THREAD + "}"));

    assertThat(validation.drainMismatches()).isEmpty();
  }

  @Test
  void aWrongTypedAnswerFieldIsReportedWithThePathAndTheField() throws IOException {
    call(new Request.Builder().url(server.url("/api/v1/conversations/c1")).build(),
        json(200, "{\"id\":\"c1\",\"object\":\"conversation\",\"thread\":"
            + THREAD.replace("\"title\":\"t\"", "\"title\":5") + "}"));

    assertThat(validation.drainMismatches()).singleElement().asString()
        .startsWith("GET /api/v1/conversations/c1 -> 200")
        .contains("/thread/title");
  }

  @Test
  void aMissingRequiredAnswerFieldIsReported() throws IOException {
    call(new Request.Builder().url(server.url("/api/v1/conversations/c1")).delete().build(),
        json(200, "{\"id\":\"c1\",\"object\":\"conversation.deleted\"}"));

    assertThat(validation.drainMismatches()).singleElement().asString()
        .startsWith("DELETE /api/v1/conversations/c1 -> 200").contains("deleted");
  }

  @Test
  void aWrongTypedRequestFieldIsReported() throws IOException {
    call(new Request.Builder().url(server.url("/api/v1/responses"))
            .post(RequestBody.create("{\"agent_id\":\"a\",\"input\":\"x\",\"store\":\"yes\"}", JSON)).build(),
        json(400, "{\"error\":\"Invalid request body\",\"issues\":[{\"field\":\"store\",\"message\":\"bad\"}]}"));

    assertThat(validation.drainMismatches()).singleElement().asString()
        .startsWith("POST /api/v1/responses -> 400").contains("/store");
  }

  @Test
  void anUndeclaredStatusOrContentTypeIsReported() throws IOException {
    call(new Request.Builder().url(server.url("/api/v1/responses/msg_1")).build(),
        new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain").body("hello").build());
    call(new Request.Builder().url(server.url("/api/v1/responses/msg_1")).build(),
        new MockResponse.Builder().code(200).setHeader("Content-Type", SSE).body(": no events\n\n").build());
    call(new Request.Builder().url(server.url("/api/v1/responses/msg_1")).build(), json(418, "{\"error\":\"tea\"}"));

    List<String> mismatches = validation.drainMismatches();
    assertThat(mismatches).hasSize(3);
    assertThat(mismatches.get(0)).contains("text/plain");
    assertThat(mismatches.get(1)).contains("text/event-stream");
    assertThat(mismatches.get(2)).contains("418");
  }

  @Test
  void everyStreamEventIsCheckedAgainstTheSchemaItsTypeMapsTo() throws IOException {
    String good = "{\"type\":\"response.output_text.delta\",\"sequence_number\":3,\"output_index\":0,"
        + "\"content_index\":0,\"item_id\":\"msg_1\",\"delta\":\"Grüße \uD83D\uDE00\"}";
    String stream = "event: response.output_text.delta\r\ndata: " + good + "\r\n\r\n"
        + ": a comment\n\n"
        + "event: response.output_text.delta\ndata: " + good.replace("\"output_index\":0", "\"output_index\":\"0\"")
        + "\n\n"
        + "event: response.output_text.done\ndata: " + good + "\n\n"
        + "event: response.reasoning.delta\ndata: {\"type\":\"response.reasoning.delta\",\"sequence_number\":4}\n\n"
        + "event: response.output_text.delta\ndata: [DONE]\n\n";
    String body = call(new Request.Builder().url(server.url("/api/v1/responses"))
            .post(RequestBody.create("{\"agent_id\":\"a\",\"input\":\"x\",\"stream\":true}", JSON)).build(),
        new MockResponse.Builder().code(200).setHeader("Content-Type", SSE).chunkedBody(stream, 5).build());

    assertThat(body).as("the stream passes through unchanged").isEqualTo(stream);
    List<String> mismatches = validation.drainMismatches();
    assertThat(mismatches).hasSize(4);
    assertThat(mismatches.get(0)).startsWith("POST /api/v1/responses -> 200 event response.output_text.delta")
        .contains("/output_index");
    assertThat(mismatches.get(1)).contains("event name differs");
    assertThat(mismatches.get(2)).contains("response.reasoning.delta");
    assertThat(mismatches.get(3)).contains("[DONE]");
  }
}
