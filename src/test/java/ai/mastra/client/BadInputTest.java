package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.InputContentPart;
import ai.mastra.client.model.InputMessage;
import ai.mastra.client.model.MessageRole;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.Wire;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad arguments fail before any I/O, with an {@link IllegalArgumentException} naming the parameter and not
 * one request sent; an id, whatever its characters, is one percent-encoded path segment of its own route.
 */
class BadInputTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static MastraClient client;

  @BeforeEach
  void setUp() {
    client = MastraClient.builder().baseUrl(wm.baseUrl()).maxRetries(0).build();
    wm.stubFor(any(anyUrl()).willReturn(Capture.load("07").answer()));
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static ResponseCreateRequest turn() {
    return new ResponseCreateRequest().agentId("support-agent").input("hi");
  }

  private static ResponseCreateRequest withInput(List<InputMessage> input) {
    return new ResponseCreateRequest().agentId("support-agent").input(input);
  }

  private static Arguments bad(String parameter, ThrowingCallable call) {
    return Arguments.of(parameter, call);
  }

  static Stream<Arguments> badIds() {
    Stream.Builder<Arguments> calls = Stream.builder();
    for (String id : Arrays.asList(null, "", "   ", ".", "..")) {
      String shown = id == null ? "null" : "'" + id + "'";
      calls.add(Arguments.of("conversations.retrieve(" + shown + ")", "conversationId",
          (ThrowingCallable) () -> client.conversations().retrieve(id)));
      calls.add(Arguments.of("conversations.delete(" + shown + ")", "conversationId",
          (ThrowingCallable) () -> client.conversations().delete(id)));
      calls.add(Arguments.of("conversations.items.list(" + shown + ")", "conversationId",
          (ThrowingCallable) () -> client.conversations().items().list(id)));
      calls.add(Arguments.of("responses.retrieve(" + shown + ")", "responseId",
          (ThrowingCallable) () -> client.responses().retrieve(id)));
      calls.add(Arguments.of("responses.delete(" + shown + ")", "responseId",
          (ThrowingCallable) () -> client.responses().delete(id)));
    }
    return calls.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badIds")
  void aNullBlankDotOrDotDotIdIsRefusedBeforeAnyRequest(String call, String parameter, ThrowingCallable callable) {
    assertThatThrownBy(callable).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(parameter);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        bad("request", () -> client.conversations().create(null)),
        bad("request.agentId", () -> client.conversations().create(new ConversationCreateRequest())),
        bad("request.agentId", () -> client.conversations().create(new ConversationCreateRequest().agentId(""))),
        bad("request.agentId", () -> client.conversations().create(
            new ConversationCreateRequest().agentId(" ").conversationId("c1"))),
        bad("request", () -> client.responses().create(null)),
        bad("request.agentId", () -> client.responses().create(new ResponseCreateRequest().input("hi"))),
        bad("request.agentId", () -> client.responses().create(new ResponseCreateRequest().agentId(" ").input("hi"))),
        bad("request.input", () -> client.responses().create(new ResponseCreateRequest().agentId("a"))),
        // (an input of 42, a Map or a List of Strings, and a content of 7, no longer compile: typed input)
        bad("request.input[1]", () -> client.responses().create(withInput(
            Arrays.asList(new InputMessage().role(MessageRole.USER).content("x"), null)))),
        bad("request.input[0].role", () -> client.responses().create(withInput(
            List.of(new InputMessage().content("x"))))),
        bad("request.input[0].role", () -> client.responses().create(withInput(
            List.of(new InputMessage().role(MessageRole.of("critic")).content("x"))))),
        bad("request.input[0].content", () -> client.responses().create(withInput(
            List.of(new InputMessage().role(MessageRole.USER))))),
        bad("request.input[0].content[1]", () -> client.responses().create(withInput(
            List.of(new InputMessage().role(MessageRole.USER).content(List.of(
                new InputContentPart().type("input_text").text("ok"), new InputContentPart().type("input_text"))))))),
        bad("request.stream", () -> client.responses().create(turn().stream(true))));
  }

  @ParameterizedTest(name = "{0}: {index}")
  @MethodSource("badRequests")
  void aBadRequestIsRefusedBeforeAnyRequest(String parameter, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(parameter);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  static Stream<Arguments> nullOptionsAndParams() {
    return Stream.of(
        bad("options", () -> client.conversations().create(new ConversationCreateRequest().agentId("a"), null)),
        bad("options", () -> client.conversations().retrieve("c1", null)),
        bad("options", () -> client.conversations().delete("c1", null)),
        bad("options", () -> client.conversations().items().list("c1", ItemListParams.none(), null)),
        bad("params", () -> client.conversations().items().list("c1", (ItemListParams) null)),
        bad("options", () -> client.conversations().items().list("c1", (RequestOptions) null)),
        bad("options", () -> client.responses().create(turn(), (RequestOptions) null)),
        bad("options", () -> client.responses().retrieve("r1", null)),
        bad("options", () -> client.responses().delete("r1", null)));
  }

  @ParameterizedTest(name = "{0}: {index}")
  @MethodSource("nullOptionsAndParams")
  void nullOptionsOrParamsAreRefusedBeforeAnyRequest(String parameter, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(parameter);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  static Stream<Arguments> badOptionValues() {
    return Stream.of(
        bad("requestContext", () -> RequestOptions.of(null)),
        bad("requestContext", () -> RequestOptions.builder().requestContext(null)),
        bad("header name", () -> RequestOptions.builder().header(" ", "v")),
        bad("header value", () -> RequestOptions.builder().header("X-A", null)),
        bad("timeout", () -> RequestOptions.builder().timeout(Duration.ZERO)),
        bad("timeout", () -> RequestOptions.builder().timeout(null)),
        bad("key", () -> RequestContext.builder().set(null, 1)),
        bad("requestContext", () -> RequestContext.of(null)),
        bad("after", () -> ItemListParams.builder().after(" ")),
        bad("limit", () -> ItemListParams.builder().limit(0)),
        bad("order", () -> ItemListParams.builder().order(null)),
        bad("baseUrl", () -> MastraClient.builder().baseUrl("not a url")),
        bad("baseUrl", () -> MastraClient.builder().baseUrl(null)),
        bad("apiPrefix", () -> MastraClient.builder().apiPrefix(null)),
        bad("bearerToken", () -> MastraClient.builder().bearerToken("")),
        bad("httpClient", () -> MastraClient.builder().httpClient(null)),
        bad("maxRetries", () -> MastraClient.builder().maxRetries(-1)),
        bad("readTimeout", () -> MastraClient.builder().readTimeout(Duration.ofSeconds(-1))),
        bad("connectTimeout", () -> MastraClient.builder().connectTimeout(null)),
        bad("response", () -> Responses.outputText(null)));
  }

  @ParameterizedTest(name = "{0}: {index}")
  @MethodSource("badOptionValues")
  void aBadSettingIsRefusedWhereItIsGiven(String parameter, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(parameter);
  }

  @Test
  void aContinuationNeedsNoAgent() {
    client.responses().create(new ResponseCreateRequest().previousResponseId("msg_1").input("and then?"));

    assertThat(Wire.body(Wire.onlyRequest(wm)).getAsJsonObject().has("agent_id")).isFalse();
  }

  @Test
  void aContinuationStillNeedsAnInput() {
    assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().previousResponseId("msg_1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request.input");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void anEmptyMessageListAndAnEmptyStringAreLeftToTheServer() {
    client.responses().create(withInput(List.of()));
    client.responses().create(new ResponseCreateRequest().agentId("support-agent").input(""));

    assertThat(Wire.requests(wm)).extracting(r -> Wire.body(r).getAsJsonObject().get("input").toString())
        .containsExactly("[]", "\"\"");
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(delimiter = '|', value = {
    "a/b       | a%2Fb",
    "../x      | ..%2Fx",
    "a?b       | a%3Fb",
    "a#b       | a%23b",
    "'a b'     | a%20b",
    "ü         | %C3%BC",
    "%2e%2e    | %252e%252e",
    "%2F       | %252F",
    "...       | ...",
    "a\\b      | a%5Cb",
    "'.a'      | .a"
  })
  void anIdIsOnePercentEncodedSegmentOfItsOwnRoute(String id, String segment) {
    wm.stubFor(get(urlPathMatching("/api/v1/conversations/[^/]+")).willReturn(Capture.load("04").answer()));
    wm.stubFor(delete(urlPathMatching("/api/v1/conversations/[^/]+")).willReturn(Capture.load("50").answer()));
    wm.stubFor(get(urlPathMatching("/api/v1/conversations/[^/]+/items")).willReturn(Capture.load("06").answer()));
    wm.stubFor(get(urlPathMatching("/api/v1/responses/[^/]+")).willReturn(Capture.load("31").answer()));
    wm.stubFor(delete(urlPathMatching("/api/v1/responses/[^/]+")).willReturn(Capture.load("35").answer()));

    client.conversations().retrieve(id);
    client.conversations().delete(id);
    client.conversations().items().list(id);
    client.responses().retrieve(id);
    client.responses().delete(id);

    List<LoggedRequest> sent = Wire.requests(wm);
    assertThat(sent).extracting(r -> r.getMethod().getName() + " " + r.getUrl()).containsExactly(
        "GET /api/v1/conversations/" + segment,
        "DELETE /api/v1/conversations/" + segment,
        "GET /api/v1/conversations/" + segment + "/items",
        "GET /api/v1/responses/" + segment,
        "DELETE /api/v1/responses/" + segment);
  }
}
