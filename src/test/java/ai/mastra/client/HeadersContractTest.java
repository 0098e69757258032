package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.Wire;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The headers of every operation: content type, user agent, bearer token, client and per-call headers. */
class HeadersContractTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void stubEveryRoute() {
    wm.stubFor(post(urlPathMatching("/api/v1/conversations")).willReturn(Capture.load("01").answer()));
    wm.stubFor(get(urlPathMatching("/api/v1/conversations/[^/]+")).willReturn(Capture.load("04").answer()));
    wm.stubFor(delete(urlPathMatching("/api/v1/conversations/[^/]+")).willReturn(Capture.load("50").answer()));
    wm.stubFor(get(urlPathMatching("/api/v1/conversations/[^/]+/items")).willReturn(Capture.load("13").answer()));
    wm.stubFor(post(urlPathMatching("/api/v1/responses")).willReturn(Capture.load("07").answer()));
    wm.stubFor(get(urlPathMatching("/api/v1/responses/[^/]+")).willReturn(Capture.load("31").answer()));
    wm.stubFor(delete(urlPathMatching("/api/v1/responses/[^/]+")).willReturn(Capture.load("35").answer()));
  }

  /** Each operation, called with the given per-call options. */
  static Stream<Arguments> operations() {
    return Stream.of(
        operation("conversations.create", "POST", (c, o) ->
            c.conversations().create(new ConversationCreateRequest().agentId("support-agent"), o)),
        operation("conversations.retrieve", "GET", (c, o) -> c.conversations().retrieve("c1", o)),
        operation("conversations.delete", "DELETE", (c, o) -> c.conversations().delete("c1", o)),
        operation("conversations.items.list", "GET", (c, o) ->
            c.conversations().items().list("c1", ItemListParams.none(), o)),
        operation("responses.create", "POST", (c, o) ->
            c.responses().create(new ResponseCreateRequest().agentId("support-agent").input("hi"), o)),
        operation("responses.retrieve", "GET", (c, o) -> c.responses().retrieve("r1", o)),
        operation("responses.delete", "DELETE", (c, o) -> c.responses().delete("r1", o)));
  }

  interface Operation {
    void call(MastraClient client, RequestOptions options);
  }

  private static Arguments operation(String name, String method, Operation operation) {
    return Arguments.of(name, method, operation);
  }

  private static LoggedRequest send(Consumer<MastraClient.Builder> settings, Operation operation,
      RequestOptions options) {
    MastraClient.Builder builder = MastraClient.builder().baseUrl(wm.baseUrl()).maxRetries(0);
    settings.accept(builder);
    try (MastraClient client = builder.build()) {
      operation.call(client, options);
    }
    return Wire.onlyRequest(wm);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void aBodyIsDeclaredAsJsonOnlyWhenThereIsOne(String name, String method, Operation operation) {
    LoggedRequest sent = send(b -> { }, operation, RequestOptions.none());

    assertThat(sent.getMethod().getName()).isEqualTo(method);
    if (method.equals("POST")) {
      assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
    } else {
      assertThat(sent.containsHeader("Content-Type")).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyCallNamesTheSdkAndSendsNoCredentialsByDefault(String name, String method, Operation operation) {
    LoggedRequest sent = send(b -> { }, operation, RequestOptions.none());

    assertThat(sent.getHeader("User-Agent")).isEqualTo("mastra-client-java/" + MastraClient.VERSION);
    assertThat(sent.containsHeader("Authorization")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyCallCarriesTheBearerTokenAndTheClientHeaders(String name, String method, Operation operation) {
    LoggedRequest sent = send(
        b -> b.bearerToken("sk-test").header("X-Team", "payments").headers(Map.of("X-Region", "eu")),
        operation, RequestOptions.none());

    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer sk-test");
    assertThat(sent.getHeader("X-Team")).isEqualTo("payments");
    assertThat(sent.getHeader("X-Region")).isEqualTo("eu");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void perCallHeadersReplaceClientHeadersOfTheSameName(String name, String method, Operation operation) {
    LoggedRequest sent = send(
        b -> b.bearerToken("sk-client").header("X-Trace", "client").header("X-Team", "payments"),
        operation,
        RequestOptions.builder().header("X-Trace", "call").header("Authorization", "Bearer sk-call")
            .header("X-Only-This-Call", "1").build());

    assertThat(sent.getHeaders().getHeader("X-Trace").values()).containsExactly("call");
    assertThat(sent.getHeaders().getHeader("Authorization").values()).containsExactly("Bearer sk-call");
    assertThat(sent.getHeader("X-Only-This-Call")).isEqualTo("1");
    assertThat(sent.getHeader("X-Team")).isEqualTo("payments");
  }

  @Test
  void perCallHeadersOfCallsInFlightAtOnceStayWithTheirOwnCall() throws Exception {
    // per-call headers travel with each request over the one shared client: none may reach another call
    int calls = 40;
    try (MastraClient client = MastraClient.builder().baseUrl(wm.baseUrl()).header("X-Trace", "client").build()) {
      List<java.util.concurrent.CompletableFuture<?>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < calls; i++) {
        RequestOptions options =
            i % 4 == 3 ? RequestOptions.none() : RequestOptions.builder().header("X-Trace", "call-" + i).build();
        futures.add(i % 2 == 0
            ? client.async().responses().create(new ResponseCreateRequest().agentId("a").input("n" + i), options)
            : client.async().conversations().items().list("c" + i, options));
      }
      for (java.util.concurrent.CompletableFuture<?> future : futures) {
        future.get(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    }

    List<LoggedRequest> sent = Wire.requests(wm);
    assertThat(sent).hasSize(calls);
    for (LoggedRequest request : sent) {
      String body = request.getBodyAsString();
      int i = body.isEmpty()
          ? Integer.parseInt(request.getUrl().replaceAll("^/api/v1/conversations/c(\\d+)/items.*$", "$1"))
          : Integer.parseInt(body.replaceAll("^.*\"input\":\"n(\\d+)\".*$", "$1"));
      assertThat(request.getHeader("X-Trace")).as("call %d", i).isEqualTo(i % 4 == 3 ? "client" : "call-" + i);
    }
  }

  @Test
  void aPerCallHeaderDoesNotStickToTheClient() {
    wm.stubFor(any(anyUrl()).willReturn(Capture.load("04").answer()));
    try (MastraClient client = MastraClient.builder().baseUrl(wm.baseUrl()).header("X-Trace", "client").build()) {
      client.conversations().retrieve("c1", RequestOptions.builder().header("X-Trace", "call").build());
      client.conversations().retrieve("c1");
    }

    List<LoggedRequest> sent = Wire.requests(wm);
    assertThat(sent).extracting(request -> request.getHeader("X-Trace")).containsExactly("call", "client");
  }

  @Test
  void aClientHeaderReplacesAnEarlierOneOfTheSameName() {
    wm.stubFor(any(anyUrl()).willReturn(Capture.load("04").answer()));
    try (MastraClient client = MastraClient.builder().baseUrl(wm.baseUrl())
        .header("X-Trace", "first").header("X-Trace", "second").build()) {
      client.conversations().retrieve("c1");
    }

    assertThat(Wire.onlyRequest(wm).getHeaders().getHeader("X-Trace").values()).containsExactly("second");
  }
}
