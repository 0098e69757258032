package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.Wire;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way of sending a context (RequestOptions or the request's own field; blocking, async, stream, listener)
 * puts the same bytes in the POST body, {@link RequestContext#toJson()}, and nothing in the URL; the caller's
 * other values reach the wire as given; bad contexts fail the same way on every path, before any request.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RequestContextPathsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private MastraClient client;

  @BeforeEach
  void setUp() {
    client = MastraClient.builder().baseUrl(wm.baseUrl()).maxRetries(0).build();
    wm.stubFor(post(urlPathMatching("/api/v1/conversations")).willReturn(Capture.load("43").answer()));
    wm.stubFor(get(urlPathMatching("/api/v1/conversations/[^/]+")).willReturn(Capture.load("44").answer()));
    wm.stubFor(delete(urlPathMatching("/api/v1/conversations/[^/]+")).willReturn(Capture.load("49").answer()));
    wm.stubFor(get(urlPathMatching("/api/v1/conversations/[^/]+/items")).willReturn(Capture.load("45").answer()));
    wm.stubFor(post(urlPathMatching("/api/v1/responses")).willReturn(Capture.load("42").answer()));
    wm.stubFor(post(urlPathMatching("/api/v1/responses")).withHeader("Accept", equalTo("text/event-stream"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", StreamTestSupport.SSE)
            .withBody(StreamTestSupport.captureBody("25-response-stream"))));
    wm.stubFor(get(urlPathMatching("/api/v1/responses/[^/]+")).willReturn(Capture.load("46").answer()));
    wm.stubFor(delete(urlPathMatching("/api/v1/responses/[^/]+")).willReturn(Capture.load("35").answer()));
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  /** The example (nulls, 7.0, nested null, 0.5) plus integer-like keys, numbers of other types, U+2028. */
  static Map<String, Object> contextMap() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("d", null);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", null);
    map.put("b", 7.0);
    map.put("c", nested);
    map.put("e", 0.5);
    map.put("10", "x");
    map.put("2", "y");
    map.put("n", Arrays.asList(1, 2.5f, new BigDecimal("0.10")));
    map.put("u", "line\u2028 <&>");
    return map;
  }

  // Node 22: JSON.stringify({a:null,b:7,c:{d:null},e:0.5,"10":"x","2":"y",n:[1,2.5,0.1],u:"line\u2028 <&>"})
  static final String NODE_JSON =
      "{\"2\":\"y\",\"10\":\"x\",\"a\":null,\"b\":7,\"c\":{\"d\":null},\"e\":0.5,\"n\":[1,2.5,0.1],"
          + "\"u\":\"line\u2028 <&>\"}";

  /** One way of sending a POST; {@code withContext} false sends the same request without any context. */
  interface Post {
    void send(MastraClient client, boolean withContext) throws Exception;
  }

  static ResponseCreateRequest responseRequest(boolean contextInField) {
    ResponseCreateRequest request = new ResponseCreateRequest().agentId("support-agent").input("hi");
    return contextInField ? request.requestContext(contextMap()) : request;
  }

  static ConversationCreateRequest conversationRequest(boolean contextInField) {
    ConversationCreateRequest request = new ConversationCreateRequest().agentId("support-agent").title("t");
    return contextInField ? request.requestContext(contextMap()) : request;
  }

  static RequestOptions options(boolean withContext) {
    return withContext ? RequestOptions.of(RequestContext.of(contextMap())) : RequestOptions.none();
  }

  static ResponseStreamListener quietListener() {
    return new ResponseStreamListener() {
      @Override
      public void onEvent(StreamEvent event) {}
    };
  }

  static Stream<Arguments> posts() {
    return Stream.of(
        Arguments.of("create, options", (Post) (c, w) -> c.responses().create(responseRequest(false), options(w))),
        Arguments.of("create, request field", (Post) (c, w) -> c.responses().create(responseRequest(w))),
        Arguments.of("async create, options",
            (Post) (c, w) -> c.async().responses().create(responseRequest(false), options(w)).get(10, TimeUnit.SECONDS)),
        Arguments.of("async create, request field",
            (Post) (c, w) -> c.async().responses().create(responseRequest(w)).get(10, TimeUnit.SECONDS)),
        Arguments.of("stream, options", (Post) (c, w) -> {
          try (ResponseStream stream = c.responses().stream(responseRequest(false), options(w))) {
            stream.finalResponse();
          }
        }),
        Arguments.of("stream, request field", (Post) (c, w) -> {
          try (ResponseStream stream = c.responses().stream(responseRequest(w))) {
            stream.finalResponse();
          }
        }),
        Arguments.of("listener, options", (Post) (c, w) -> c.responses()
            .stream(responseRequest(false), options(w), quietListener()).get(10, TimeUnit.SECONDS)),
        Arguments.of("listener, request field", (Post) (c, w) -> c.responses()
            .stream(responseRequest(w), RequestOptions.none(), quietListener()).get(10, TimeUnit.SECONDS)),
        Arguments.of("async listener, options", (Post) (c, w) -> c.async().responses()
            .stream(responseRequest(false), options(w), quietListener()).get(10, TimeUnit.SECONDS)),
        Arguments.of("conversations.create, options",
            (Post) (c, w) -> c.conversations().create(conversationRequest(false), options(w))),
        Arguments.of("conversations.create, request field",
            (Post) (c, w) -> c.conversations().create(conversationRequest(w))),
        Arguments.of("async conversations.create, options", (Post) (c, w) -> c.async().conversations()
            .create(conversationRequest(false), options(w)).get(10, TimeUnit.SECONDS)),
        Arguments.of("async conversations.create, request field", (Post) (c, w) -> c.async().conversations()
            .create(conversationRequest(w)).get(10, TimeUnit.SECONDS)));
  }

  @Test
  void theContextIsWrittenAsNodeWritesTheSameObject() {
    assertThat(RequestContext.of(contextMap()).toJson()).isEqualTo(NODE_JSON);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("posts")
  void everyPostPathAddsExactlyToJsonToTheBodyAndNothingToTheUrl(String name, Post post) throws Exception {
    post.send(client, false);
    String without = Wire.onlyRequest(wm).getBodyAsString();
    wm.resetRequests();

    post.send(client, true);

    LoggedRequest sent = Wire.onlyRequest(wm);
    assertThat(sent.getUrl()).doesNotContain("?").doesNotContain("requestContext");
    // Byte for byte: the same body as without a context, plus the context exactly as toJson() writes it.
    assertThat(sent.getBodyAsString())
        .isEqualTo(without.substring(0, without.length() - 1) + ",\"requestContext\":" + NODE_JSON + "}");
  }

  @Test
  void aStreamSendsTheCallersValuesAsGivenPlusStreamTrue() throws Exception {
    Map<String, Object> openai = new LinkedHashMap<>();
    openai.put("maxRetries", 3);
    openai.put("price", new BigDecimal("3.00"));
    openai.put("ratio", new BigDecimal("0.10"));
    openai.put("big", 9007199254740993L);
    openai.put("f", 2.5f);
    ResponseCreateRequest request = new ResponseCreateRequest().agentId("support-agent").input("hi")
        .providerOptions(Map.of("openai", openai));
    String options = "\"providerOptions\":{\"openai\":{\"maxRetries\":3,\"price\":3.00,\"ratio\":0.10,"
        + "\"big\":9007199254740993,\"f\":2.5}}";

    client.responses().create(request);
    assertThat(Wire.onlyRequest(wm).getBodyAsString())
        .isEqualTo("{\"agent_id\":\"support-agent\",\"input\":\"hi\"," + options + "}");
    wm.resetRequests();

    try (ResponseStream stream = client.responses().stream(request, RequestOptions.of(RequestContext.of(contextMap())))) {
      stream.finalResponse();
    }

    assertThat(Wire.onlyRequest(wm).getBodyAsString()).isEqualTo("{\"agent_id\":\"support-agent\",\"input\":\"hi\","
        + "\"stream\":true," + options + ",\"requestContext\":" + NODE_JSON + "}");
    assertThat(request.getStream()).isNull();
    assertThat(request.getRequestContext()).isNull();
  }

  @Test
  void aStreamWithAContextInItsFieldLeavesTheCallersRequestAlone() throws Exception {
    ResponseCreateRequest request = responseRequest(true);
    ResponseCreateRequest before = responseRequest(true);

    CompletableFuture<Response> done = client.responses().stream(request, RequestOptions.none(), quietListener());

    assertThat(done.get(10, TimeUnit.SECONDS)).isNotNull();
    assertThat(request).isEqualTo(before);
  }

  // ---------------------------------------------------------------------------------------------- bad values

  /** One way of handing a context map to the SDK. */
  interface Give {
    void give(MastraClient client, Map<String, Object> context);
  }

  static Stream<Arguments> ways() {
    return Stream.of(
        Arguments.of("RequestContext.of", (Give) (c, m) -> RequestContext.of(m)),
        Arguments.of("builder.set", (Give) (c, m) -> {
          RequestContext.Builder builder = RequestContext.builder();
          m.forEach(builder::set);
        }),
        Arguments.of("create, request field",
            (Give) (c, m) -> c.responses().create(responseRequest(false).requestContext(m))),
        Arguments.of("async create, request field",
            (Give) (c, m) -> c.async().responses().create(responseRequest(false).requestContext(m))),
        Arguments.of("stream, request field",
            (Give) (c, m) -> c.responses().stream(responseRequest(false).requestContext(m)).close()),
        Arguments.of("listener, request field", (Give) (c, m) -> c.responses()
            .stream(responseRequest(false).requestContext(m), RequestOptions.none(), quietListener())),
        Arguments.of("conversations.create, request field",
            (Give) (c, m) -> c.conversations().create(conversationRequest(false).requestContext(m))),
        Arguments.of("async conversations.create, request field",
            (Give) (c, m) -> c.async().conversations().create(conversationRequest(false).requestContext(m))));
  }

  static Map<String, Object> withUser(Object fourthTag) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", 42);
    user.put("tags", Arrays.asList("a", "b", "c", fourthTag));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("tenant", "acme");
    map.put("user", user);
    return map;
  }

  static Stream<Arguments> badValues() {
    Runnable lambda = () -> {};
    return Stream.of(
        Arguments.of(java.util.Optional.of("x"), "requestContext.user.tags[3]: an Optional"),
        Arguments.of(java.util.Optional.empty(), "requestContext.user.tags[3]: an Optional"),
        Arguments.of(java.util.OptionalInt.of(1), "requestContext.user.tags[3]: an OptionalInt"),
        Arguments.of(Thread.currentThread(), "requestContext.user.tags[3]: a java.lang.Thread is not a JSON value"),
        Arguments.of(lambda, "requestContext.user.tags[3]: a lambda"),
        Arguments.of(new Object(), "requestContext.user.tags[3]: a java.lang.Object is not a JSON value"),
        Arguments.of(Double.NaN, "requestContext.user.tags[3]: NaN is not a JSON number"),
        Arguments.of(Double.POSITIVE_INFINITY, "requestContext.user.tags[3]: Infinity is not a JSON number"),
        Arguments.of(Float.NEGATIVE_INFINITY, "requestContext.user.tags[3]: -Infinity is not a JSON number"),
        Arguments.of(new BigDecimal("1e400"), "requestContext.user.tags[3]: 1E+400 is not a JSON number"),
        Arguments.of(9007199254740993L, "requestContext.user.tags[3]: 9007199254740993 cannot be held exactly"),
        Arguments.of(Long.MAX_VALUE, "requestContext.user.tags[3]: 9223372036854775807 cannot be held exactly"),
        Arguments.of(Map.of(new Object(), 1), "requestContext.user.tags[3]: a map key must be"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badValues")
  void aBadValueFailsWithItsKeyPathOnEveryPathBeforeAnyRequest(Object bad, String message) {
    for (Arguments way : (Iterable<Arguments>) ways()::iterator) {
      Give give = (Give) way.get()[1];
      assertThatThrownBy(() -> give.give(client, withUser(bad)))
          .as((String) way.get()[0])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(message);
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void aCycleFailsNamingBothPlaces() {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("self", user);
    List<Object> list = new ArrayList<>();
    list.add(list);

    for (Arguments way : (Iterable<Arguments>) ways()::iterator) {
      Give give = (Give) way.get()[1];
      assertThatThrownBy(() -> give.give(client, Map.of("user", user)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("requestContext.user.self: this map contains itself (it is also requestContext.user); "
              + "a cycle cannot be sent as JSON");
      assertThatThrownBy(() -> give.give(client, Map.of("list", list)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("requestContext.list[0]: this list contains itself");
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void theSameListTwiceIsNoCycle() {
    List<Integer> shared = List.of(1, 2);

    assertThat(RequestContext.builder().set("a", List.of(shared, shared)).build().toJson())
        .isEqualTo("{\"a\":[[1,2],[1,2]]}");
  }

  static Object nestedMaps(int levels) {
    Object value = "bottom";
    for (int i = 0; i < levels; i++) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("k", value);
      value = map;
    }
    return value;
  }

  static Object nestedLists(int levels) {
    Object value = 1;
    for (int i = 0; i < levels; i++) {
      value = List.of(value);
    }
    return value;
  }

  static Object nestedJson(int levels) {
    com.google.gson.JsonElement value = new com.google.gson.JsonPrimitive(1);
    for (int i = 0; i < levels; i++) {
      com.google.gson.JsonArray array = new com.google.gson.JsonArray();
      array.add(value);
      value = array;
    }
    return value;
  }

  @Test
  void nestingUpToTheLimitIsSentAndDeeperFailsWithoutAStackOverflow() {
    String json = RequestContext.builder().set("deep", nestedMaps(RequestContext.MAX_DEPTH)).build().toJson();
    assertThat(json).startsWith("{\"deep\":{\"k\":{\"k\":").endsWith("\"bottom\"" + "}".repeat(101));

    for (Object deep : List.of(nestedMaps(101), nestedMaps(10_000), nestedLists(10_000), nestedJson(10_000))) {
      for (Arguments way : (Iterable<Arguments>) ways()::iterator) {
        Give give = (Give) way.get()[1];
        assertThatThrownBy(() -> give.give(client, Map.of("deep", deep)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("nested deeper than 100 levels")
            .hasMessageStartingWith("requestContext.deep");
      }
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void integersAJavaScriptNumberHoldsExactlyAreAccepted() {
    RequestContext context = RequestContext.builder()
        .set("max", 9007199254740992L).set("min", -9007199254740992L)
        .set("twoTo63", Long.MIN_VALUE).set("twoTo70", java.math.BigInteger.ONE.shiftLeft(70)).build();

    // Node: JSON.stringify({max: 2**53, min: -(2**53), twoTo63: -(2**63), twoTo70: 2**70})
    assertThat(context.toJson()).isEqualTo("{\"max\":9007199254740992,\"min\":-9007199254740992,"
        + "\"twoTo63\":-9223372036854776000,\"twoTo70\":1.1805916207174113e+21}");
  }

  @Test
  void reservedKeysAreRefusedSayingWhyOnEveryPath() {
    for (String key : List.of("mastra__resourceId", "mastra__threadId", "mastra__user", "mastra__userPermissions",
        "mastra__versions", "mastra__anythingNew", "organizationId")) {
      for (Arguments way : (Iterable<Arguments>) ways()::iterator) {
        Give give = (Give) way.get()[1];
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("tenant", "acme");
        map.put(key, "someone-else");
        assertThatThrownBy(() -> give.give(client, map))
            .as(key + " via " + way.get()[0])
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("requestContext key \"" + key + "\" is reserved by Mastra")
            .hasMessageContaining("the server drops them");
      }
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
    // Reserved only at the top level, where the server reads them.
    assertThat(RequestContext.builder().set("user", Map.of("mastra__resourceId", "x")).build().toJson())
        .isEqualTo("{\"user\":{\"mastra__resourceId\":\"x\"}}");
  }

  @Test
  void theRecordedReservedKeyCaptureIsRefused() {
    Capture recorded = Capture.load("47"); // the real server dropped this key
    assertThatThrownBy(() -> RequestContext.builder()
        .set("mastra__resourceId", recorded.decodedRequestContext().get().get("mastra__resourceId")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
  }

  @Test
  void keysMustBeTextOrIntegersOrEnums() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(7, "int");
    map.put('c', "char");
    map.put(java.time.DayOfWeek.MONDAY, "enum");

    assertThat(RequestContext.builder().set("m", map).build().toJson())
        .isEqualTo("{\"m\":{\"7\":\"int\",\"c\":\"char\",\"MONDAY\":\"enum\"}}");
    Map<Object, Object> nullKey = new LinkedHashMap<>();
    nullKey.put(null, 1);
    assertThatThrownBy(() -> RequestContext.builder().set("m", nullKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestContext.m: a map key must be a String, Character, integer or enum, got null");
  }

  @Test
  void aTopLevelKeyWithAnUnpairedSurrogateIsRefusedAndANestedOneIsEscaped() {
    assertThatThrownBy(() -> RequestContext.builder().set("a\ud800", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate");
    // Node: JSON.stringify({m: {"a\ud800": 1}})
    assertThat(RequestContext.builder().set("m", Map.of("a\ud800", 1)).build().toJson())
        .isEqualTo("{\"m\":{\"a\\ud800\":1}}");
  }

  @Test
  void aTopLevelKeyWithU2028ReachesTheBodyAsTheSameJsonKey() {
    // Gson (which writes the generated model) escapes U+2028 in member names: other bytes, the same key.
    RequestContext context = RequestContext.builder().set("line\u2028sep", 1).build();

    client.responses().create(responseRequest(false), RequestOptions.of(context));

    assertThat(Wire.body(Wire.onlyRequest(wm)).getAsJsonObject().get("requestContext"))
        .isEqualTo(com.google.gson.JsonParser.parseString(context.toJson()));
  }

  // ------------------------------------------------------------------------------------------------ sizes

  static int encodedLength(RequestContext context) {
    return URLEncoder.encode(context.toQueryParameter(), StandardCharsets.UTF_8).length();
  }

  /** The largest context of the form {"k":"xx..."} whose URL-encoded parameter fits {@code limit}, and the next. */
  static RequestContext[] aroundEncodedLength(int limit) {
    // Base64 makes 4 characters of 3 bytes, and padding adds at most 4 more once URL-encoded: below
    // 3/4 of the limit less the JSON's 8 characters and a margin, no string length comes near the limit.
    int start = Math.max(0, limit * 3 / 4 - 64);
    RequestContext previous = RequestContext.builder().set("k", "x".repeat(start)).build();
    if (encodedLength(previous) > limit) {
      throw new AssertionError("the search starts past the limit");
    }
    for (int n = start + 1; ; n++) {
      RequestContext context = RequestContext.builder().set("k", "x".repeat(n)).build();
      if (encodedLength(context) > limit) {
        return new RequestContext[] {previous, context};
      }
      previous = context;
    }
  }

  static RequestContext contextOfJsonLength(int length) {
    RequestContext context = RequestContext.builder().set("blob", "").build();
    int overhead = context.toJson().length();
    return RequestContext.builder().set("blob", "y".repeat(length - overhead)).build();
  }

  interface Get {
    void call(MastraClient client, RequestOptions options);
  }

  static Stream<Arguments> gets() {
    return Stream.of(
        Arguments.of("conversations.retrieve", (Get) (c, o) -> c.conversations().retrieve("c1", o)),
        Arguments.of("items.list", (Get) (c, o) -> c.conversations().items().list("c1", ItemListParams.none(), o)),
        Arguments.of("responses.retrieve", (Get) (c, o) -> c.responses().retrieve("r1", o)),
        Arguments.of("async conversations.retrieve", (Get) (c, o) -> c.async().conversations().retrieve("c1", o).join()),
        Arguments.of("async responses.retrieve", (Get) (c, o) -> c.async().responses().retrieve("r1", o).join()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gets")
  void aGetSendsAContextUpToEightKilobytesEncodedAndRefusesALargerOneBeforeAnyRequest(String name, Get get) {
    RequestContext[] around = aroundEncodedLength(8192);
    RequestContext atLimit = around[0];
    RequestContext over = around[1];
    assertThat(encodedLength(atLimit)).isBetween(8185, 8192);
    get.call(client, RequestOptions.of(atLimit));
    assertThat(Wire.requestContextParameter(Wire.onlyRequest(wm))).contains(atLimit.toQueryParameter());
    wm.resetRequests();

    assertThatThrownBy(() -> get.call(client, RequestOptions.of(over)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("options.requestContext is too large for a GET")
        .hasMessageContaining("would be " + encodedLength(over) + " bytes")
        .hasMessageContaining("limit of 8192 bytes (8 KB)");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void theGetLimitCountsThePercentEncodingOfPlusSlashAndEquals() {
    // base64 of "???" is "Pz8/": every fourth character becomes %2F in the URL.
    RequestContext context = RequestContext.builder().set("q", "?".repeat(5000)).build();
    assertThat(context.toQueryParameter().length()).isLessThan(8192);
    assertThat(encodedLength(context)).isGreaterThan(8192);

    assertThatThrownBy(() -> client.conversations().retrieve("c1", RequestOptions.of(context)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("would be " + encodedLength(context) + " bytes");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void aLargeContextIsSentInAPostBodyAndIgnoredOnDelete() throws Exception {
    RequestContext large = contextOfJsonLength(64 * 1024);
    assertThat(large.toJson()).hasSize(65536);

    client.responses().create(responseRequest(false), RequestOptions.of(large));
    LoggedRequest post = Wire.onlyRequest(wm);
    assertThat(post.getUrl()).isEqualTo("/api/v1/responses");
    assertThat(post.getBodyAsString()).endsWith(",\"requestContext\":" + large.toJson() + "}");
    wm.resetRequests();

    client.conversations().delete("c1", RequestOptions.of(large));
    assertThat(Wire.onlyRequest(wm).getUrl()).isEqualTo("/api/v1/conversations/c1");
  }

  // ------------------------------------------------------------------------------------- JavaScript key order

  @Test
  void integerLikeKeysComeFirstInAscendingOrderAsInJavaScript() {
    RequestContext context = RequestContext.builder()
        .set("10", "x").set("2", "y").set("a", "z")
        .set("nested", Map.of("4294967295", 1, "4294967294", 2, "01", 3, "1", 4))
        .build();

    // Node: JSON.stringify({"10":"x","2":"y",a:"z",nested:{...}}) (LinkedHashMap order for the nested map)
    assertThat(context.toJson()).startsWith("{\"2\":\"y\",\"10\":\"x\",\"a\":\"z\",\"nested\":{\"1\":4,\"4294967294\":2,");
    assertThat(context.toMap().keySet()).containsExactly("2", "10", "a", "nested");
    assertThat(context.toJsonObject().keySet()).containsExactly("2", "10", "a", "nested");
  }
}
