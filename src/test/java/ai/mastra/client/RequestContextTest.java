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

import ai.mastra.client.model.JsonObjectFormat;
import ai.mastra.client.model.JsonSchemaFormat;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.InputContentPart;
import ai.mastra.client.model.InputMessage;
import ai.mastra.client.model.MessageRole;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.model.TextConfig;
import ai.mastra.client.model.TextFormat;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.Wire;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request context: encoded byte for byte as @mastra/client-js encodes it (JavaScript's JSON.stringify,
 * then base64 of the UTF-8 bytes), and sent where Mastra reads it and nowhere else: the {@code requestContext}
 * member of the JSON body on POST (never the URL), the query parameter on GET (at most 8 KB), nothing on
 * DELETE.
 */
class RequestContextTest {

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

  /**
   * Nested; unicode and emoji (also in a key); {@code < > & = '}; U+2028 and U+2029; escapes, a control
   * character, DEL and a lone surrogate; integers, doubles like 7.0 and 1.5, -0.0, 1e21, 1e-7, 0.1 + 0.2;
   * booleans; nulls; lists; empty object and list.
   */
  static RequestContext awkwardContext() {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", 42);
    user.put("name", "Zoë 😀");
    user.put("roles", List.of("admin", "dev"));
    user.put("score", 1.5);
    user.put("whole", 7.0);
    user.put("active", true);
    user.put("manager", null);
    return RequestContext.builder()
        .set("tenant", "acme")
        .set("user", user)
        .set("html", "<b>a & b = 'c'</b>")
        .set("separators", "line\u2028para\u2029end")
        .set("escapes", "tab\t nl\n quote\" backslash\\ ctrl\u0001 del\u007f")
        .set("lone", "\ud800x")
        .set("numbers", Arrays.asList(0, -1, 2147483648L, 1.5, 7.0, -0.5, 1e21, 1e-7, -0.0, 123456789012L, 0.1 + 0.2))
        .set("flags", Arrays.asList(true, false, null))
        .set("empty", Map.of())
        .set("emptyList", List.of())
        .set("ключ 🔑", "значение")
        .build();
  }

  // Both strings are the exact output of Node 20 for the same object as awkwardContext():
  //   const json = JSON.stringify(obj); console.log(json); console.log(Buffer.from(json).toString("base64"))
  // (that is what @mastra/client-js sends). Non-ASCII characters are written as Java escapes here.
  static final String NODE_JSON =
      "{\"tenant\":\"acme\",\"user\":{\"id\":42,\"name\":\"Zo\u00eb \ud83d\ude00\","
          + "\"roles\":[\"admin\",\"dev\"],\"score\":1.5,\"whole\":7,\"active\":true,"
          + "\"manager\":null},\"html\":\"<b>a & b = 'c'</b>\","
          + "\"separators\":\"line\u2028para\u2029end\","
          + "\"escapes\":\"tab\\t nl\\n quote\\\" backslash\\\\ ctrl\\u0001 del\u007f\","
          + "\"lone\":\"\\ud800x\",\"numbers\":[0,-1,2147483648,1.5,7,-0.5,1e+21,1e-7,0,"
          + "123456789012,0.30000000000000004],\"flags\":[true,false,null],\"empty\":{},"
          + "\"emptyList\":[],"
          + "\"\u043a\u043b\u044e\u0447 \ud83d\udd11\":\"\u0437\u043d\u0430\u0447\u0435\u043d\u0438\u0435\"}";
  static final String NODE_BASE64 =
      "eyJ0ZW5hbnQiOiJhY21lIiwidXNlciI6eyJpZCI6NDIsIm5hbWUiOiJab8OrIPCfmIAiLCJyb2xlcyI6WyJhZG1p"
          + "biIsImRldiJdLCJzY29yZSI6MS41LCJ3aG9sZSI6NywiYWN0aXZlIjp0cnVlLCJtYW5hZ2VyIjpudWxsfSwiaHRt"
          + "bCI6IjxiPmEgJiBiID0gJ2MnPC9iPiIsInNlcGFyYXRvcnMiOiJsaW5l4oCocGFyYeKAqWVuZCIsImVzY2FwZXMi"
          + "OiJ0YWJcdCBubFxuIHF1b3RlXCIgYmFja3NsYXNoXFwgY3RybFx1MDAwMSBkZWx/IiwibG9uZSI6Ilx1ZDgwMHgi"
          + "LCJudW1iZXJzIjpbMCwtMSwyMTQ3NDgzNjQ4LDEuNSw3LC0wLjUsMWUrMjEsMWUtNywwLDEyMzQ1Njc4OTAxMiww"
          + "LjMwMDAwMDAwMDAwMDAwMDA0XSwiZmxhZ3MiOlt0cnVlLGZhbHNlLG51bGxdLCJlbXB0eSI6e30sImVtcHR5TGlz"
          + "dCI6W10sItC60LvRjtGHIPCflJEiOiLQt9C90LDRh9C10L3QuNC1In0=";

  interface Operation {
    void call(MastraClient client, RequestOptions options);
  }

  static Stream<Arguments> getOperations() {
    return Stream.of(
        Arguments.of("conversations.retrieve", (Operation) (c, o) -> c.conversations().retrieve("conv-ctx-1", o)),
        Arguments.of("conversations.items.list",
            (Operation) (c, o) -> c.conversations().items().list("conv-ctx-1", ItemListParams.none(), o)),
        Arguments.of("responses.retrieve", (Operation) (c, o) -> c.responses().retrieve("r1", o)),
        Arguments.of("async conversations.retrieve",
            (Operation) (c, o) -> c.async().conversations().retrieve("conv-ctx-1", o).join()),
        Arguments.of("async responses.retrieve", (Operation) (c, o) -> c.async().responses().retrieve("r1", o).join()));
  }

  static Stream<Arguments> deleteOperations() {
    return Stream.of(
        Arguments.of("conversations.delete", (Operation) (c, o) -> c.conversations().delete("conv-ctx-1", o)),
        Arguments.of("responses.delete", (Operation) (c, o) -> c.responses().delete("r1", o)),
        Arguments.of("async responses.delete", (Operation) (c, o) -> c.async().responses().delete("r1", o).join()));
  }

  static Stream<Arguments> postOperations() {
    return Stream.of(
        Arguments.of("conversations.create", (Operation) (c, o) ->
            c.conversations().create(new ConversationCreateRequest().agentId("support-agent"), o)),
        Arguments.of("responses.create", (Operation) (c, o) ->
            c.responses().create(new ResponseCreateRequest().agentId("support-agent").input("hi"), o)));
  }

  static Stream<Arguments> allOperations() {
    return Stream.of(getOperations(), deleteOperations(), postOperations()).flatMap(s -> s);
  }

  @Test
  void toJsonIsExactlyWhatJsonStringifyWrites() {
    assertThat(awkwardContext().toJson()).isEqualTo(NODE_JSON);
  }

  @Test
  void toQueryParameterIsExactlyNodesBase64OfThoseBytes() {
    assertThat(awkwardContext().toQueryParameter()).isEqualTo(NODE_BASE64);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("getOperations")
  void getCarriesTheContextOnlyAsTheQueryParameter(String name, Operation operation) {
    operation.call(client, RequestOptions.of(awkwardContext()));

    LoggedRequest sent = Wire.onlyRequest(wm);
    assertThat(Wire.requestContextParameter(sent)).contains(NODE_BASE64);
    assertThat(Wire.requestContextJson(sent)).contains(NODE_JSON);
    assertThat(sent.getBodyAsString()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deleteOperations")
  void deleteCarriesNoContextSinceMastraReadsNoneThere(String name, Operation operation) {
    operation.call(client, RequestOptions.of(awkwardContext()));

    LoggedRequest sent = Wire.onlyRequest(wm);
    assertThat(sent.getUrl()).doesNotContain("?").doesNotContain("requestContext");
    assertThat(sent.getBodyAsString()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("postOperations")
  void postCarriesTheContextOnlyInTheBody(String name, Operation operation) {
    operation.call(client, RequestOptions.of(awkwardContext()));

    LoggedRequest sent = Wire.onlyRequest(wm);
    assertThat(sent.getUrl()).doesNotContain("?").doesNotContain("requestContext");
    // Byte for byte: null entries kept, 7 not 7.0, U+2028 not escaped.
    assertThat(sent.getBodyAsString()).endsWith(",\"requestContext\":" + NODE_JSON + "}");
    assertThat(Wire.body(sent).getAsJsonObject().get("requestContext")).isEqualTo(JsonParser.parseString(NODE_JSON));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("getOperations")
  void theBase64IsPercentEncodedInTheUrl(String name, Operation operation) {
    // Node: Buffer.from(JSON.stringify({q: "~~>"})).toString("base64") and for {a: "?>?"}
    operation.call(client, RequestOptions.of(RequestContext.builder().set("q", "~~>").build()));

    assertThat(Wire.onlyRequest(wm).getUrl()).endsWith("?requestContext=eyJxIjoifn4%2BIn0%3D");
    wm.resetRequests();

    operation.call(client, RequestOptions.of(RequestContext.builder().set("a", "?>?").build()));

    assertThat(Wire.onlyRequest(wm).getUrl()).endsWith("?requestContext=eyJhIjoiPz4%2FIn0%3D");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allOperations")
  void theEmptyContextIsSentAsAnEmptyObject(String name, Operation operation) {
    operation.call(client, RequestOptions.of(RequestContext.empty()));

    LoggedRequest sent = Wire.onlyRequest(wm);
    String method = sent.getMethod().getName();
    assertThat(Wire.requestContextParameter(sent)).isEqualTo(method.equals("GET") ? Optional.of("e30=") : Optional.empty());
    if (method.equals("POST")) {
      assertThat(sent.getBodyAsString()).endsWith(",\"requestContext\":{}}");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allOperations")
  void noContextSendsNoParameterAndNoBodyMember(String name, Operation operation) {
    operation.call(client, RequestOptions.none());

    LoggedRequest sent = Wire.onlyRequest(wm);
    assertThat(sent.getUrl()).doesNotContain("?");
    assertThat(sent.getBodyAsString()).doesNotContain("requestContext");
  }

  @Test
  void aContextAddsOnlyTheRequestContextMemberToTheBody() {
    ResponseCreateRequest request = richRequest();
    client.responses().create(request);
    String without = Wire.onlyRequest(wm).getBodyAsString();
    wm.resetRequests();

    client.responses().create(request, RequestOptions.of(awkwardContext()));

    // Byte for byte: the rest of the body (message parts, schema, provider options) is written as before.
    assertThat(Wire.onlyRequest(wm).getBodyAsString())
        .isEqualTo(without.substring(0, without.length() - 1) + ",\"requestContext\":" + NODE_JSON + "}");
  }

  @Test
  void aContextDoesNotChangeHowTheRestOfTheBodyIsWritten() {
    ConversationCreateRequest request = new ConversationCreateRequest().agentId("support-agent")
        .metadata(new LinkedHashMap<>(Map.of("priority", 2)));
    client.conversations().create(request);
    String without = Wire.onlyRequest(wm).getBodyAsString();
    wm.resetRequests();

    client.conversations().create(request, RequestOptions.of(RequestContext.builder().set("t", 1).build()));

    assertThat(Wire.onlyRequest(wm).getBodyAsString())
        .isEqualTo(without.substring(0, without.length() - 1) + ",\"requestContext\":{\"t\":1}}");
  }

  private static ResponseCreateRequest richRequest() {
    return new ResponseCreateRequest()
        .agentId("support-agent")
        .input(List.of(
            new InputMessage().role(MessageRole.USER).content("first"),
            new InputMessage().role(MessageRole.ASSISTANT)
                .content(List.of(new InputContentPart().type("output_text").text("answer")))))
        .instructions("Be terse.")
        .text(new TextConfig().format(new JsonSchemaFormat().name("n")
            .schema(Map.of("type", "object", "minProperties", 1))))
        .providerOptions(Map.of("openai", Map.of("maxRetries", 3, "temperature", 0.5)))
        .store(true);
  }

  @Test
  void theCallersResponseRequestIsNotChangedByACallWithAContext() {
    ResponseCreateRequest request = richRequest();
    ResponseCreateRequest before = richRequest();

    client.responses().create(request, RequestOptions.of(awkwardContext()));

    assertThat(request).isEqualTo(before);
    assertThat(request.getRequestContext()).isNull();
  }

  @Test
  void theCallersConversationRequestIsNotChangedByACallWithAContext() {
    ConversationCreateRequest request = new ConversationCreateRequest().agentId("support-agent").title("t");

    client.conversations().create(request, RequestOptions.of(awkwardContext()));

    assertThat(request).isEqualTo(new ConversationCreateRequest().agentId("support-agent").title("t"));
    assertThat(request.getRequestContext()).isNull();
  }

  @Test
  void aContextSetInTheRequestIsSentInTheBodyOnly() {
    Map<String, Object> inBody = new LinkedHashMap<>();
    inBody.put("userId", "u-1");
    inBody.put("tier", "gold");
    inBody.put("locale", "de-CH");

    client.responses().create(new ResponseCreateRequest().agentId("support-agent").input("hello with body context")
        .requestContext(inBody));

    LoggedRequest sent = Wire.onlyRequest(wm);
    // Capture 42 is the real server seeing this body.
    assertThat(Wire.body(sent)).isEqualTo(Capture.load("42").requestBody().get());
    assertThat(sent.getUrl()).doesNotContain("?");
  }

  @Test
  void aContextGivenBothInTheResponseRequestAndInOptionsIsRefusedWithoutARequest() {
    ResponseCreateRequest request = new ResponseCreateRequest().agentId("support-agent").input("x")
        .requestContext(Map.of("tenant", "acme"));

    assertThatThrownBy(() -> client.responses().create(request, RequestOptions.of(RequestContext.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requestContext");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void aContextGivenBothInTheConversationRequestAndInOptionsIsRefusedWithoutARequest() {
    ConversationCreateRequest request = new ConversationCreateRequest().agentId("support-agent")
        .requestContext(Map.of("tenant", "acme"));

    assertThatThrownBy(() -> client.conversations().create(request,
        RequestOptions.of(RequestContext.builder().set("tenant", "other").build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requestContext");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void theRecordedClientJsContextEncodesTheSame() {
    Capture recorded = Capture.load("44");
    RequestContext context = RequestContext.builder().set("userId", "u-1").set("tier", "gold")
        .set("locale", "de-CH").build();

    assertThat(context.toQueryParameter()).isEqualTo(recorded.query().get("requestContext"));
    assertThat(JsonParser.parseString(context.toJson())).isEqualTo(recorded.decodedRequestContext().get());
  }

  @Test
  void keysKeepTheOrderTheyWereSetIn() {
    RequestContext context = RequestContext.builder().set("z", 1).set("a", 2).set("m", 3).build();

    assertThat(context.toJson()).isEqualTo("{\"z\":1,\"a\":2,\"m\":3}");
    assertThat(context.toMap().keySet()).containsExactly("z", "a", "m");
  }

  @Test
  void aMapKeepsItsIterationOrder() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", 1);
    map.put("a", Map.of("inner", List.of(3, 4)));
    map.put("m", "x");

    assertThat(RequestContext.of(map).toJson()).isEqualTo("{\"z\":1,\"a\":{\"inner\":[3,4]},\"m\":\"x\"}");
  }

  @Test
  void settingAKeyAgainReplacesItsValueInItsFirstPlace() {
    RequestContext context = RequestContext.builder().set("a", 1).set("b", 2).set("a", 3).build();

    assertThat(context.toJson()).isEqualTo("{\"a\":3,\"b\":2}");
  }

  @Test
  void aBuiltContextDoesNotChangeWithItsSources() {
    Map<String, Object> map = new LinkedHashMap<>();
    List<Object> list = new ArrayList<>(List.of(1));
    map.put("list", list);
    RequestContext.Builder builder = RequestContext.builder().set("k", "v");

    RequestContext fromMap = RequestContext.of(map);
    RequestContext fromBuilder = builder.build();
    map.put("later", true);
    list.add(2);
    builder.set("later", true);

    assertThat(fromMap.toJson()).isEqualTo("{\"list\":[1]}");
    assertThat(fromBuilder.toJson()).isEqualTo("{\"k\":\"v\"}");
  }

  // Each expected string is what Node 20 printed for JSON.stringify(n).
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1e21, 1e+21",
    "1e-7, 1e-7",
    "-0.0, 0",
    "123456789012, 123456789012",
    "1e-6, 0.000001",
    "1.5e-7, 1.5e-7",
    "100.0, 100",
    "7.0, 7",
    "1.5, 1.5",
    "1e300, 1e+300",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "1.23e-18, 1.23e-18",
    "0.000001234, 0.000001234",
    "1e20, 100000000000000000000",
    "1.2345678901234567e20, 123456789012345670000",
    "-2.5e-8, -2.5e-8"
  })
  void aDoubleIsWrittenAsJavaScriptWritesTheNumber(double value, String javascript) {
    assertThat(RequestContext.builder().set("n", value).build().toJson()).isEqualTo("{\"n\":" + javascript + "}");
  }

  // Each expected string is what Node 20 printed for JSON.stringify(n).
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2e23, 2e+23",
    "8.41e21, 8.41e+21",
    "1.9887e21, 1.9887e+21",
    "58715605414862870, 58715605414862870",
    "1.95964207423156020e18, 1959642074231560200",
    "4.9e-324, 5e-324"
  })
  void aDoubleIsWrittenWithTheShortestDigitsAsJavaScriptWritesIt(double value, String javascript) {
    assertThat(RequestContext.builder().set("n", value).build().toJson()).isEqualTo("{\"n\":" + javascript + "}");
  }

  @Test
  void zeroPointOnePlusZeroPointTwoIsWrittenAsJavaScriptWritesIt() {
    assertThat(RequestContext.builder().set("n", 0.1 + 0.2).build().toJson())
        .isEqualTo("{\"n\":0.30000000000000004}");
  }

  @Test
  void integersOfEveryJavaTypeAndDecimalsAreWrittenAsNumbers() {
    JsonArray array = new JsonArray();
    array.add(new BigDecimal("7.000"));
    RequestContext context = RequestContext.builder()
        .set("int", 1).set("long", 123456789012L).set("short", (short) 3).set("byte", (byte) 4)
        .set("float", 2.5f).set("bigInteger", new BigInteger("12345678901234"))
        .set("bigDecimal", new BigDecimal("7.000")).set("json", array)
        .build();

    assertThat(context.toJson()).isEqualTo("{\"int\":1,\"long\":123456789012,\"short\":3,\"byte\":4,"
        + "\"float\":2.5,\"bigInteger\":12345678901234,\"bigDecimal\":7,\"json\":[7]}");
  }

  @Test
  void arraysAndCharactersAreWrittenAsJsonArraysAndStrings() {
    RequestContext context = RequestContext.builder()
        .set("ints", new int[] {1, 2}).set("strings", new String[] {"a", null}).set("char", 'c').build();

    assertThat(context.toJson()).isEqualTo("{\"ints\":[1,2],\"strings\":[\"a\",null],\"char\":\"c\"}");
  }

  @Test
  void toMapGivesPlainJavaValues() {
    Map<String, Object> map = RequestContext.builder().set("i", 7).set("d", 7.5).set("n", null)
        .set("l", List.of(1)).build().toMap();

    assertThat(map).containsEntry("i", 7L).containsEntry("d", 7.5).containsEntry("n", null)
        .containsEntry("l", List.of(1L));
  }
}
