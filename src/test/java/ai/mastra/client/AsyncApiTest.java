package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.Conversation;
import ai.mastra.client.model.ConversationDeleted;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ListOrder;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The non-blocking API: same requests, same exceptions, real cancellation, lazy async paging. */
class AsyncApiTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private OkHttpClient http;
  private MastraClient client;

  @BeforeEach
  void setUp() {
    http = new OkHttpClient();
    client = new MastraClient.Builder(name -> null)
        .baseUrl(wm.baseUrl())
        .httpClient(http)
        .retryDelays(Duration.ofMillis(1), Duration.ofMillis(5))
        .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }

  private static String item(String id) {
    return "{\"id\":\"" + id + "\",\"type\":\"message\",\"role\":\"user\",\"status\":\"completed\","
        + "\"content\":[{\"type\":\"input_text\",\"text\":\"" + id + "\"}]}";
  }

  private static String page(boolean hasMore, String... ids) {
    List<String> items = new ArrayList<>();
    for (String id : ids) {
      items.add(item(id));
    }
    String first = ids.length == 0 ? "null" : "\"" + ids[0] + "\"";
    String last = ids.length == 0 ? "null" : "\"" + ids[ids.length - 1] + "\"";
    return "{\"object\":\"list\",\"data\":[" + String.join(",", items) + "],\"first_id\":" + first
        + ",\"last_id\":" + last + ",\"has_more\":" + hasMore + "}";
  }

  @Test
  void createSendsTheSameRequestAsTheBlockingApiAndCompletesWithTheModel() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/api/v1/conversations"))
        .willReturn(okJson("{\"id\":\"c1\",\"object\":\"conversation\",\"thread\":{\"id\":\"c1\",\"title\":\"\","
            + "\"resourceId\":\"c1\",\"createdAt\":\"2026-11-25T06:39:00.082Z\",\"updatedAt\":\"2026-11-25T06:39:00.082Z\"}}")));

    RequestContext context = RequestContext.builder().set("tenant", "acme").build();
    CompletableFuture<Conversation> future = client.async().conversations()
        .create(new ConversationCreateRequest().agentId("support-agent"), RequestOptions.of(context));

    assertThat(future.get(10, TimeUnit.SECONDS).getId()).isEqualTo("c1");
    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/conversations"))
        .withoutQueryParam("requestContext") // on POST the context goes in the body only
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
            "{\"agent_id\":\"support-agent\",\"requestContext\":{\"tenant\":\"acme\"}}")));
  }

  @Test
  void anErrorStatusCompletesExceptionallyWithTheTypedException() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/responses/nope"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"Stored response nope was not found\"}")));

    CompletableFuture<Response> future = client.async().responses().retrieve("nope");

    assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Stored response nope was not found");
  }

  @Test
  void aConnectionFailureCompletesExceptionallyWithMastraIOException() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    CompletableFuture<Response> future = client.async().responses()
        .create(new ResponseCreateRequest().agentId("support-agent").input("hi"));

    assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(MastraIOException.class);
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/responses"))); // POST is never retried
  }

  @Test
  void aDeleteIsRetriedAsyncAfter503() throws Exception {
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/api/v1/responses/r1"))
        .inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withBody("busy")).willSetStateTo("ok"));
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/api/v1/responses/r1"))
        .inScenario("retry").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"id\":\"r1\",\"object\":\"response\",\"deleted\":true}")));

    assertThat(client.async().responses().delete("r1").get(10, TimeUnit.SECONDS).getDeleted()).isTrue();
    wm.verify(2, deleteRequestedFor(urlPathEqualTo("/api/v1/responses/r1")));
  }

  @Test
  void badInputThrowsAtOnceWithNoRequest() {
    assertThatThrownBy(() -> client.async().conversations().retrieve(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("conversationId");
    assertThatThrownBy(() -> client.async().responses().create(new ResponseCreateRequest().agentId("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request.input");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  /** OkHttp events of the calls of {@link #watch()}'s client: a request sent, a call cancelled. */
  private final CountDownLatch sent = new CountDownLatch(1);
  private final CountDownLatch cancelled = new CountDownLatch(1);

  /** Replaces the client with one over {@link #http} (same dispatcher) whose calls count down the latches. */
  private void watch() {
    OkHttpClient watched = http.newBuilder().eventListener(new EventListener() {
      @Override
      public void requestHeadersEnd(Call call, Request request) {
        sent.countDown();
      }

      @Override
      public void canceled(Call call) {
        cancelled.countDown();
      }
    }).build();
    client.close();
    client = new MastraClient.Builder(name -> null).baseUrl(wm.baseUrl()).httpClient(watched).build();
  }

  /** Cancels {@code future} once its request reached the server; asserts the HTTP call ended, cancelled. */
  private void cancelOnceSentAndSeeTheCallEnd(CompletableFuture<?> future) throws InterruptedException {
    assertThat(sent.await(10, TimeUnit.SECONDS)).as("the request reached the server").isTrue();
    assertThat(http.dispatcher().runningCallsCount()).isEqualTo(1);
    CountDownLatch idle = new CountDownLatch(1);
    http.dispatcher().setIdleCallback(idle::countDown);

    assertThat(future.cancel(true)).isTrue();

    assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("OkHttp saw the call cancelled").isTrue();
    assertThat(idle.await(10, TimeUnit.SECONDS)).as("the dispatcher ran no call any more").isTrue();
    assertThat(http.dispatcher().runningCallsCount()).isZero();
    assertThat(future).isCancelled();
  }

  @Test
  void cancellingTheFutureCancelsTheHttpCall() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/slow"))
        .willReturn(okJson("{}").withFixedDelay(10_000)));
    watch();

    cancelOnceSentAndSeeTheCallEnd(client.async().conversations().retrieve("slow"));
  }

  @Test
  void cancellingASessionTurnCancelsItsHttpCall() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).willReturn(okJson("{}").withFixedDelay(10_000)));
    watch();

    cancelOnceSentAndSeeTheCallEnd(client.session("support-agent", "c1").async().send("Hi"));
  }

  @Test
  void cancellingAStructuredCreateCancelsItsHttpCall() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).willReturn(okJson("{}").withFixedDelay(10_000)));
    watch();

    cancelOnceSentAndSeeTheCallEnd(client.async().responses().create(
        new ResponseCreateRequest().agentId("a").input("x"), StructuredOutputContractTest.Echo.class));
  }

  @Test
  void cancellingAnItemsListFutureCancelsTheHttpCall() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/slow/items"))
        .willReturn(okJson(page(false, "i1")).withFixedDelay(10_000)));
    watch();

    cancelOnceSentAndSeeTheCallEnd(client.async().conversations().items().list("slow"));
  }

  @Test
  void cancellingForEachBeforeTheFirstPageCancelsItsHttpCall() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/slow/items"))
        .willReturn(okJson(page(false, "i1")).withFixedDelay(10_000)));
    watch();
    List<String> seen = Collections.synchronizedList(new ArrayList<>());

    cancelOnceSentAndSeeTheCallEnd(client.async().conversations().items().forEach("slow", i -> seen.add(i.getId())));
    assertThat(seen).isEmpty();
  }

  // ------------------------------------------------------------------------------------------ conversations

  @Test
  void conversationsDeleteSendsTheDeleteAndCompletesWithTheModel() throws Exception {
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/api/v1/conversations/conv-fixed-1"))
        .willReturn(Capture.load("50").answer()));
    RequestContext context = RequestContext.builder().set("tenant", "acme").build();

    ConversationDeleted deleted = client.async().conversations()
        .delete("conv-fixed-1", RequestOptions.builder().requestContext(context).header("X-Trace", "t1").build())
        .get(10, TimeUnit.SECONDS);

    assertThat(deleted.getId()).isEqualTo("conv-fixed-1");
    assertThat(deleted.getObject()).isEqualTo("conversation.deleted");
    assertThat(deleted.getDeleted()).isTrue();
    // Mastra reads no request context on DELETE: none is sent (see RequestContext)
    wm.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/conversations/conv-fixed-1"))
        .withQueryParam("requestContext", com.github.tomakehurst.wiremock.client.WireMock.absent())
        .withHeader("X-Trace", equalTo("t1")));
  }

  @Test
  void conversationsDeleteOfAnUnknownIdCompletesWithNotFoundAndEncodesTheId() {
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/api/v1/conversations/a%2Fb"))
        .willReturn(Capture.load("53").answer()));

    CompletableFuture<ConversationDeleted> future = client.async().conversations().delete("a/b");

    assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Conversation conv-fixed-1 was not found");
    wm.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/conversations/a%2Fb")));
  }

  @Test
  void itemsListSendsTheParamsAndCompletesWithAPageThatFetchesTheNext() throws Exception {
    String path = "/api/v1/conversations/c1/items";
    wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", equalTo("i0"))
        .willReturn(okJson(page(true, "i1", "i2"))));
    wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", equalTo("i2"))
        .willReturn(okJson(page(false, "i3"))));
    ItemListParams params = ItemListParams.builder().limit(2).order(ListOrder.DESC).after("i0").build();
    RequestContext context = RequestContext.builder().set("tenant", "acme").build();

    ConversationItemsPage first = client.async().conversations().items()
        .list("c1", params, RequestOptions.of(context)).get(10, TimeUnit.SECONDS);

    assertThat(first.data()).extracting(OutputItem::getId).containsExactly("i1", "i2");
    assertThat(first.params()).isEqualTo(params);
    assertThat(first.hasNextPage()).isTrue();
    wm.verify(1, getRequestedFor(urlPathEqualTo(path))
        .withQueryParam("limit", equalTo("2"))
        .withQueryParam("order", equalTo("desc"))
        .withQueryParam("after", equalTo("i0"))
        .withQueryParam("requestContext", equalTo(context.toQueryParameter())));

    ConversationItemsPage second = first.nextPageAsync().get(10, TimeUnit.SECONDS);

    assertThat(second.data()).extracting(OutputItem::getId).containsExactly("i3");
    assertThat(second.hasNextPage()).isFalse();
    wm.verify(1, getRequestedFor(urlPathEqualTo(path))
        .withQueryParam("limit", equalTo("2"))
        .withQueryParam("order", equalTo("desc"))
        .withQueryParam("after", equalTo("i2"))
        .withQueryParam("requestContext", equalTo(context.toQueryParameter())));
  }

  @Test
  void createWithoutOptionsSendsNoRequestContext() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/api/v1/conversations")).willReturn(Capture.load("01").answer()));

    assertThat(client.async().conversations().create(new ConversationCreateRequest().agentId("support-agent"))
        .get(10, TimeUnit.SECONDS).getId()).isEqualTo(Capture.load("01").responseJson().get("id").getAsString());
    assertThat(wm.getAllServeEvents()).singleElement()
        .satisfies(event -> assertThat(event.getRequest().getUrl()).isEqualTo("/api/v1/conversations"));
  }

  @Test
  void theAsyncListenerStreamCompletesWithTheFinalResponse() throws Exception {
    String body = "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\","
        + "\"output_index\":0,\"content_index\":0,\"item_id\":\"m\",\"delta\":\"Hi\"}\n\n"
        + "event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"id\":\"r9\","
        + "\"status\":\"completed\",\"output\":[]}}\n\n";
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body)));
    List<String> types = Collections.synchronizedList(new ArrayList<>());

    Response response = client.async().responses()
        .stream(new ResponseCreateRequest().agentId("support-agent").input("hi"), RequestOptions.none(),
            new ResponseStreamListener() {
              @Override
              public void onEvent(StreamEvent event) {
                types.add(event.type());
              }
            })
        .get(10, TimeUnit.SECONDS);

    assertThat(response.getId()).isEqualTo("r9");
    assertThat(types).containsExactly("response.output_text.delta", "response.completed");
  }

  @Test
  void itemsListWithoutParamsSendsNoPagingParameters() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1/items")).willReturn(okJson(page(false, "i1"))));

    ConversationItemsPage page = client.async().conversations().items().list("c1").get(10, TimeUnit.SECONDS);

    assertThat(page.data()).extracting(OutputItem::getId).containsExactly("i1");
    assertThat(page.hasNextPage()).isFalse();
    assertThat(wm.getAllServeEvents()).singleElement()
        .satisfies(event -> assertThat(event.getRequest().getUrl()).isEqualTo("/api/v1/conversations/c1/items"));
  }

  @Test
  void forEachVisitsEveryItemOfEveryPageInOrderOneRequestPerPage() throws Exception {
    String path = "/api/v1/conversations/c1/items";
    wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("limit", equalTo("2"))
        .willReturn(okJson(page(true, "i1", "i2"))));
    wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", equalTo("i2"))
        .willReturn(okJson(page(true, "i3", "i4"))));
    wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", equalTo("i4"))
        .willReturn(okJson(page(false, "i5"))));

    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    client.async().conversations().items()
        .forEach("c1", ItemListParams.builder().limit(2).build(), RequestOptions.none(),
            item -> seen.add(item.getId()))
        .get(10, TimeUnit.SECONDS);

    assertThat(seen).containsExactly("i1", "i2", "i3", "i4", "i5");
    wm.verify(3, getRequestedFor(urlPathEqualTo(path)));
    wm.verify(getRequestedFor(urlPathEqualTo(path)).withQueryParam("after", equalTo("i4"))
        .withQueryParam("limit", equalTo("2")));
  }

  @Test
  void forEachStopsAfterMastrasSinglePageThatHasALastIdButNoMore() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1/items"))
        .willReturn(okJson(page(false, "i1", "i2"))));

    List<OutputItem> seen = Collections.synchronizedList(new ArrayList<>());
    client.async().conversations().items().forEach("c1", seen::add).get(10, TimeUnit.SECONDS);

    assertThat(seen).hasSize(2);
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/conversations/c1/items")));
  }

  @Test
  void forEachFailsOnAStuckCursorInsteadOfLooping() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1/items"))
        .willReturn(okJson(page(true, "i1", "i2"))));

    CompletableFuture<Void> done = client.async().conversations().items().forEach("c1", item -> { });

    assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(MastraInvalidResponseException.class)
        .hasMessageContaining("same last_id i2");
    wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/conversations/c1/items")));
  }

  @Test
  void aFailingActionFailsTheFutureAndFetchesNoMorePages() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1/items"))
        .willReturn(okJson(page(true, "i1", "i2"))));

    CompletableFuture<Void> done = client.async().conversations().items().forEach("c1", item -> {
      throw new IllegalStateException("boom on " + item.getId());
    });

    assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom on i1");
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/conversations/c1/items")));
  }

  @Test
  void callsOnAClosedClientFail() {
    client.close();
    assertThatThrownBy(() -> client.async().responses().retrieve("r1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> client.responses().retrieve("r1")).isInstanceOf(IllegalStateException.class);
    ResponseCreateRequest request = new ResponseCreateRequest().agentId("support-agent").input("hi");
    assertThatThrownBy(() -> client.responses().stream(request)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.async().responses().stream(request, RequestOptions.none(),
        new ResponseStreamListener() { }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
