package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.ListOrder;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.Wire;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The common forms are short, and the blocking and async sides offer the same ones. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OverloadsTest extends WireMockClientTest {

  @Test
  void everyBlockingOperationHasAnAsyncTwinWithTheSameParameters() {
    List<String> missing = new ArrayList<>();
    missing.addAll(missingTwins(Conversations.class, ConversationsAsync.class));
    missing.addAll(missingTwins(ConversationItems.class, ConversationItemsAsync.class));
    missing.addAll(missingTwins(Responses.class, ResponsesAsync.class));
    missing.addAll(missingTwins(AgentSession.class, AgentSessionAsync.class));

    assertThat(missing).as("blocking operations without an async twin").isEmpty();
  }

  /** A session's accessors make no call: they need no twin. */
  private static final java.util.Set<String> ACCESSORS =
      java.util.Set.of("agentId", "conversationId", "requestContext", "async", "toString");

  @Test
  void theSessionsItemsAndDeleteHaveAsyncTwinsToo() throws Exception {
    assertThat(AgentSessionAsync.class.getMethod("items").getReturnType()).isEqualTo(CompletableFuture.class);
    assertThat(AgentSessionAsync.class.getMethod("items", RequestOptions.class).getReturnType())
        .isEqualTo(CompletableFuture.class);
    assertThat(AgentSessionAsync.class.getMethod("delete").getReturnType()).isEqualTo(CompletableFuture.class);
  }

  /** Public instance methods of {@code blocking} whose parameters {@code async} has under the same name. */
  private static List<String> missingTwins(Class<?> blocking, Class<?> async) {
    List<String> missing = new ArrayList<>();
    for (Method method : blocking.getMethods()) {
      if (method.getDeclaringClass() != blocking || Modifier.isStatic(method.getModifiers())
          || method.getName().equals("items")
          || ACCESSORS.contains(method.getName())
          || method.getReturnType() == ResponseStream.class) { // a pull stream blocks by nature
        continue;
      }
      try {
        Method twin = async.getMethod(method.getName(), method.getParameterTypes());
        assertThat(twin.getReturnType()).isEqualTo(CompletableFuture.class);
      } catch (NoSuchMethodException e) {
        missing.add(blocking.getSimpleName() + "." + method.getName() + Arrays.toString(method.getParameterTypes()));
      }
    }
    return missing;
  }

  @Test
  void itemsListTakesOptionsWithoutParams() {
    wm.stubFor(get(anyUrl()).willReturn(Capture.load("13").answer()));
    RequestOptions context = RequestOptions.of(RequestContext.builder().set("tenant", "acme").build());

    client.conversations().items().list("c1", context);

    assertThat(Wire.onlyRequest(wm).getUrl()).isEqualTo("/api/v1/conversations/c1/items?requestContext=eyJ0ZW5hbnQiOiJhY21lIn0%3D");
  }

  @Test
  void asyncItemsListTakesParamsWithoutOptions() throws Exception {
    wm.stubFor(get(anyUrl()).willReturn(Capture.load("13").answer()));

    client.async().conversations().items().list("c1", ItemListParams.builder().limit(5).order(ListOrder.DESC).build())
        .get(10, TimeUnit.SECONDS);

    assertThat(Wire.onlyRequest(wm).getUrl()).isEqualTo("/api/v1/conversations/c1/items?limit=5&order=desc");
  }

  @Test
  void aListenerStreamNeedsNoOptions() throws Exception {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withHeader("Content-Type", StreamTestSupport.SSE)
        .withBody(StreamTestSupport.captureBody("25-response-stream"))));
    ResponseCreateRequest turn = new ResponseCreateRequest().agentId("a").input("x");

    assertThat(client.responses().stream(turn, new ResponseStreamListener() {}).get(10, TimeUnit.SECONDS).getId())
        .isNotBlank();
    assertThat(client.async().responses().stream(turn, new ResponseStreamListener() {}).get(10, TimeUnit.SECONDS)
        .getId()).isNotBlank();
  }
}
