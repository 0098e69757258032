package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.Wire;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A session's less travelled paths: the request-object and async overloads' results, a deleted session, and
 * calls that wait on a first turn's conversation creation that then fails.
 */
class AgentSessionEdgesTest extends WireMockClientTest {
  private static final String CONVERSATIONS = "/api/v1/conversations";
  private static final String RESPONSES = "/api/v1/responses";
  /** The conversation of captures 02 and 19. */
  private static final String CONVERSATION = "conv-fixed-1";
  /** How long the stubbed creation takes: long enough that the next call finds it in flight. */
  private static final int CREATION_DELAY_MS = 500;

  private static String responseId(String capture) {
    return Capture.load(capture).responseJson().get("id").getAsString();
  }

  private void stubServer() {
    wm.stubFor(post(urlEqualTo(CONVERSATIONS)).willReturn(Capture.load("02").answer()));
    wm.stubFor(post(urlEqualTo(RESPONSES)).willReturn(Capture.load("19").answer()));
    wm.stubFor(get(urlPathEqualTo(CONVERSATIONS + "/" + CONVERSATION + "/items")).willReturn(Capture.load("13").answer()));
    wm.stubFor(delete(urlEqualTo(CONVERSATIONS + "/" + CONVERSATION)).willReturn(Capture.load("50").answer()));
  }

  private void stubStream() {
    wm.stubFor(post(urlEqualTo(RESPONSES)).willReturn(aResponse().withHeader("Content-Type", StreamTestSupport.SSE)
        .withBody(StreamTestSupport.captureBody("25-response-stream"))));
  }

  /** The creation of the conversation fails with {@code status}, after a delay. */
  private void stubFailingCreation(int status) {
    wm.stubFor(post(urlEqualTo(CONVERSATIONS)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"no\",\"type\":\"invalid_request_error\"}}")
        .withFixedDelay(CREATION_DELAY_MS)));
  }

  private long requestsTo(String method, String urlStart) {
    return Wire.requests(wm).stream()
        .filter(r -> r.getMethod().value().equals(method) && r.getUrl().startsWith(urlStart)).count();
  }

  private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    return future.handle((r, f) -> f).get(10, TimeUnit.SECONDS);
  }

  // ---- what the overloads return

  @Test
  void theRequestObjectFormsReturnTheResponseAndTheAnswer() {
    stubServer();
    AgentSession session = client.session("support-agent", CONVERSATION);

    Response response = session.send(new ResponseCreateRequest().input("x"));
    wm.stubFor(post(urlEqualTo(RESPONSES)).willReturn(Capture.load("23").answer()));
    AgentSessionTest.Echo echo = session.send(new ResponseCreateRequest().input("x"), AgentSessionTest.Echo.class);

    assertThat(response.getId()).isEqualTo(responseId("19"));
    assertThat(echo.echo).isEqualTo("give me structured output");
  }

  @Test
  void theRequestObjectStreamIsOpenAndEndsWithTheResponse() {
    stubStream();
    AgentSession session = client.session("support-agent", CONVERSATION);

    try (ResponseStream stream = session.stream(new ResponseCreateRequest().input("x"))) {
      assertThat(stream.finalResponse().getStatus().value()).isEqualTo("completed");
    }
  }

  @Test
  void everyAsyncOverloadCompletesWithItsResult() throws Exception {
    stubServer();
    AgentSession session = client.session("support-agent", CONVERSATION);
    AgentSessionAsync async = session.async();

    Response one = async.send(new ResponseCreateRequest().input("x")).get(10, TimeUnit.SECONDS);
    Response two = async.send(new ResponseCreateRequest().input("x"), RequestOptions.none()).get(10, TimeUnit.SECONDS);
    wm.stubFor(post(urlEqualTo(RESPONSES)).willReturn(Capture.load("23").answer()));
    AgentSessionTest.Echo three =
        async.send(new ResponseCreateRequest().input("x"), AgentSessionTest.Echo.class).get(10, TimeUnit.SECONDS);
    AgentSessionTest.Echo four = async.send(new ResponseCreateRequest().input("x"), AgentSessionTest.Echo.class,
        RequestOptions.none()).get(10, TimeUnit.SECONDS);
    stubStream();
    Response five = async.stream(new ResponseCreateRequest().input("x"), RequestOptions.none(),
        new ResponseStreamListener() {}).get(10, TimeUnit.SECONDS);
    ConversationItemsPage page = async.items(RequestOptions.none()).get(10, TimeUnit.SECONDS);
    boolean deleted = async.delete(RequestOptions.none()).get(10, TimeUnit.SECONDS);

    assertThat(one.getId()).isEqualTo(responseId("19"));
    assertThat(two.getId()).isEqualTo(responseId("19"));
    assertThat(three.echo).isEqualTo("give me structured output");
    assertThat(four.echo).isEqualTo("give me structured output");
    assertThat(five.getStatus().value()).isEqualTo("completed");
    assertThat(page.data()).isNotEmpty();
    assertThat(deleted).isTrue();
  }

  @Test
  void aSessionKeepsItsRequestContext() {
    RequestContext context = RequestContext.of(Map.of("user", "u-1"));

    AgentSession session = client.sessionBuilder("support-agent").requestContext(context).build();

    assertThat(session.requestContext()).contains(context);
  }

  // ---- before the first turn, and after delete

  @Test
  void asyncItemsBeforeTheFirstTurnIsAnEmptyPageAndSendsNothing() throws Exception {
    AgentSession session = client.session("support-agent");

    ConversationItemsPage page = session.async().items().get(10, TimeUnit.SECONDS);

    assertThat(page).isNotNull();
    assertThat(page.data()).isEmpty();
    assertThat(Wire.requests(wm)).isEmpty();
  }

  @Test
  void aDeletedSessionRefusesAsyncItemsAndAsyncDelete() {
    AgentSession session = client.session("support-agent");
    session.delete();

    assertThatThrownBy(() -> session.async().items()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> session.async().delete()).isInstanceOf(IllegalStateException.class);
    assertThat(Wire.requests(wm)).isEmpty();
  }

  // ---- failures

  @Test
  void aCallWaitingOnAFailedCreationGetsTheServersError() throws Exception {
    stubFailingCreation(404);
    AgentSession session = client.session("support-agent");

    CompletableFuture<Response> first = session.async().send("a");
    assertThatThrownBy(() -> session.send("b")).isInstanceOf(NotFoundException.class);

    assertThat(failureOf(first)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void itemsWaitingOnAFailedCreationAreEmptyWithoutAList() throws Exception {
    stubFailingCreation(500);
    AgentSession session = client.session("support-agent");

    CompletableFuture<Response> first = session.async().send("a");
    ConversationItemsPage.AutoPager items = session.items();

    assertThat(items).isEmpty();
    assertThat(failureOf(first)).isInstanceOf(MastraServiceException.class);
    assertThat(requestsTo("GET", CONVERSATIONS)).isZero();
  }

  @Test
  void asyncItemsWaitingOnAFailedCreationAreAnEmptyPageWithoutAList() throws Exception {
    stubFailingCreation(500);
    AgentSession session = client.session("support-agent");

    CompletableFuture<Response> first = session.async().send("a");
    ConversationItemsPage page = session.async().items().get(10, TimeUnit.SECONDS);

    assertThat(page.data()).isEmpty();
    assertThat(failureOf(first)).isInstanceOf(MastraServiceException.class);
    assertThat(requestsTo("GET", CONVERSATIONS)).isZero();
  }

  @Test
  void deleteWaitingOnAFailedCreationDeletesNothing() throws Exception {
    stubFailingCreation(500);
    AgentSession session = client.session("support-agent");

    CompletableFuture<Response> first = session.async().send("a");
    boolean deleted = session.delete();

    assertThat(deleted).isFalse();
    assertThat(failureOf(first)).isInstanceOf(MastraServiceException.class);
    assertThat(requestsTo("DELETE", CONVERSATIONS)).isZero();
  }

  @Test
  void asyncDeleteWaitingOnAFailedCreationCompletesFalseAndDeletesNothing() throws Exception {
    stubFailingCreation(500);
    AgentSession session = client.session("support-agent");

    CompletableFuture<Response> first = session.async().send("a");
    boolean deleted = session.async().delete().get(10, TimeUnit.SECONDS);

    assertThat(deleted).isFalse();
    assertThat(failureOf(first)).isInstanceOf(MastraServiceException.class);
    assertThat(requestsTo("DELETE", CONVERSATIONS)).isZero();
  }

  @Test
  void anAsyncFirstTurnWhoseCreationIsResetFailsWithTheSdksException() throws Exception {
    wm.stubFor(post(urlEqualTo(CONVERSATIONS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    AgentSession session = client.session("support-agent");

    assertThat(failureOf(session.async().send("Hi"))).isInstanceOf(MastraIOException.class);
  }

  @Test
  void anAsyncDeleteAnswered404FailsWithTheNotFoundExceptionItself() throws Exception {
    wm.stubFor(delete(urlEqualTo(CONVERSATIONS + "/" + CONVERSATION)).willReturn(Capture.load("75").answer()));
    AgentSession session = client.session("support-agent", CONVERSATION);

    assertThat(failureOf(session.async().delete())).isInstanceOf(NotFoundException.class);
  }
}
