package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.InputMessage;
import ai.mastra.client.model.MessageRole;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.Wire;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A session: one agent, one conversation created once and lazily, stored turns, history, deletion. */
class AgentSessionTest extends WireMockClientTest {
  private static final String CONVERSATIONS = "/api/v1/conversations";
  private static final String RESPONSES = "/api/v1/responses";
  /** The conversation of captures 02 and 19. */
  private static final String CONVERSATION = "conv-fixed-1";

  private void stubServer() {
    wm.stubFor(post(urlEqualTo(CONVERSATIONS)).willReturn(Capture.load("02").answer()));
    wm.stubFor(post(urlEqualTo(RESPONSES)).willReturn(Capture.load("19").answer()));
    wm.stubFor(get(urlPathEqualTo(CONVERSATIONS + "/" + CONVERSATION + "/items")).willReturn(Capture.load("13").answer()));
    wm.stubFor(delete(urlEqualTo(CONVERSATIONS + "/" + CONVERSATION)).willReturn(Capture.load("50").answer()));
  }

  private static JsonObject body(LoggedRequest request) {
    return Wire.body(request).getAsJsonObject();
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }

  private List<LoggedRequest> requests() {
    return Wire.requests(wm);
  }

  @Test
  void makingASessionSendsNothing() {
    AgentSession session = client.session("support-agent");

    assertThat(session.agentId()).isEqualTo("support-agent");
    assertThat(session.conversationId()).isEmpty();
    assertThat(session.items()).isEmpty(); // nothing to list yet, and nothing asked
    assertThat(requests()).isEmpty();
  }

  @Test
  void theFirstTurnCreatesTheConversationThenEveryTurnGoesToItStored() {
    stubServer();
    AgentSession session = client.session("support-agent");

    Response first = session.send("My invoice is wrong");
    session.send("Why?");

    List<LoggedRequest> sent = requests();
    assertThat(sent).extracting(LoggedRequest::getUrl).containsExactly(CONVERSATIONS, RESPONSES, RESPONSES);
    assertThat(body(sent.get(0))).isEqualTo(json("{'agent_id':'support-agent'}"));
    assertThat(body(sent.get(1))).isEqualTo(json("{'agent_id':'support-agent','input':'My invoice is wrong',"
        + "'conversation_id':'conv-fixed-1','store':true}"));
    assertThat(body(sent.get(2)).get("input").getAsString()).isEqualTo("Why?");
    assertThat(body(sent.get(2)).get("conversation_id").getAsString()).isEqualTo(CONVERSATION);
    assertThat(session.conversationId()).contains(CONVERSATION);
    assertThat(first.getConversationId()).isEqualTo(CONVERSATION);
  }

  @Test
  void aNewConversationGetsTheBuildersResourceTitleAndMetadata() {
    stubServer();
    AgentSession session = client.sessionBuilder("support-agent")
        .resourceId("user-42").title("Billing").metadata(Map.of("ticket", "T-1")).build();

    session.send("Hi");

    assertThat(body(requests().get(0))).isEqualTo(json("{'agent_id':'support-agent','resource_id':'user-42',"
        + "'title':'Billing','metadata':{'ticket':'T-1'}}"));
  }

  @Test
  void aResumedSessionCreatesNothing() {
    stubServer();
    AgentSession session = client.session("support-agent", CONVERSATION);

    assertThat(session.conversationId()).contains(CONVERSATION);
    session.send("Again");

    assertThat(requests()).extracting(LoggedRequest::getUrl).containsExactly(RESPONSES);
    assertThat(body(requests().get(0)).get("conversation_id").getAsString()).isEqualTo(CONVERSATION);
  }

  @Test
  void aFullRequestKeepsItsFieldsAndTheCallersObjectIsNotChanged() {
    stubServer();
    AgentSession session = client.session("support-agent", CONVERSATION);
    ResponseCreateRequest request = new ResponseCreateRequest()
        .instructions("Answer in one sentence.")
        .input(List.of(new InputMessage().role(MessageRole.USER).content("Hello")));

    session.send(request);

    assertThat(body(requests().get(0))).isEqualTo(json("{'agent_id':'support-agent','input':[{'role':'user',"
        + "'content':'Hello'}],'instructions':'Answer in one sentence.','conversation_id':'conv-fixed-1',"
        + "'store':true}"));
    assertThat(request.getAgentId()).isNull();
    assertThat(request.getConversationId()).isNull();
    assertThat(request.getStore()).isNull();
  }

  @Test
  void fieldsEqualToTheSessionsAreAccepted() {
    stubServer();
    AgentSession session = client.session("support-agent", CONVERSATION);

    session.send(new ResponseCreateRequest().agentId("support-agent").conversationId(CONVERSATION).store(true)
        .input("Same"));

    assertThat(requests()).hasSize(1);
  }

  @Test
  void aRequestThatContradictsTheSessionIsRefusedBeforeAnyRequest() {
    AgentSession session = client.session("support-agent");
    AgentSession resumed = client.session("support-agent", CONVERSATION);

    assertThatThrownBy(() -> session.send(new ResponseCreateRequest().agentId("json-agent").input("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("request.agentId is 'json-agent', but this session talks to agent 'support-agent'");
    assertThatThrownBy(() -> session.send(new ResponseCreateRequest().store(false).input("x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("request.store is false");
    assertThatThrownBy(() -> session.send(new ResponseCreateRequest().previousResponseId("msg_1").input("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("request.previousResponseId must not be set in a session");
    assertThatThrownBy(() -> session.send(new ResponseCreateRequest().conversationId("other").input("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("this session's conversation is not created yet");
    assertThatThrownBy(() -> resumed.send(new ResponseCreateRequest().conversationId("other").input("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("this session's conversation is 'conv-fixed-1'");
    assertThatThrownBy(() -> session.send(new ResponseCreateRequest().stream(true).input("x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("request.stream must not be true");
    assertThatThrownBy(() -> session.send(new ResponseCreateRequest()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("request.input must not be null");
    assertThatThrownBy(() -> session.send((String) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("input must not be null");
    assertThatThrownBy(() -> session.send((ResponseCreateRequest) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("request must not be null");
    assertThatThrownBy(() -> session.send(new ResponseCreateRequest().input("x"), (RequestOptions) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("options must not be null");
    assertThatThrownBy(() -> session.stream(new ResponseCreateRequest().agentId("json-agent").input("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> session.async().send(new ResponseCreateRequest().store(false).input("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> session.async().stream("x", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("listener must not be null");
    assertThatThrownBy(() -> session.send("x", (Class<?>) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("type must not be null");
    assertThatThrownBy(() -> session.send("x", Object.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be the type of a structured");
    assertThatThrownBy(() -> session.send(new ResponseCreateRequest().input("x")
            .text(StructuredOutput.of(Echo.class).textConfig()), Echo.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("request.text must not be set");
    assertThat(requests()).isEmpty();
  }

  @Test
  void badSessionArgumentsAreRefused() {
    assertThatThrownBy(() -> client.session(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("agentId must not be blank");
    assertThatThrownBy(() -> client.session("a", "..")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("conversationId must not be '.' or '..'");
    assertThatThrownBy(() -> client.sessionBuilder("a").requestContext(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("requestContext must not be null");
    assertThatThrownBy(() -> client.sessionBuilder("a").conversationId("c").title("t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("resourceId, title and metadata are for a new conversation");
  }

  @Test
  void theSessionsContextGoesWithEveryCallAndACallsContextIsMergedOverIt() {
    stubServer();
    AgentSession session = client.sessionBuilder("support-agent")
        .requestContext(RequestContext.builder().set("tenant", "acme").set("user", "u1").build()).build();

    session.send("One");
    session.send(new ResponseCreateRequest().input("Two"),
        RequestOptions.of(RequestContext.builder().set("user", "u2").set("trace", 7).build()));
    session.send(new ResponseCreateRequest().input("Three").requestContext(Map.of("trace", 8)));
    session.items().forEach(item -> { });
    session.delete();

    List<LoggedRequest> sent = requests();
    assertThat(body(sent.get(0)).get("requestContext")).isEqualTo(json("{'tenant':'acme','user':'u1'}"));
    assertThat(body(sent.get(1)).get("requestContext")).isEqualTo(json("{'tenant':'acme','user':'u1'}"));
    assertThat(body(sent.get(2)).get("requestContext")).isEqualTo(json("{'tenant':'acme','user':'u2','trace':7}"));
    assertThat(body(sent.get(3)).get("requestContext")).isEqualTo(json("{'tenant':'acme','user':'u1','trace':8}"));
    assertThat(Wire.requestContext(sent.get(4))).contains(json("{'tenant':'acme','user':'u1'}"));
    assertThat(sent.get(4).getUrl()).doesNotContain("trace");
    assertThat(sent.get(5).getMethod().getName()).isEqualTo("DELETE");
    assertThat(sent.get(5).getUrl()).isEqualTo(CONVERSATIONS + "/" + CONVERSATION);
  }

  @Test
  void aContextGivenTwiceOrBadIsRefusedBeforeAnyRequest() {
    AgentSession session = client.session("support-agent");

    assertThatThrownBy(() -> session.send(new ResponseCreateRequest().input("x").requestContext(Map.of("a", 1)),
            RequestOptions.of(RequestContext.builder().set("b", 2).build())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("requestContext is given twice");
    assertThatThrownBy(() -> session.send(new ResponseCreateRequest().input("x")
            .requestContext(Map.of("mastra__resourceId", "someone-else")))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mastra__resourceId");
    assertThat(requests()).isEmpty();
  }

  @Test
  void itemsListTheWholeHistoryThroughThePager() {
    stubServer();
    AgentSession session = client.session("support-agent", CONVERSATION);

    List<OutputItem> items = new ArrayList<>();
    session.items().forEach(items::add);

    assertThat(items).extracting(OutputItem::getId)
        .containsExactlyElementsOf(Capture.load("13").responseJson().getAsJsonArray("data").asList().stream()
            .map(item -> item.getAsJsonObject().get("id").getAsString()).collect(Collectors.toList()));
    assertThat(requests()).extracting(LoggedRequest::getUrl).containsExactly(CONVERSATIONS + "/" + CONVERSATION + "/items");
  }

  @Test
  void deleteDeletesTheConversationAndEndsTheSession() {
    stubServer();
    AgentSession session = client.session("support-agent");
    session.send("Hi");

    assertThat(session.delete()).isTrue();

    assertThat(requests().get(2).getUrl()).isEqualTo(CONVERSATIONS + "/" + CONVERSATION);
    assertThatThrownBy(() -> session.send("Again")).isInstanceOf(IllegalStateException.class)
        .hasMessage("this session's conversation was deleted: start a new session");
    assertThatThrownBy(session::items).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(session::delete).isInstanceOf(IllegalStateException.class);
    assertThat(requests()).hasSize(3);
  }

  @Test
  void deletingASessionThatNeverSpokeDeletesNothing() throws Exception {
    assertThat(client.session("support-agent").delete()).isFalse();
    assertThat(client.session("support-agent").async().delete().get(10, TimeUnit.SECONDS)).isFalse();
    assertThat(requests()).isEmpty();
  }

  @Test
  void aFailedCreationFailsTheTurnAndTheNextTurnTriesAgain() {
    wm.stubFor(post(urlEqualTo(CONVERSATIONS)).inScenario("create").whenScenarioStateIs("Started")
        .willReturn(Capture.load("70").answer()).willSetStateTo("fixed"));
    wm.stubFor(post(urlEqualTo(CONVERSATIONS)).inScenario("create").whenScenarioStateIs("fixed")
        .willReturn(Capture.load("02").answer()));
    wm.stubFor(post(urlEqualTo(RESPONSES)).willReturn(Capture.load("19").answer()));
    AgentSession session = client.session("no-such-agent");

    assertThatThrownBy(() -> session.send("Hi")).isInstanceOf(NotFoundException.class);
    assertThat(session.conversationId()).isEmpty();
    assertThat(session.items()).isEmpty();

    session.send("Hi again");
    assertThat(session.conversationId()).contains(CONVERSATION);
    assertThat(requests()).extracting(LoggedRequest::getUrl).containsExactly(CONVERSATIONS, CONVERSATIONS, RESPONSES);
  }

  @Test
  void aStreamedTurnGoesToTheConversationStored() {
    stubServer();
    wm.stubFor(post(urlEqualTo(RESPONSES)).willReturn(aResponse().withHeader("Content-Type", StreamTestSupport.SSE)
        .withBody(StreamTestSupport.captureBody("27-response-stream-store-conversation"))));
    AgentSession session = client.session("support-agent");

    try (ResponseStream stream = session.stream("Stream it")) {
      assertThat(stream.outputText()).isNotEmpty();
    }

    // picked by URL, not by position: a request of an earlier test that WireMock was still handling when it
    // reset its journal can land in this test's (seen once, under load)
    List<LoggedRequest> turns =
        requests().stream().filter(r -> r.getUrl().equals(RESPONSES)).collect(Collectors.toList());
    assertThat(turns).hasSize(1);
    JsonObject turn = body(turns.get(0));
    assertThat(turn.get("stream").getAsBoolean()).isTrue();
    assertThat(turn.get("store").getAsBoolean()).isTrue();
    assertThat(turn.get("conversation_id").getAsString()).isEqualTo(CONVERSATION);
    assertThat(turn.get("agent_id").getAsString()).isEqualTo("support-agent");
  }

  @Test
  void theListenerFormAndTheAsyncViewDoTheSame() throws Exception {
    stubServer();
    AgentSession session = client.session("support-agent");

    Response viaAsync = session.async().send("One").get(10, TimeUnit.SECONDS);
    wm.stubFor(post(urlEqualTo(RESPONSES)).willReturn(aResponse().withHeader("Content-Type", StreamTestSupport.SSE)
        .withBody(StreamTestSupport.captureBody("25-response-stream"))));
    Response viaListener = session.async().stream("Two", new ResponseStreamListener() {}).get(10, TimeUnit.SECONDS);
    ConversationItemsPage page = session.async().items().get(10, TimeUnit.SECONDS);
    boolean deleted = session.async().delete().get(10, TimeUnit.SECONDS);

    assertThat(viaAsync.getConversationId()).isEqualTo(CONVERSATION);
    assertThat(viaListener.getStatus().value()).isEqualTo("completed");
    assertThat(page.data()).isNotEmpty();
    assertThat(deleted).isTrue();
    assertThat(requests()).extracting(r -> r.getMethod().getName() + " " + r.getUrl()).containsExactly(
        "POST " + CONVERSATIONS, "POST " + RESPONSES, "POST " + RESPONSES,
        "GET " + CONVERSATIONS + "/" + CONVERSATION + "/items", "DELETE " + CONVERSATIONS + "/" + CONVERSATION);
    assertThat(body(requests().get(2)).get("conversation_id").getAsString()).isEqualTo(CONVERSATION);
  }

  @Test
  void aFailedCreationReachesTheListenerAndTheFuture() throws Exception {
    wm.stubFor(post(urlEqualTo(CONVERSATIONS)).willReturn(Capture.load("70").answer()));
    AgentSession session = client.session("no-such-agent");
    AtomicReference<MastraException> heard = new AtomicReference<>();
    CountDownLatch errored = new CountDownLatch(1);

    CompletableFuture<Response> done = session.stream("Hi", new ResponseStreamListener() {
      @Override public void onError(MastraException error) {
        heard.set(error);
        errored.countDown();
      }
    });

    assertThat(errored.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(heard.get()).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> session.async().send("Hi").get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(NotFoundException.class);
  }

  /**
   * The promise of the class comment: however many first turns start together, blocking or async, the
   * conversation is created once and every turn goes to it. (The creation answers after 300 ms so that the
   * turns overlap it; the outcome asserted does not depend on how much they do.)
   */
  @Test
  void concurrentFirstTurnsCreateOneConversationAndAllGoToIt() throws Exception {
    wm.stubFor(post(urlEqualTo(CONVERSATIONS)).willReturn(Capture.load("02").answer().withFixedDelay(300)));
    wm.stubFor(post(urlEqualTo(RESPONSES)).willReturn(Capture.load("19").answer()));
    AgentSession session = client.session("support-agent");
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Response>> turns = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        turns.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return n % 2 == 0 ? session.send("turn " + n) : session.async().send("turn " + n).get(10, TimeUnit.SECONDS);
        }));
      }
      start.countDown();
      for (Future<Response> turn : turns) {
        assertThat(turn.get(20, TimeUnit.SECONDS).getConversationId()).isEqualTo(CONVERSATION);
      }
    } finally {
      pool.shutdownNow();
    }

    wm.verify(1, postRequestedFor(urlEqualTo(CONVERSATIONS)));
    List<LoggedRequest> turns = requests().stream().filter(r -> r.getUrl().equals(RESPONSES))
        .collect(Collectors.toList());
    assertThat(turns).hasSize(threads);
    assertThat(turns).allSatisfy(turn -> assertThat(body(turn).get("conversation_id").getAsString())
        .isEqualTo(CONVERSATION));
  }

  /** A turn waiting for another thread's creation of the conversation ends when interrupted, flag kept. */
  @Test
  void aTurnWaitingForAnotherThreadsCreationCanBeInterrupted() throws Exception {
    wm.stubFor(post(urlEqualTo(CONVERSATIONS)).willReturn(Capture.load("02").answer().withFixedDelay(20_000)));
    CountDownLatch creationSent = new CountDownLatch(1);
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder().eventListener(new okhttp3.EventListener() {
      @Override public void requestHeadersEnd(okhttp3.Call call, okhttp3.Request request) {
        creationSent.countDown();
      }
    }).build();
    try (MastraClient watched = MastraClient.builder().baseUrl(wm.baseUrl()).httpClient(http).build()) {
      AgentSession session = watched.session("support-agent");
      AtomicReference<Throwable> creatorFailure = new AtomicReference<>();
      Thread creator = new Thread(() -> {
        try {
          session.send("first");
        } catch (Throwable t) {
          creatorFailure.set(t);
        }
      });
      creator.start();
      assertThat(creationSent.await(10, TimeUnit.SECONDS)).isTrue();

      AtomicReference<Throwable> waiterFailure = new AtomicReference<>();
      AtomicReference<Boolean> flagKept = new AtomicReference<>();
      Thread waiter = new Thread(() -> {
        Thread.currentThread().interrupt(); // interrupted while (or before) it waits: the same outcome
        try {
          session.send("second");
        } catch (Throwable t) {
          waiterFailure.set(t);
          flagKept.set(Thread.currentThread().isInterrupted());
        }
      });
      waiter.start();
      waiter.join(2_000); // short on purpose, see TimeoutsAndInterruptsTest.assertInterruptible

      assertThat(waiterFailure.get()).isInstanceOf(MastraIOException.class)
          .hasMessage("interrupted while waiting for another call to create the session's conversation");
      assertThat(flagKept.get()).isTrue();
      creator.interrupt(); // the SDK cancels the creator's call too
      creator.join(2_000);
      assertThat(creatorFailure.get()).isInstanceOf(MastraIOException.class);
      assertThat(session.conversationId()).isEmpty();
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Test
  void aTimeoutInTheOptionsAppliesToTheTurn() {
    wm.stubFor(post(urlEqualTo(RESPONSES)).willReturn(okJson("{}").withFixedDelay(5_000)));
    AgentSession session = client.session("support-agent", CONVERSATION);

    assertThatThrownBy(() -> session.send(new ResponseCreateRequest().input("x"),
            RequestOptions.builder().timeout(Duration.ofMillis(200)).build()))
        .isInstanceOf(MastraTimeoutException.class);
  }

  @Test
  void aStructuredTurnAsksForTheSchemaAndReadsTheAnswer() throws Exception {
    wm.stubFor(post(urlEqualTo(RESPONSES)).willReturn(Capture.load("23").answer()));
    AgentSession session = client.session("support-agent", CONVERSATION);

    Echo echo = session.send("give me structured output", Echo.class);
    Echo again = session.async().send("give me structured output", Echo.class).get(10, TimeUnit.SECONDS);

    assertThat(echo.echo).isEqualTo("give me structured output");
    assertThat(again.echo).isEqualTo("give me structured output");
    JsonObject turn = body(requests().get(0));
    assertThat(turn.getAsJsonObject("text")).isEqualTo(json("{'format':{'type':'json_schema','name':'Echo',"
        + "'schema':{'type':'object','properties':{'echo':{'type':'string'}},'required':['echo'],"
        + "'additionalProperties':false}}}"));
    assertThat(turn.get("conversation_id").getAsString()).isEqualTo(CONVERSATION);
  }

  @Test
  void toStringSaysTheAgentAndConversation() {
    assertThat(client.session("support-agent").toString())
        .isEqualTo("AgentSession{agent=support-agent, conversation=(not created)}");
    assertThat(client.session("support-agent", "c1").toString())
        .isEqualTo("AgentSession{agent=support-agent, conversation=c1}");
  }

  /** The answer of the real server's JSON mode: {"echo": "<the input>"}. */
  static final class Echo {
    String echo;
  }
}
