package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.internal.Json;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ResponseCreateRequest;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Bodies#withContext}: a request is copied only when something must change in it (the context from
 * the options, or a caller that will change the body), so the usual call sends the caller's object as it is.
 */
class BodiesWithContextTest {

  private static ConversationCreateRequest request() {
    return new ConversationCreateRequest().agentId("support-agent");
  }

  private static ConversationCreateRequest withContext(
      ConversationCreateRequest request, RequestOptions options, boolean alwaysCopy) {
    return Bodies.withContext(
        request,
        ConversationCreateRequest.class,
        request.getRequestContext(),
        ConversationCreateRequest::setRequestContext,
        options,
        alwaysCopy);
  }

  @Test
  void withNoContextAnywhereTheRequestItselfIsSent() {
    ConversationCreateRequest request = request();
    assertThat(withContext(request, RequestOptions.none(), false)).isSameAs(request);
  }

  @Test
  void withNoContextACopyIsMadeWhenTheCallerWillChangeIt() {
    ConversationCreateRequest request = request();
    ConversationCreateRequest copy = withContext(request, RequestOptions.none(), true);
    assertThat(copy).isNotSameAs(request);
    assertThat(copy.getAgentId()).isEqualTo("support-agent");
    assertThat(copy.getRequestContext()).isNull();
  }

  @Test
  void theOptionsContextGoesIntoACopyAndTheCallersRequestIsLeftAsItWas() {
    ConversationCreateRequest request = request();
    RequestOptions options = RequestOptions.of(RequestContext.builder().set("tenant", "t1").build());
    ConversationCreateRequest copy = withContext(request, options, false);
    assertThat(copy).isNotSameAs(request);
    assertThat(copy.getRequestContext()).containsOnlyKeys("tenant");
    assertThat(String.valueOf(copy.getRequestContext().get("tenant"))).contains("t1");
    assertThat(request.getRequestContext()).isNull();
  }

  @Test
  void aCopySharesEveryValueAndKeepsTheUnknownPropertiesAndExplicitNulls() {
    Map<String, Map<String, Object>> providerOptions = new HashMap<>();
    providerOptions.put("p", new HashMap<>(Map.of("n", 3)));
    ResponseCreateRequest request = Json.GSON.fromJson(
        "{\"agent_id\":\"a\",\"input\":\"hi\",\"instructions\":null,\"x_newer\":[1]}",
        ResponseCreateRequest.class);
    request.providerOptions(providerOptions).store(true);

    ResponseCreateRequest copy = Bodies.shallowCopy(request, ResponseCreateRequest.class);

    assertThat(copy).isNotSameAs(request).isEqualTo(request);
    assertThat(copy.getProviderOptions()).isSameAs(providerOptions);
    assertThat(copy.getInput()).isSameAs(request.getInput());
    assertThat(JsonParser.parseString(Json.GSON.toJson(copy)))
        .isEqualTo(JsonParser.parseString(Json.GSON.toJson(request)))
        .isEqualTo(JsonParser.parseString("{\"agent_id\":\"a\",\"input\":\"hi\",\"instructions\":null,"
            + "\"providerOptions\":{\"p\":{\"n\":3}},\"store\":true,\"x_newer\":[1]}"));

    // the copy's unknown properties are its own map: adding one leaves the caller's request as it was
    copy.putAdditionalProperty("x_more", new JsonPrimitive(2));
    assertThat(request.additionalProperties()).containsOnlyKeys("x_newer");
  }

  @Test
  void aContextIsEncodedOnceHoweverManyCallsSendIt() {
    RequestContext context = RequestContext.builder().set("tenant", "t1").set("ids", List.of(1, 2)).build();

    assertThat(context.toJson()).isSameAs(context.toJson()).isEqualTo("{\"tenant\":\"t1\",\"ids\":[1,2]}");
    assertThat(context.bodyValue()).isSameAs(context.bodyValue()).containsOnlyKeys("tenant", "ids");
    assertThat(String.valueOf(context.bodyValue().get("ids"))).isEqualTo("[1,2]");
  }
}
