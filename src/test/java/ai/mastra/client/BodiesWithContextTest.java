package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.ConversationCreateRequest;
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
}
