package ai.mastra.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.MastraClient;
import ai.mastra.client.RequestContext;
import ai.mastra.client.RequestOptions;
import ai.mastra.client.ResponseStream;
import ai.mastra.client.ResponseStreamListener;
import ai.mastra.client.Responses;
import ai.mastra.client.StreamEvent;
import ai.mastra.client.model.Conversation;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request context against the real Mastra server: a 64 KB context reaches the agent (the support agent
 * echoes it as {@code [requestContext: {...}]}, written by the server's own JSON.stringify) on create, async,
 * stream and listener, byte for byte as {@link RequestContext#toJson()}; no POST ever carries it in its URL;
 * GET carries it in the query; DELETE carries none. Every exchange is also validated against the spec.
 */
@ExtendWith(MastraServer.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RequestContextIT {
  private static final String AGENT = "support-agent";

  private static SpecValidatingInterceptor validation;
  private static OkHttpClient http;
  private static MastraClient client;
  /** Every request sent, as "METHOD url", in order. */
  private static final List<String> sent = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void connect() {
    validation = SpecValidatingInterceptor.ofProjectSpec();
    http = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          sent.add(chain.request().method() + " " + chain.request().url());
          return chain.proceed(chain.request());
        })
        .addInterceptor(validation)
        .build();
    client = MastraClient.builder().baseUrl(MastraServer.baseUrl()).httpClient(http).build();
  }

  @BeforeEach
  void clear() {
    sent.clear();
  }

  @AfterEach
  void noPostCarriesTheContextInItsUrlAndEveryExchangeMatchesTheSpec() {
    synchronized (sent) {
      for (String request : sent) {
        if (request.startsWith("POST ")) {
          assertThat(request).as("a POST URL").doesNotContain("?").doesNotContain("requestContext");
        }
      }
    }
    validation.assertExchangesMatchSpec();
  }

  @AfterAll
  static void disconnect() {
    if (client != null) {
      client.close();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** A context of exactly {@code length} bytes of JSON, with the awkward corners up front. */
  static RequestContext contextOfJsonLength(int length) {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("d", null);
    nested.put("whole", 7.0);
    RequestContext.Builder builder = RequestContext.builder()
        .set("tenant", "acme").set("10", "x").set("2", "y").set("half", 0.5).set("nested", nested)
        .set("unicode", "Zoë 😀 line\u2028sep").set("blob", "");
    int overhead = builder.build().toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    RequestContext context = builder.set("blob", "z".repeat(length - overhead)).build();
    assertThat(context.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(length);
    return context;
  }

  private static String echo(RequestContext context) {
    return " [requestContext: " + context.toJson() + "]";
  }

  private static long posts() {
    return sent.stream().filter(r -> r.startsWith("POST ")).count();
  }

  @Test
  void aSixtyFourKilobyteContextReachesTheAgentOnCreateAndAsyncCreate() throws Exception {
    RequestContext context = contextOfJsonLength(64 * 1024);

    Response response = client.responses().create(
        new ResponseCreateRequest().agentId(AGENT).input("hello big context"), RequestOptions.of(context));
    assertThat(Responses.outputText(response)).isEqualTo("Echo: hello big context" + echo(context));

    Response async = client.async().responses().create(
        new ResponseCreateRequest().agentId(AGENT).input("async big context"), RequestOptions.of(context))
        .get(60, TimeUnit.SECONDS);
    assertThat(Responses.outputText(async)).isEqualTo("Echo: async big context" + echo(context));

    // The same context set in the request's own field.
    Response field = client.responses().create(new ResponseCreateRequest().agentId(AGENT)
        .input("field big context").requestContext(context.toMap()));
    assertThat(Responses.outputText(field)).isEqualTo("Echo: field big context" + echo(context));
    assertThat(posts()).isEqualTo(3);
  }

  @Test
  void aSixtyFourKilobyteContextReachesTheAgentOnStreamAndListener() throws Exception {
    RequestContext context = contextOfJsonLength(64 * 1024);

    try (ResponseStream stream = client.responses().stream(
        new ResponseCreateRequest().agentId(AGENT).input("streamed big context"), RequestOptions.of(context))) {
      assertThat(stream.outputText()).isEqualTo("Echo: streamed big context" + echo(context));
    }

    StringBuilder deltas = new StringBuilder();
    Response done = client.responses().stream(
        new ResponseCreateRequest().agentId(AGENT).input("listened big context"), RequestOptions.of(context),
        new ResponseStreamListener() {
          @Override
          public void onEvent(StreamEvent event) {
            if (event.type().equals("response.output_text.delta")) {
              deltas.append(event.asOutputTextDelta().getDelta());
            }
          }
        }).get(60, TimeUnit.SECONDS);
    assertThat(Responses.outputText(done)).isEqualTo("Echo: listened big context" + echo(context));
    assertThat(deltas.toString()).isEqualTo(Responses.outputText(done));
    assertThat(posts()).isEqualTo(2);
  }

  @Test
  void aSixtyFourKilobyteContextReachesTheAgentOnConversationCreate() {
    RequestContext context = contextOfJsonLength(64 * 1024);
    String id = "conv-big-ctx-" + UUID.randomUUID();

    // Creating a conversation runs no model: the test server's memory hook records the context it was
    // resolved with in the new thread's metadata.
    Conversation created = client.conversations().create(
        new ConversationCreateRequest().agentId(AGENT).conversationId(id), RequestOptions.of(context));

    @SuppressWarnings("unchecked")
    Map<String, Object> recorded = (Map<String, Object>) created.getThread().getMetadata().get("requestContext");
    // Written back as a context (which keeps null entries, unlike Gson): the same JSON, byte for byte.
    assertThat(RequestContext.of(recorded).toJson()).isEqualTo(context.toJson());
    client.conversations().delete(id);
  }

  @Test
  void getCarriesTheContextInTheQueryDeleteCarriesNoneAndAnOversizedGetIsRefusedBeforeAnyRequest() {
    RequestContext context = RequestContext.builder().set("tenant", "acme").build();
    String id = "conv-ctx-get-" + UUID.randomUUID();
    client.conversations().create(new ConversationCreateRequest().agentId(AGENT).conversationId(id),
        RequestOptions.of(context));

    assertThat(client.conversations().retrieve(id, RequestOptions.of(context)).getId()).isEqualTo(id);
    assertThat(client.conversations().items().list(id, ai.mastra.client.ItemListParams.none(),
        RequestOptions.of(context)).data()).isEmpty();
    sent.clear();

    RequestContext large = contextOfJsonLength(64 * 1024);
    assertThatThrownBy(() -> client.conversations().retrieve(id, RequestOptions.of(large)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit of 8192 bytes");
    assertThat(sent).isEmpty();

    assertThat(client.conversations().delete(id, RequestOptions.of(large)).getDeleted()).isTrue();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0)).startsWith("DELETE ").doesNotContain("?");
  }

  @Test
  void getRequestsCarriedTheQueryParameter() {
    RequestContext context = RequestContext.builder().set("tenant", "acme").build();
    String id = "conv-ctx-q-" + UUID.randomUUID();
    client.conversations().create(new ConversationCreateRequest().agentId(AGENT).conversationId(id));
    sent.clear();

    client.conversations().retrieve(id, RequestOptions.of(context));

    assertThat(sent).hasSize(1);
    assertThat(sent.get(0)).startsWith("GET ").endsWith("?requestContext=" + "eyJ0ZW5hbnQiOiJhY21lIn0%3D");
    client.conversations().delete(id);
  }
}
