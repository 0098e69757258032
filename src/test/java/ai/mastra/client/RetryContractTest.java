package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retries: GET and DELETE are repeated after an I/O failure or a transient status, POST never is (it would
 * run the agent twice). Backoff is shortened to 1-5 ms with the package-private {@code retryDelays}.
 */
class RetryContractTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private MastraClient client;

  @BeforeEach
  void setUp() {
    client = retrying(2);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static MastraClient retrying(int maxRetries) {
    return MastraClient.builder().baseUrl(wm.baseUrl()).maxRetries(maxRetries)
        .retryDelays(Duration.ofMillis(1), Duration.ofMillis(5)).build();
  }

  /** On {@code route}, the first attempt gets {@code first}, every later one {@code then}. */
  private static void firstThen(Supplier<MappingBuilder> route, ResponseDefinitionBuilder first,
      ResponseDefinitionBuilder then) {
    wm.stubFor(route.get().inScenario("retry").whenScenarioStateIs(Scenario.STARTED).willReturn(first)
        .willSetStateTo("recovered"));
    wm.stubFor(route.get().inScenario("retry").whenScenarioStateIs("recovered").willReturn(then));
  }

  private static int requestCount() {
    return wm.findAll(anyRequestedFor(anyUrl())).size();
  }

  @Test
  void aGetIsRetriedAfter503AndThenSucceeds() {
    firstThen(() -> get(anyUrl()), aResponse().withStatus(503), Capture.load("04").answer());

    assertThat(client.conversations().retrieve("conv-fixed-1").getId()).isEqualTo("conv-fixed-1");
    assertThat(requestCount()).isEqualTo(2);
  }

  @Test
  void aDeleteIsRetriedAfter502AndThenSucceeds() {
    firstThen(() -> delete(anyUrl()), aResponse().withStatus(502), Capture.load("35").answer());

    assertThat(client.responses().delete("msg_66802148-44c9-4a35-abda-3199740b8f96").getDeleted()).isTrue();
    assertThat(requestCount()).isEqualTo(2);
  }

  @Test
  void aGetIsRetriedAfterAConnectionResetAndThenSucceeds() {
    firstThen(() -> get(anyUrl()), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), Capture.load("13").answer());

    assertThat(client.conversations().items().list("conv-fixed-1").data()).hasSize(2);
    assertThat(requestCount()).isEqualTo(2);
  }

  @Test
  void aGetGivesUpAfterMaxRetriesWithTheLastError() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"still down\"}")));

    assertThatThrownBy(() -> client.responses().retrieve("r1"))
        .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.error()).contains("still down"));
    assertThat(requestCount()).isEqualTo(3);
  }

  @Test
  void aGetGivesUpAfterMaxRetriesOfConnectionFailures() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client.responses().retrieve("r1")).isInstanceOf(MastraIOException.class);
    assertThat(requestCount()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {500, 502, 503, 504, 429})
  void aPostIsNeverRetriedAfterAnErrorStatus(int status) {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)));

    assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId("a").input("x")))
        .isInstanceOfSatisfying(MastraServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(status));
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void aPostIsNeverRetriedAfter408() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(408)));

    assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId("a").input("x")))
        .isInstanceOfSatisfying(MastraServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(408));
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void aGetAnswered408IsSentMaxRetriesPlusOneTimes() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(408)));

    assertThatThrownBy(() -> client.responses().retrieve("r1")).isInstanceOf(ApiException.class);
    assertThat(requestCount()).isEqualTo(3);
  }

  @Test
  void aPostIsNeverRetriedAfterAConnectionFailure() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client.conversations().create(new ConversationCreateRequest().agentId("a")))
        .isInstanceOf(MastraIOException.class);
    assertThat(requestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {400, 401, 403, 404, 409, 422, 501})
  void aGetIsNotRetriedAfterAPermanentError(int status) {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(status)));

    assertThatThrownBy(() -> client.conversations().retrieve("c1")).isInstanceOf(MastraServiceException.class);
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void noRetryWithMaxRetriesZero() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));

    try (MastraClient once = retrying(0)) {
      assertThatThrownBy(() -> once.conversations().retrieve("c1")).isInstanceOf(ServerException.class);
    }
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void aRetryAfterInSecondsIsWaitedInsteadOfTheBackoff() {
    firstThen(() -> get(anyUrl()), aResponse().withStatus(429).withHeader("Retry-After", "1"),
        Capture.load("04").answer());

    long start = System.nanoTime();
    client.conversations().retrieve("conv-fixed-1");
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    // A lower bound only: the backoff alone would have waited 1 ms.
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(requestCount()).isEqualTo(2);
  }

  @Test
  void aRetriedGetSendsTheSameRequestAgain() {
    firstThen(() -> any(anyUrl()), aResponse().withStatus(503), Capture.load("04").answer());

    client.conversations().retrieve("c1", RequestOptions.builder()
        .requestContext(RequestContext.builder().set("tenant", "acme").build()).header("X-Trace", "t").build());

    assertThat(wm.findAll(anyRequestedFor(anyUrl())))
        .extracting(r -> r.getUrl() + " " + r.getHeader("X-Trace"))
        .containsExactly("/api/v1/conversations/c1?requestContext=eyJ0ZW5hbnQiOiJhY21lIn0%3D t",
            "/api/v1/conversations/c1?requestContext=eyJ0ZW5hbnQiOiJhY21lIn0%3D t");
  }

  @Test
  void aRetryAfterPastTheCapIsNotWaitedOutButThrownAtOnce() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));

    assertThatThrownBy(() -> client.conversations().retrieve("c1"))
        .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.headers()).containsKey("retry-after"));
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void aPostAnswered503WithRetryAfterZeroIsSentOnce() {
    // OkHttp on its own repeats this answer at once, POST included; the SDK hides it from OkHttp.
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));

    assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId("a").input("x")))
        .isInstanceOfSatisfying(ServerException.class,
            e -> assertThat(e.headers().get("retry-after")).containsExactly("0"));
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void aGetAnswered503WithRetryAfterZeroIsRetriedByThePolicyAlone() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));

    assertThatThrownBy(() -> client.conversations().retrieve("c1")).isInstanceOf(ServerException.class);
    assertThat(requestCount()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void everyTransientStatusIsRetriedForGetAndDelete(int status) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)));

    assertThatThrownBy(() -> client.conversations().retrieve("c1")).isInstanceOf(MastraServiceException.class);
    assertThat(requestCount()).isEqualTo(3);
    wm.resetRequests();
    assertThatThrownBy(() -> client.conversations().delete("c1")).isInstanceOf(MastraServiceException.class);
    assertThat(requestCount()).isEqualTo(3);
  }

  @Test
  void theAsyncPathGivesUpAfterMaxRetries() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> client.async().conversations().retrieve("c1").get(10, java.util.concurrent.TimeUnit.SECONDS))
        .hasCauseInstanceOf(ServerException.class);
    assertThat(requestCount()).isEqualTo(3);
    wm.resetRequests();
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> client.async().conversations().retrieve("c1").get(10, java.util.concurrent.TimeUnit.SECONDS))
        .hasCauseInstanceOf(MastraIOException.class);
    assertThat(requestCount()).isEqualTo(3);
  }

  @Test
  void theDocumentedDefaultsAreTheDefaults() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));

    try (MastraClient defaults = MastraClient.builder().baseUrl(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> defaults.conversations().retrieve("c1")).isInstanceOf(ServerException.class);
      assertThat(requestCount()).as("two retries by default").isEqualTo(3);
      okhttp3.OkHttpClient http = defaults.transport().httpClient();
      assertThat(http.connectTimeoutMillis()).isEqualTo(10_000);
      assertThat(http.readTimeoutMillis()).isEqualTo(300_000);
      assertThat(http.retryOnConnectionFailure()).isFalse();
      assertThat(http.followRedirects()).isFalse();
    }
  }

  @Test
  void theBackoffGrowsAndIsCappedByTheMaximum() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
    // initial 100 ms, max 150 ms: waits of at least 75 (100 less jitter) and 112 (150 less jitter) ms
    try (MastraClient slow = MastraClient.builder().baseUrl(wm.baseUrl()).maxRetries(2)
        .retryDelays(Duration.ofMillis(100), Duration.ofMillis(150)).build()) {
      assertThatThrownBy(() -> slow.conversations().retrieve("c1")).isInstanceOf(ServerException.class);
    }
    List<java.time.Instant> at = wm.findAll(anyRequestedFor(anyUrl())).stream()
        .map(r -> r.getLoggedDate().toInstant()).sorted().collect(java.util.stream.Collectors.toList());
    assertThat(at).hasSize(3);
    // lower bounds only: a slow machine may wait longer, never shorter
    assertThat(Duration.between(at.get(0), at.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(75));
    assertThat(Duration.between(at.get(1), at.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(112));
  }
}
