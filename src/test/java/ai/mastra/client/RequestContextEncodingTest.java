package ai.mastra.client;

import static ai.mastra.client.ConversationsContractTest.recorded;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.internal.JsJson;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ResponseCreateRequest;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request context: encoded byte for byte as client-js encodes it, and sent where Mastra reads it. */
class RequestContextEncodingTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private MastraClient client;

  @BeforeEach
  void setUp() {
    client = new MastraClient.Builder(name -> null).baseUrl(wm.baseUrl()).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  /** Nested, unicode and emoji, HTML-ish characters, U+2028, escapes, a control char, 7.0 as a double. */
  private static RequestContext awkwardContext() {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", 42);
    user.put("name", "Zoë 😀");
    user.put("tags", Arrays.asList("a<b", "c>d", "e&f", "g=h", "i'j"));
    return RequestContext.builder()
        .set("tenant", "acme")
        .set("user", user)
        .set("ratio", 1.5)
        .set("whole", 7.0)
        .set("flag", true)
        .set("none", null)
        .set("sep", "x\u2028y")
        .set("quote", "say \"hi\"\\n")
        .set("ctrl", "\u0001\t")
        .build();
  }

  // Both strings were printed by Node 20: JSON.stringify(ctx) and Buffer.from(json).toString("base64"),
  // for the same object as awkwardContext().
  private static final String NODE_JSON =
      "{\"tenant\":\"acme\",\"user\":{\"id\":42,\"name\":\"Zoë 😀\",\"tags\":[\"a<b\",\"c>d\",\"e&f\",\"g=h\",\"i'j\"]},"
          + "\"ratio\":1.5,\"whole\":7,\"flag\":true,\"none\":null,\"sep\":\"x\u2028y\",\"quote\":\"say \\\"hi\\\"\\\\n\","
          + "\"ctrl\":\"\\u0001\\t\"}";
  private static final String NODE_BASE64 =
      "eyJ0ZW5hbnQiOiJhY21lIiwidXNlciI6eyJpZCI6NDIsIm5hbWUiOiJab8OrIPCfmIAiLCJ0YWdzIjpbImE8YiIsImM+ZCIsImUmZiIsImc9aCIsImknaiJdfSwicmF0aW8iOjEuNSwid2hvbGUiOjcsImZsYWciOnRydWUsIm5vbmUiOm51bGwsInNlcCI6InjigKh5IiwicXVvdGUiOiJzYXkgXCJoaVwiXFxuIiwiY3RybCI6Ilx1MDAwMVx0In0=";

  @Test
  void encodesExactlyAsJsonStringifyAndBase64() {
    RequestContext context = awkwardContext();
    assertThat(context.toJson()).isEqualTo(NODE_JSON);
    assertThat(context.toQueryParameter()).isEqualTo(NODE_BASE64);
  }

  @Test
  void theMapFormKeepsKeyOrderAndEqualsTheBuilderForm() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", 1);
    map.put("a", 2);
    map.put("m", List.of(3, 4));
    RequestContext context = RequestContext.of(map);
    assertThat(context.toJson()).isEqualTo("{\"z\":1,\"a\":2,\"m\":[3,4]}");
    assertThat(context).isEqualTo(RequestContext.builder().set("z", 1).set("a", 2).set("m", List.of(3, 4)).build());
    map.put("later", "change");
    assertThat(context.size()).isEqualTo(3); // copied when built
  }

  @Test
  void numbersAreWrittenAsJavaScriptWritesThem() {
    // Each expected string is what Node printed for JSON.stringify(n).
    assertThat(JsJson.stringify(JsonParser.parseString("[1e21,1e-7,1.5e-7,-0.0,123456789012,100,0.000123,2.5e-10,1e-6]")))
        .isEqualTo("[1e+21,1e-7,1.5e-7,0,123456789012,100,0.000123,2.5e-10,0.000001]");
    JsonObject doubles = new JsonObject();
    doubles.addProperty("sum", 0.1 + 0.2);
    doubles.addProperty("seven", 7.0d);
    doubles.addProperty("big", 1e300);
    doubles.addProperty("decimal", new BigDecimal("7.000"));
    doubles.addProperty("nan", Double.NaN);
    assertThat(JsJson.stringify(doubles))
        .isEqualTo("{\"sum\":0.30000000000000004,\"seven\":7,\"big\":1e+300,\"decimal\":7,\"nan\":null}");
  }

  @Test
  void getAndDeleteCarryTheContextAsTheBase64QueryParameter() {
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(anyUrl()).willReturn(recorded("04")));
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(anyUrl()).willReturn(recorded("50")));
    RequestOptions options = RequestOptions.of(awkwardContext());

    client.conversations().retrieve("c1", options);
    client.conversations().items().list("c1", ItemListParams.none(), options);
    client.responses().retrieve("r1", options);
    client.conversations().delete("c1", options);
    client.responses().delete("r1", options);

    List<LoggedRequest> sent = wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    assertThat(sent).extracting(request -> request.getMethod().getName())
        .containsExactly("GET", "GET", "GET", "DELETE", "DELETE");
    for (LoggedRequest request : sent) {
      assertThat(request.queryParameter("requestContext").firstValue()).isEqualTo(NODE_BASE64);
      assertThat(decode(request.queryParameter("requestContext").firstValue()))
          .isEqualTo(JsonParser.parseString(NODE_JSON));
    }
  }

  @Test
  void getSendsTheParameterUrlEncoded() {
    wm.stubFor(any(anyUrl()).willReturn(recorded("04")));
    client.conversations().retrieve("c1", RequestOptions.of(RequestContext.builder().set("tenant", "acme").build()));
    // wire-format.md's example: {"tenant":"acme"} -> eyJ0ZW5hbnQiOiJhY21lIn0%3D once URL-encoded
    assertThat(wm.getAllServeEvents().get(0).getRequest().getUrl())
        .isEqualTo("/api/v1/conversations/c1?requestContext=eyJ0ZW5hbnQiOiJhY21lIn0%3D");
  }

  @Test
  void postCarriesTheContextInTheBodyAndAsTheQueryParameter() {
    wm.stubFor(any(anyUrl()).willReturn(recorded("07")));
    RequestContext context = awkwardContext();

    client.responses().create(new ResponseCreateRequest().agentId("support-agent").input("hi"),
        RequestOptions.of(context));
    client.conversations().create(new ConversationCreateRequest().agentId("support-agent"),
        RequestOptions.of(context));

    for (LoggedRequest request : wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()))) {
      assertThat(request.queryParameter("requestContext").firstValue()).isEqualTo(NODE_BASE64);
      JsonObject body = JsonParser.parseString(request.getBodyAsString()).getAsJsonObject();
      assertThat(body.get("requestContext")).isEqualTo(JsonParser.parseString(NODE_JSON));
      // Byte for byte too: null entries kept, 7 not 7.0.
      assertThat(request.getBodyAsString()).contains("\"requestContext\":" + NODE_JSON);
      assertThat(body.get("agent_id").getAsString()).isEqualTo("support-agent");
    }
  }

  @Test
  void theEmptyContextIsSentAsAnEmptyObjectAndNoContextSendsNothing() {
    wm.stubFor(any(anyUrl()).willReturn(recorded("07")));

    client.responses().create(new ResponseCreateRequest().agentId("a").input("x"),
        RequestOptions.of(RequestContext.empty()));
    client.responses().create(new ResponseCreateRequest().agentId("a").input("x"));

    List<LoggedRequest> sent = wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    LoggedRequest withEmpty = sent.get(0);
    LoggedRequest without = sent.get(1);
    assertThat(withEmpty.queryParameter("requestContext").firstValue())
        .isEqualTo(Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)));
    assertThat(JsonParser.parseString(withEmpty.getBodyAsString()).getAsJsonObject().get("requestContext"))
        .isEqualTo(new JsonObject());
    assertThat(without.getUrl()).isEqualTo("/api/v1/responses");
    assertThat(without.getBodyAsString()).doesNotContain("requestContext");
  }

  @Test
  void theCallersRequestIsNotChanged() {
    wm.stubFor(any(anyUrl()).willReturn(recorded("07")));
    ResponseCreateRequest request = new ResponseCreateRequest().agentId("support-agent").input("hi");
    ResponseCreateRequest before = new ResponseCreateRequest().agentId("support-agent").input("hi");

    client.responses().create(request, RequestOptions.of(awkwardContext()));

    assertThat(request).isEqualTo(before);
    assertThat(request.getRequestContext()).isNull();
  }

  @Test
  void aContextSetInTheRequestBodyIsAlsoSentAsTheQueryParameter() {
    wm.stubFor(any(anyUrl()).willReturn(recorded("07")));
    Map<String, Object> inBody = new LinkedHashMap<>();
    inBody.put("tenant", "acme");

    client.responses().create(new ResponseCreateRequest().agentId("a").input("x").requestContext(inBody));

    LoggedRequest sent = wm.getAllServeEvents().get(0).getRequest();
    assertThat(sent.queryParameter("requestContext").firstValue()).isEqualTo("eyJ0ZW5hbnQiOiJhY21lIn0=");
    assertThat(sent.getBodyAsString()).contains("\"requestContext\":{\"tenant\":\"acme\"}");
  }

  @Test
  void aContextGivenTwiceIsRefusedBeforeAnyRequest() {
    ResponseCreateRequest request =
        new ResponseCreateRequest().agentId("a").input("x").requestContext(Map.of("tenant", "acme"));

    assertThatThrownBy(() -> client.responses().create(request, RequestOptions.of(RequestContext.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requestContext");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  private static JsonElement decode(String base64) {
    return JsonParser.parseString(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
  }
}
