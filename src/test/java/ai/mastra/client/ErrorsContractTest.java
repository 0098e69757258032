package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ErrorIssue;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Error answers become the exception of their status, with the status, headers, raw body, and Mastra's
 * message and issues; a success answer that cannot be read and a failed connection have their own
 * exceptions. Retries are off here (see {@link RetryContractTest}).
 */
class ErrorsContractTest extends WireMockClientTest {


  private static ResponseCreateRequest aTurn() {
    return new ResponseCreateRequest().agentId("support-agent").input("hi");
  }

  private void answer(String capture) {
    wm.stubFor(any(anyUrl()).willReturn(Capture.load(capture).answer().withHeader("X-Request-Id", "req-" + capture)));
  }

  @ParameterizedTest(name = "capture {0}: {1}: {2}")
  @CsvSource(delimiter = '|', value = {
    "56 | root  | agent_id is required unless previous_response_id is provided",
    "57 | input | Invalid input",
    "61 | body  | Unexpected end of JSON input"
  })
  void aValidationFailureIsABadRequestWithItsIssue(String capture, String field, String message) {
    answer(capture);

    BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> client.responses().create(aTurn()));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.error()).contains("Invalid request body");
    assertThat(e.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.getField()).isEqualTo(field);
      assertThat(issue.getMessage()).isEqualTo(message);
    });
    assertThat(e.body()).isEqualTo(Capture.load(capture).responseBody());
    assertThat(e.headers().get("x-request-id")).containsExactly("req-" + capture);
    assertThat(e).hasMessage("HTTP 400 for POST " + wm.baseUrl() + "/api/v1/responses: Invalid request body ("
        + field + ": " + message + ")");
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.url()).isEqualTo(wm.baseUrl() + "/api/v1/responses");
  }

  @Test
  void aBadRequestWithoutIssuesHasAnEmptyIssueList() {
    answer("66");

    BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> client.responses().create(aTurn()));

    assertThat(e.issues()).isEmpty();
    assertThat(e.error()).contains(
        "conversation_id and previous_response_id must reference the same conversation thread when both are provided");
  }

  @Test
  void theIssuesListCannotBeChangedByTheCaller() {
    answer("57");

    BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> client.responses().create(aTurn()));

    assertThatThrownBy(() -> e.issues().add(new ErrorIssue())).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anUnknownStoredResponseIsNotFound() {
    answer("68");

    NotFoundException e = catchThrowableOfType(NotFoundException.class,
        () -> client.responses().retrieve("msg_does-not-exist"));

    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.error()).contains("Stored response msg_does-not-exist was not found");
    assertThat(e.body()).isEqualTo("{\"error\":\"Stored response msg_does-not-exist was not found\"}");
    assertThat(e.issues()).isEmpty();
    assertThat(e).hasMessage("HTTP 404 for GET " + wm.baseUrl() + "/api/v1/responses/msg_does-not-exist: Stored "
        + "response msg_does-not-exist was not found. Only responses created with store(true) are kept, and a "
        + "deleted one is gone");
  }

  @Test
  void anUnknownConversationIsNotFound() {
    answer("73");

    NotFoundException e = catchThrowableOfType(NotFoundException.class,
        () -> client.conversations().retrieve("conv-does-not-exist"));

    assertThat(e.error()).contains("Conversation conv-does-not-exist was not found");
    assertThat(e.errorBody()).hasValueSatisfying(body -> assertThat(body.getIssues()).isNull());
  }

  @Test
  void aTextPlainNotFoundKeepsTheRawBodyAndHasNoMastraError() {
    answer("81");

    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> client.responses().retrieve("r1"));

    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.body()).isEqualTo("404 Not Found");
    assertThat(e.error()).isEmpty();
    assertThat(e.errorBody()).isEmpty();
    assertThat(e.issues()).isEmpty();
    assertThat(e.headers().get("content-type")).containsExactly("text/plain; charset=UTF-8");
    assertThat(e).hasMessage("HTTP 404 for GET " + wm.baseUrl() + "/api/v1/responses/r1: 404 Not Found. There is no "
        + "such route on this server: check the client's baseUrl and apiPrefix");
  }

  @Test
  void aBaseUrlEndingInTheApiPrefixIsPointedOutOnAnUnknownRoute() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "text/plain; charset=UTF-8").withBody("404 Not Found")));

    try (MastraClient doubled = MastraClient.builder().baseUrl(wm.baseUrl() + "/api").build()) {
      assertThatThrownBy(() -> doubled.conversations().retrieve("c1"))
          .isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.url()).isEqualTo(wm.baseUrl() + "/api/api/v1/conversations/c1");
            assertThat(e).hasMessageContaining("HTTP 404 for GET " + wm.baseUrl() + "/api/api/v1/conversations/c1")
                .hasMessageContaining("the path has /api twice");
          });
    }
  }

  @Test
  void theRequestContextIsNotRepeatedInTheMessage() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> client.conversations().retrieve("c1",
            RequestOptions.of(RequestContext.builder().set("tenant", "acme").build())))
        .isInstanceOfSatisfying(ServerException.class, e -> {
          assertThat(e.url()).contains("requestContext=eyJ0ZW5hbnQiOiJhY21lIn0");
          assertThat(e.getMessage()).isEqualTo(
              "HTTP 500 for GET " + wm.baseUrl() + "/api/v1/conversations/c1?requestContext=...");
        });
  }

  @Test
  void aModelFailureIsAServerException() {
    answer("77");

    ServerException e = catchThrowableOfType(ServerException.class, () -> client.responses().create(aTurn()));

    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.error()).contains("mock model failure (input contained \"explode\")");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "400, BadRequestException",
    "401, UnauthorizedException",
    "403, PermissionDeniedException",
    "404, NotFoundException",
    "409, ConflictException",
    "422, UnprocessableEntityException",
    "429, RateLimitException",
    "500, ServerException",
    "502, ServerException",
    "503, ServerException",
    "504, ServerException",
    "418, ApiException",
    "405, ApiException",
    "410, ApiException"
  })
  void everyErrorStatusIsItsExceptionWithStatusHeadersBodyAndMessage(int status, String exception) {
    String body = "{\"error\":\"status " + status + "\",\"issues\":[{\"field\":\"f\",\"message\":\"m\"}]}";
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withHeader("X-Trace", "t1", "t2").withBody(body)));

    MastraServiceException e = catchThrowableOfType(MastraServiceException.class,
        () -> client.conversations().retrieve("c1"));

    assertThat(e.getClass().getSimpleName()).isEqualTo(exception);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.headers().get("x-trace")).containsExactly("t1", "t2");
    assertThat(e.body()).isEqualTo(body);
    assertThat(e.error()).contains("status " + status);
    assertThat(e.issues()).extracting(ErrorIssue::getField, ErrorIssue::getMessage)
        .containsExactly(tuple("f", "m"));
    assertThat(e).isInstanceOf(MastraException.class);
  }

  @Test
  void anErrorOnAPostIsMappedLikeOnAGet() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(409)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"exists\"}")));

    assertThatThrownBy(() -> client.conversations().create(new ConversationCreateRequest().agentId("a")))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.error()).contains("exists"));
  }

  @Test
  void anErrorBodyOfAnotherShapeIsKeptRawWithoutAMastraError() {
    String openAiShape = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}";
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json").withBody(openAiShape)));

    RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client.responses().retrieve("r1"));

    assertThat(e.body()).isEqualTo(openAiShape);
    assertThat(e.error()).isEmpty();
    assertThat(e.issues()).isEmpty();
  }

  @Test
  void anErrorWithoutABodyHasAnEmptyBody() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502)));

    ServerException e = catchThrowableOfType(ServerException.class, () -> client.responses().retrieve("r1"));

    assertThat(e.body()).isEmpty();
    assertThat(e.error()).isEmpty();
    assertThat(e).hasMessage("HTTP 502 for GET " + wm.baseUrl() + "/api/v1/responses/r1");
  }

  /** Each operation that decodes an answer, by name. */
  static Stream<Arguments> decodingOperations() {
    return Stream.of(
        Arguments.of("conversations.create",
            (Function<MastraClient, Object>) c ->
                c.conversations().create(new ConversationCreateRequest().agentId("a"))),
        Arguments.of("conversations.retrieve", (Function<MastraClient, Object>) c -> c.conversations().retrieve("c1")),
        Arguments.of("conversations.delete", (Function<MastraClient, Object>) c -> c.conversations().delete("c1")),
        Arguments.of("conversations.items.list",
            (Function<MastraClient, Object>) c -> c.conversations().items().list("c1")),
        Arguments.of("responses.create", (Function<MastraClient, Object>) c -> c.responses().create(aTurn())),
        Arguments.of("responses.retrieve", (Function<MastraClient, Object>) c -> c.responses().retrieve("r1")),
        Arguments.of("responses.delete", (Function<MastraClient, Object>) c -> c.responses().delete("r1")));
  }

  static Stream<Arguments> undecodableBodies() {
    String[] bodies = {"<html><body>Bad gateway</body></html>", "{\"id\":\"c1\",", "", "null", "[1,2]",
        "{\"id\":\"c1\"} trailing"};
    return decodingOperations().flatMap(operation ->
        Stream.of(bodies).map(body -> Arguments.of(operation.get()[0], operation.get()[1], body)));
  }

  @ParameterizedTest(name = "{0} answering ''{2}''")
  @MethodSource("undecodableBodies")
  void anUndecodableSuccessBodyIsAnInvalidResponseNeverANullModel(
      String name, Function<MastraClient, Object> operation, String body) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", body.startsWith("<") ? "text/html" : "application/json").withBody(body)));

    assertThatThrownBy(() -> operation.apply(client))
        .isInstanceOfSatisfying(MastraInvalidResponseException.class, e -> assertThat(e.body()).isEqualTo(body));
  }

  @Test
  void anInvalidResponseNamesTheCallAndTheProblem() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"thread\":{\"createdAt\":\"yesterday\"}}")));

    assertThatThrownBy(() -> client.conversations().retrieve("c1"))
        .isInstanceOf(MastraInvalidResponseException.class)
        .hasMessageContaining("GET /api/v1/conversations/c1")
        .hasMessageContaining("yesterday");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decodingOperations")
  void aNoContentAnswerIsAnInvalidResponseNeverANullModel(String name, Function<MastraClient, Object> operation) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));

    assertThatThrownBy(() -> operation.apply(client)).isInstanceOf(MastraInvalidResponseException.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"EMPTY_RESPONSE", "CONNECTION_RESET_BY_PEER", "RANDOM_DATA_THEN_CLOSE",
      "MALFORMED_RESPONSE_CHUNK"})
  void aBrokenConnectionIsAMastraIOExceptionWithItsCause(String fault) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.valueOf(fault))));

    assertThatThrownBy(() -> client.responses().retrieve("r1"))
        .isInstanceOfSatisfying(MastraIOException.class, e -> assertThat(e.getCause()).isInstanceOf(IOException.class))
        .hasMessageContaining("GET /api/v1/responses/r1");
  }

  @Test
  void aBrokenConnectionOnAPostIsAMastraIOException() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    assertThatThrownBy(() -> client.responses().create(aTurn()))
        .isInstanceOf(MastraIOException.class)
        .hasMessageContaining("POST /api/v1/responses");
  }

  @Test
  void aClosedPortIsAMastraIOException() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (MastraClient nowhere = MastraClient.builder().baseUrl("http://127.0.0.1:" + port).maxRetries(0).build()) {
      assertThatThrownBy(() -> nowhere.conversations().retrieve("c1"))
          .isInstanceOfSatisfying(MastraIOException.class,
              e -> assertThat(e.getCause()).isInstanceOf(java.net.ConnectException.class));
    }
  }

  @Test
  void aCallSlowerThanItsTimeoutIsAMastraIOException() {
    wm.stubFor(any(anyUrl()).willReturn(Capture.load("04").answer().withFixedDelay(1_000)));

    assertThatThrownBy(() -> client.conversations().retrieve("c1",
        RequestOptions.builder().timeout(Duration.ofMillis(100)).build()))
        .isInstanceOf(MastraIOException.class);
  }
}
