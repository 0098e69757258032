package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redirects never carry headers or a body to another origin, and a POST is never redirected; header names and
 * values that could split a request are refused before anything is sent, without echoing a secret value.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RedirectsAndHeadersTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private MastraClient client;

  @BeforeEach
  void open() {
    client = MastraClient.builder().baseUrl(wm.baseUrl()).header("X-Api-Key", "secret-key")
        .bearerToken("sk-secret").maxRetries(0).build();
    elsewhere.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl())
        .willReturn(Capture.load("04").answer()));
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static List<LoggedRequest> requests(WireMockExtension server) {
    return server.findAll(anyRequestedFor(anyUrl()));
  }

  @Test
  void aGetRedirectedToAnotherPortIsNotFollowed() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(302)
        .withHeader("Location", elsewhere.baseUrl() + "/api/v1/conversations/c1")));

    assertThatThrownBy(() -> client.conversations().retrieve("c1",
            RequestOptions.builder().header("X-Call-Secret", "s").build()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.statusCode()).isEqualTo(302))
        .hasMessageContaining("The redirect to " + elsewhere.baseUrl() + "/api/v1/conversations/c1 was not followed");
    assertThat(requests(elsewhere)).as("requests that reached the other origin").isEmpty();
  }

  @Test
  void aGetRedirectedToAnotherSchemeIsNotFollowed() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(301)
        .withHeader("Location", wm.baseUrl().replace("http:", "https:") + "/api/v1/conversations/c1")));

    assertThatThrownBy(() -> client.conversations().retrieve("c1")).isInstanceOf(ApiException.class);
    assertThat(requests(wm)).hasSize(1);
  }

  @Test
  void aGetRedirectedWithinTheSameOriginIsFollowedWithItsHeaders() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/old")).willReturn(aResponse().withStatus(307)
        .withHeader("Location", "/api/v1/conversations/c1")));
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1")).willReturn(Capture.load("04").answer()));

    assertThat(client.conversations().retrieve("old", RequestOptions.builder().header("X-Trace", "t").build())
        .getId()).isEqualTo("conv-fixed-1");
    assertThat(requests(wm)).extracting(r -> r.getUrl() + " " + r.getHeader("X-Api-Key") + " " + r.getHeader("X-Trace"))
        .containsExactly("/api/v1/conversations/old secret-key t", "/api/v1/conversations/c1 secret-key t");
  }

  @Test
  void aRedirectLoopEndsQuickly() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(302).withHeader("Location", "/api/v1/conversations/c1")));

    assertThatThrownBy(() -> client.conversations().retrieve("c1"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.statusCode()).isEqualTo(302));
    assertThat(requests(wm)).hasSize(6); // the request and 5 redirects
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aPostIsNeverRedirectedNorTurnedIntoAGet(int status) {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)
        .withHeader("Location", "/api/v1/conversations/c1")));
    wm.stubFor(get(anyUrl()).willReturn(Capture.load("04").answer()));

    assertThatThrownBy(() -> client.conversations().create(new ConversationCreateRequest().agentId("a")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.statusCode()).isEqualTo(status));
    assertThat(requests(wm)).extracting(LoggedRequest::getMethod).containsExactly(
        com.github.tomakehurst.wiremock.http.RequestMethod.POST);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"abc\r\nX-Evil: 1", "abc\n", "abc\u0000", "caf\u00e9", "tab\u007f"})
  void headerValuesThatCouldSplitARequestAreRefusedWithoutEchoingThem(String value) {
    assertThatThrownBy(() -> MastraClient.builder().header("X-Api-Key", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-Api-Key")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abc").doesNotContain("caf").doesNotContain("tab"));
    assertThatThrownBy(() -> RequestOptions.builder().header("X-Api-Key", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-Api-Key")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abc"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"X-Evil\r\nHost", "X Space", "X-Caf\u00e9", "X:Colon"})
  void headerNamesThatAreNotTokensAreRefused(String name) {
    assertThatThrownBy(() -> MastraClient.builder().header(name, "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has a character not allowed in a header name")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n"));
  }

  @Test
  void aBearerTokenWithATrailingNewlineIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> MastraClient.builder().bearerToken("sk-live-123\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bearerToken")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-live"));
    assertThatThrownBy(() -> MastraClient.builder().bearerToken("sk live"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ordinaryHeadersStillPass() {
    wm.stubFor(get(anyUrl()).willReturn(Capture.load("04").answer()));

    client.conversations().retrieve("c1", RequestOptions.builder().header("X-Tab", "a\tb")
        .header("X-Symbols", "!#$%&'*+-.^_`|~ ()<>@,;:\\\"/[]?={}").build());

    assertThat(requests(wm).get(0).getHeader("X-Symbols")).isEqualTo("!#$%&'*+-.^_`|~ ()<>@,;:\\\"/[]?={}");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void perCallHeadersReachTheirOwnCallOnlyOnEveryPath() throws Exception {
    // each generated service method takes them as a Retrofit @Tag; a stream sets the same tag itself
    wm.stubFor(get(anyUrl()).willReturn(Capture.load("04").answer()));
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).willReturn(Capture.load("42").answer()));
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).withHeader("Accept", equalTo("text/event-stream"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", StreamTestSupport.SSE)
            .withBody(StreamTestSupport.captureBody("25-response-stream"))));
    RequestOptions tagged = RequestOptions.builder().header("X-Call", "one").header("X-Api-Key", "per-call").build();
    ResponseCreateRequest turn = new ResponseCreateRequest().agentId("support-agent").input("hi");

    client.conversations().retrieve("c1", tagged);
    client.conversations().retrieve("c1");
    client.async().responses().create(turn, tagged).get(20, TimeUnit.SECONDS);
    client.responses().create(turn);
    try (ResponseStream stream = client.responses().stream(turn, tagged)) {
      stream.finalResponse();
    }
    try (ResponseStream stream = client.responses().stream(turn)) {
      stream.finalResponse();
    }

    assertThat(requests(wm)).extracting(r -> r.getMethod() + " " + r.getHeader("X-Call") + " " + r.getHeader("X-Api-Key"))
        .containsExactly(
            "GET one per-call", "GET null secret-key",
            "POST one per-call", "POST null secret-key",
            "POST one per-call", "POST null secret-key");
  }
}
