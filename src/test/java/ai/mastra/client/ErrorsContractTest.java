package ai.mastra.client;

import static ai.mastra.client.ConversationsContractTest.recorded;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ErrorIssue;
import ai.mastra.client.model.ResponseCreateRequest;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Error statuses become typed exceptions with the body; I/O and decoding failures too; retries. */
class ErrorsContractTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private MastraClient client;

  @BeforeEach
  void setUp() {
    client = new MastraClient.Builder(name -> null).baseUrl(wm.baseUrl()).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static ResponseCreateRequest aTurn() {
    return new ResponseCreateRequest().agentId("support-agent").input("hi");
  }

  @Test
  void aValidationFailureIsABadRequestWithItsIssues() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).willReturn(recorded("57")
        .withHeader("X-Request-Id", "req-1")));

    BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> client.responses().create(aTurn()));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.error()).contains("Invalid request body");
    assertThat(e.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.getField()).isEqualTo("input");
      assertThat(issue.getMessage()).isEqualTo("Invalid input");
    });
    assertThat(e.body()).isEqualTo(Captures.answer("57"));
    assertThat(e.headers()).containsKey("x-request-id");
    assertThat(e.headers().get("x-request-id")).containsExactly("req-1");
    assertThat(e).hasMessage("HTTP 400: Invalid request body (input: Invalid input)");
  }

  @Test
  void malformedJsonAndMissingAgentIssuesAreKept() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/conversations")).willReturn(recorded("71")));
    BadRequestException e = catchThrowableOfType(BadRequestException.class,
        () -> client.conversations().create(new ConversationCreateRequest().agentId("x")));
    assertThat(e.issues()).extracting(ErrorIssue::getField).containsExactly("agent_id");

    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).willReturn(recorded("61")));
    BadRequestException body = catchThrowableOfType(BadRequestException.class, () -> client.responses().create(aTurn()));
    assertThat(body.issues()).extracting(ErrorIssue::getField).containsExactly("body");
  }

  @Test
  void anUnknownIdIsNotFoundWithTheServersMessage() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/conv-does-not-exist/items")).willReturn(recorded("74")));

    assertThatThrownBy(() -> client.conversations().items().list("conv-does-not-exist"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.error()).contains("Conversation conv-does-not-exist was not found");
          assertThat(e.issues()).isEmpty();
        });
  }

  @Test
  void aTextPlainNotFoundFromAnUnknownRouteKeepsTheRawBody() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/responses/r1")).willReturn(recorded("81")));

    assertThatThrownBy(() -> client.responses().retrieve("r1"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.body()).isEqualTo("404 Not Found");
          assertThat(e.error()).isEmpty();
          assertThat(e.errorBody()).isEmpty();
          assertThat(e.headers().get("content-type").get(0)).startsWith("text/plain");
        })
        .hasMessage("HTTP 404: 404 Not Found");
  }

  @Test
  void aModelFailureIsAServerException() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).willReturn(recorded("77")));

    assertThatThrownBy(() -> client.responses().create(aTurn()))
        .isInstanceOfSatisfying(ServerException.class,
            e -> assertThat(e.error()).contains("mock model failure (input contained \"explode\")"));
  }

  @ParameterizedTest
  @CsvSource({
    "400, ai.mastra.client.BadRequestException",
    "401, ai.mastra.client.UnauthorizedException",
    "403, ai.mastra.client.PermissionDeniedException",
    "404, ai.mastra.client.NotFoundException",
    "409, ai.mastra.client.ConflictException",
    "422, ai.mastra.client.UnprocessableEntityException",
    "429, ai.mastra.client.RateLimitException",
    "500, ai.mastra.client.ServerException",
    "502, ai.mastra.client.ServerException",
    "503, ai.mastra.client.ServerException",
    "599, ai.mastra.client.ServerException",
    "418, ai.mastra.client.ApiException",
    "405, ai.mastra.client.ApiException",
    "302, ai.mastra.client.ApiException"
  })
  void everyStatusMapsToItsException(int status, String exceptionClass) throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"status " + status + "\"}")));

    assertThatThrownBy(() -> client.conversations().retrieve("c1"))
        .isExactlyInstanceOf(Class.forName(exceptionClass))
        .isInstanceOfSatisfying(MastraServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(status);
          assertThat(e.error()).contains("status " + status);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"<html>oops</html>", "{\"id\":\"c1\",", "", "null", "[1,2]", "{\"thread\":{\"createdAt\":\"yesterday\"}}"})
  void anUndecodableSuccessBodyIsAnInvalidResponseNeverANullModel(String body) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body)));

    assertThatThrownBy(() -> client.conversations().retrieve("c1"))
        .isInstanceOfSatisfying(MastraInvalidResponseException.class,
            e -> assertThat(e.body()).isEqualTo(body))
        .hasMessageContaining("GET /api/v1/conversations/c1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
  void aBrokenConnectionIsAMastraIOException(String fault) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.valueOf(fault))));

    assertThatThrownBy(() -> client.responses().retrieve("r1"))
        .isInstanceOf(MastraIOException.class)
        .hasMessageContaining("GET /api/v1/responses/r1");
  }

  @Test
  void aClosedPortIsAMastraIOException() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    MastraClient nowhere = new MastraClient.Builder(name -> null).baseUrl("http://127.0.0.1:" + port)
        .maxRetries(0).build();

    assertThatThrownBy(() -> nowhere.conversations().retrieve("c1"))
        .isInstanceOf(MastraIOException.class)
        .cause().isInstanceOf(java.io.IOException.class);
    nowhere.close();
  }

  @Test
  void aPerCallTimeoutEndsASlowCall() {
    wm.stubFor(any(anyUrl()).willReturn(recorded("04").withFixedDelay(3_000)));

    assertThatThrownBy(() -> client.conversations().retrieve("c1",
        RequestOptions.builder().timeout(Duration.ofMillis(200)).build()))
        .isInstanceOf(MastraIOException.class);
  }

  private MastraClient retrying() {
    return new MastraClient.Builder(name -> null).baseUrl(wm.baseUrl()).maxRetries(2)
        .retryDelays(Duration.ofMillis(1), Duration.ofMillis(5)).build();
  }

  @Test
  void aGetIsRetriedAfter503AndThenSucceeds() {
    wm.stubFor(get(anyUrl()).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    wm.stubFor(get(anyUrl()).inScenario("s").whenScenarioStateIs("up").willReturn(recorded("04")));

    try (MastraClient retrying = retrying()) {
      assertThat(retrying.conversations().retrieve("conv-fixed-1").getId()).isEqualTo("conv-fixed-1");
    }
    wm.verify(2, getRequestedFor(anyUrl()));
  }

  @Test
  void aGetIsRetriedAfterAResetAndGivesUpAfterMaxRetries() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    try (MastraClient retrying = retrying()) {
      assertThatThrownBy(() -> retrying.responses().retrieve("r1")).isInstanceOf(MastraIOException.class);
    }
    wm.verify(3, getRequestedFor(anyUrl()));
  }

  @Test
  void aShortRetryAfterIsHonouredAndTheLastErrorIsThrown() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"slow down\"}")));

    long start = System.nanoTime();
    try (MastraClient retrying = retrying()) {
      assertThatThrownBy(() -> retrying.responses().retrieve("r1"))
          .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.error()).contains("slow down"));
    }
    // Two waits of the server's 1 s instead of the 1-5 ms backoff (a lower bound, not a timing goal).
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    wm.verify(3, getRequestedFor(anyUrl()));
  }

  @Test
  void aPostIsNeverRetried() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));

    try (MastraClient retrying = retrying()) {
      assertThatThrownBy(() -> retrying.responses().create(aTurn())).isInstanceOf(ServerException.class);
    }
    wm.verify(1, postRequestedFor(anyUrl()));
  }

  @Test
  void a404IsNotRetried() {
    wm.stubFor(get(anyUrl()).willReturn(recorded("74")));

    try (MastraClient retrying = retrying()) {
      assertThatThrownBy(() -> retrying.conversations().retrieve("x")).isInstanceOf(NotFoundException.class);
    }
    wm.verify(1, getRequestedFor(anyUrl()));
  }
}
