package ai.mastra.client;

import static ai.mastra.client.ConversationsContractTest.recorded;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.InputContentPart;
import ai.mastra.client.model.InputMessage;
import ai.mastra.client.model.MessageRole;
import ai.mastra.client.model.ResponseCreateRequest;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Arrays;
import java.util.List;
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

/** Bad input fails before any I/O with a message naming the parameter; ids stay one path segment. */
class InputChecksTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static MastraClient client;

  @BeforeEach
  void setUp() {
    client = new MastraClient.Builder(name -> null).baseUrl(wm.baseUrl()).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  static Stream<Arguments> badCalls() {
    ResponseCreateRequest ok = new ResponseCreateRequest().agentId("a").input("x");
    return Stream.of(
        bad("conversationId", () -> client.conversations().retrieve(null)),
        bad("conversationId", () -> client.conversations().retrieve("")),
        bad("conversationId", () -> client.conversations().retrieve("  ")),
        bad("conversationId", () -> client.conversations().retrieve(".")),
        bad("conversationId", () -> client.conversations().delete("..")),
        bad("conversationId", () -> client.conversations().items().list(null)),
        bad("params", () -> client.conversations().items().list("c1", null)),
        bad("options", () -> client.conversations().retrieve("c1", null)),
        bad("responseId", () -> client.responses().retrieve(null)),
        bad("responseId", () -> client.responses().delete(" ")),
        bad("responseId", () -> client.responses().retrieve("..")),
        bad("request", () -> client.conversations().create(null)),
        bad("request.agentId", () -> client.conversations().create(new ConversationCreateRequest())),
        bad("request.agentId", () -> client.conversations().create(new ConversationCreateRequest().agentId(" "))),
        bad("request", () -> client.responses().create(null)),
        bad("request.agentId", () -> client.responses().create(new ResponseCreateRequest().input("x"))),
        bad("request.input", () -> client.responses().create(new ResponseCreateRequest().agentId("a"))),
        bad("request.input", () -> client.responses().create(new ResponseCreateRequest().agentId("a").input(42))),
        bad("request.input[1]", () -> client.responses().create(new ResponseCreateRequest().agentId("a")
            .input(Arrays.asList(new InputMessage().role(MessageRole.USER).content("x"), null)))),
        bad("request.input[0].role", () -> client.responses().create(new ResponseCreateRequest().agentId("a")
            .input(List.of(new InputMessage().content("x"))))),
        bad("request.input[0].content", () -> client.responses().create(new ResponseCreateRequest().agentId("a")
            .input(List.of(new InputMessage().role(MessageRole.USER))))),
        bad("request.input[0].content[0]", () -> client.responses().create(new ResponseCreateRequest().agentId("a")
            .input(List.of(new InputMessage().role(MessageRole.USER)
                .content(List.of(new InputContentPart().type("input_text"))))))),
        bad("request.stream", () -> client.responses().create(new ResponseCreateRequest().agentId("a").input("x")
            .stream(true))),
        bad("options", () -> client.responses().create(ok, null)),
        bad("listener", () -> client.responses().stream(ok, RequestOptions.none(), null)));
  }

  private static Arguments bad(String parameter, ThrowingCallable call) {
    return Arguments.of(parameter, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCalls")
  void badInputIsRefusedBeforeAnyRequest(String parameter, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(parameter);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void aContinuationNeedsNoAgent() {
    wm.stubFor(any(anyUrl()).willReturn(recorded("07")));
    client.responses().create(new ResponseCreateRequest().previousResponseId("msg_1").input("and then?"));
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  @Test
  void builderArgumentsAreCheckedAtOnce() {
    assertThatThrownBy(() -> MastraClient.builder().baseUrl("not a url"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> MastraClient.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> MastraClient.builder().readTimeout(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> MastraClient.builder().bearerToken(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bearerToken");
    assertThatThrownBy(() -> RequestContext.builder().set(null, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
    assertThatThrownBy(() -> ItemListParams.builder().limit(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "a/b       | /api/v1/conversations/a%2Fb",
    "../x      | /api/v1/conversations/..%2Fx",
    "a?b       | /api/v1/conversations/a%3Fb",
    "a#b       | /api/v1/conversations/a%23b",
    "'a b'     | /api/v1/conversations/a%20b",
    "ü         | /api/v1/conversations/%C3%BC",
    "%2e%2e    | /api/v1/conversations/%252e%252e",
    "a%2Fb     | /api/v1/conversations/a%252Fb",
    "...       | /api/v1/conversations/..."
  })
  void anIdIsOneEncodedPathSegment(String id, String expectedUrl) {
    wm.stubFor(any(anyUrl()).willReturn(recorded("04")));

    client.conversations().retrieve(id);
    client.conversations().items().list(id);

    assertThat(wm.getAllServeEvents()).extracting(event -> event.getRequest().getUrl())
        .containsExactlyInAnyOrder(expectedUrl, expectedUrl + "/items");
  }

  @Test
  void aResponseIdIsOneEncodedPathSegmentToo() {
    wm.stubFor(any(anyUrl()).willReturn(recorded("35")));
    client.responses().delete("../conversations/x");
    assertThat(wm.getAllServeEvents().get(0).getRequest().getUrl())
        .isEqualTo("/api/v1/responses/..%2Fconversations%2Fx");
  }
}
