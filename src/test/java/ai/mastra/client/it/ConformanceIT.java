package ai.mastra.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.BadRequestException;
import ai.mastra.client.ConversationItemsPage;
import ai.mastra.client.ItemListParams;
import ai.mastra.client.MastraClient;
import ai.mastra.client.NotFoundException;
import ai.mastra.client.RequestContext;
import ai.mastra.client.RequestOptions;
import ai.mastra.client.ResponseIncompleteException;
import ai.mastra.client.ResponseStream;
import ai.mastra.client.ResponseStreamListener;
import ai.mastra.client.Responses;
import ai.mastra.client.ServerException;
import ai.mastra.client.StreamEvent;
import ai.mastra.client.model.JsonObjectFormat;
import ai.mastra.client.model.JsonSchemaFormat;
import ai.mastra.client.model.Conversation;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.InputContentPart;
import ai.mastra.client.model.InputMessage;
import ai.mastra.client.model.ListOrder;
import ai.mastra.client.model.MessageRole;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.model.ResponseStatus;
import ai.mastra.client.model.TextConfig;
import ai.mastra.client.model.TextFormat;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every SDK operation against a real Mastra server (Mastra's own packages, deterministic mock model), with
 * every request and answer validated against openapi/mastra.yaml.
 */
@ExtendWith(MastraServer.class)
class ConformanceIT {
  private static final String AGENT = "support-agent";
  /**
   * A stalled server must fail a test, not hang the run: the mock model answers in milliseconds, so 30 s of
   * silence on a stream (the idle timeout of these options) or on a call (the client's read timeout) is a bug.
   */
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final RequestOptions STREAM = RequestOptions.builder().timeout(PATIENCE).build();

  private static SpecValidatingInterceptor validation;
  private static OkHttpClient http;
  private static MastraClient client;

  @BeforeAll
  static void connect() {
    validation = SpecValidatingInterceptor.ofProjectSpec();
    http = new OkHttpClient.Builder().addInterceptor(validation).build();
    client = MastraClient.builder().baseUrl(MastraServer.baseUrl()).httpClient(http)
        .connectTimeout(Duration.ofSeconds(5)).readTimeout(PATIENCE).build();
  }

  @AfterEach
  void everyExchangeMatchesTheSpec() {
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

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  @Test
  void aConversationFromCreateToDelete() {
    String id = unique("conv");
    Conversation created = client.conversations().create(new ConversationCreateRequest()
        .agentId(AGENT).conversationId(id).resourceId("user-42").title("Support chat")
        .metadata(Map.of("ticket", "T-1", "priority", 2)));
    assertThat(created.getId()).isEqualTo(id);
    assertThat(created.getThread().getResourceId()).isEqualTo("user-42");
    assertThat(created.getThread().getMetadata()).containsEntry("priority", 2L);

    Conversation retrieved = client.conversations().retrieve(id);
    assertThat(retrieved.getThread().getTitle()).isEqualTo("Support chat");
    assertThat(retrieved.getThread().getCreatedAt()).isEqualTo(created.getThread().getCreatedAt());

    Response first = client.responses().create(new ResponseCreateRequest()
        .agentId(AGENT).conversationId(id).input("Remember this: blue").store(true));
    assertThat(first.getConversationId()).isEqualTo(id);
    assertThat(Responses.outputText(first)).isEqualTo("Echo: Remember this: blue");

    ConversationItemsPage items = client.conversations().items().list(id);
    assertThat(items.data()).extracting(item -> item.asMessage().getRole())
        .containsExactly(MessageRole.USER, MessageRole.ASSISTANT);
    assertThat(items.hasMore()).isFalse();
    assertThat(items.hasNextPage()).isFalse();
    assertThat(items.lastId()).contains(first.getId());
    assertThat(items.autoPager().stream().count()).isEqualTo(2);

    Response stored = client.responses().retrieve(first.getId());
    assertThat(Responses.outputText(stored)).isEqualTo(Responses.outputText(first));

    assertThat(client.responses().delete(first.getId()).getDeleted()).isTrue();
    assertThatThrownBy(() -> client.responses().retrieve(first.getId())).isInstanceOf(NotFoundException.class);
    assertThat(client.conversations().items().list(id).data()).extracting(item -> item.asMessage().getRole())
        .containsExactly(MessageRole.USER);

    assertThat(client.conversations().delete(id).getDeleted()).isTrue();
    assertThatThrownBy(() -> client.conversations().retrieve(id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.conversations().items().list(id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.conversations().delete(id)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void messageArraysInstructionsAndJsonFormats() {
    Response messages = client.responses().create(new ResponseCreateRequest()
        .agentId(AGENT)
        .instructions("Be terse.")
        .input(List.of(
            new InputMessage().role(MessageRole.USER).content("first question"),
            new InputMessage().role(MessageRole.ASSISTANT)
                .content(List.of(new InputContentPart().type("output_text").text("first answer"))),
            new InputMessage().role(MessageRole.USER)
                .content(List.of(new InputContentPart().type("input_text").text("second question"))))));
    assertThat(Responses.outputText(messages)).isEqualTo("Echo: second question");
    assertThat(messages.getInstructions()).isEqualTo("Be terse.");

    Response jsonObject = client.responses().create(new ResponseCreateRequest()
        .agentId(AGENT).input("give me json")
        .text(new TextConfig().format(new JsonObjectFormat())));
    assertThat(JsonParser.parseString(Responses.outputText(jsonObject)).getAsJsonObject().get("echo").getAsString())
        .isEqualTo("give me json");

    Response jsonSchema = client.responses().create(new ResponseCreateRequest()
        .agentId("json-agent").input("structured please")
        .text(new TextConfig().format(new JsonSchemaFormat().name("echo_result").strict(true)
            .schema(Map.of("type", "object", "properties", Map.of("echo", Map.of("type", "string")),
                "required", List.of("echo"))))));
    assertThat(jsonSchema.getText().getFormat().asJsonSchema().getName()).isEqualTo("echo_result");
    assertThat(Responses.outputText(jsonSchema)).isEqualTo("{\"echo\":\"structured please\"}");
  }

  @Test
  void storedResponsesChainWithPreviousResponseId() {
    Response first = client.responses().create(new ResponseCreateRequest()
        .agentId(AGENT).input("Remember this: green").store(true));
    assertThat(first.getStore()).isTrue();
    assertThat(first.getConversationId()).isNotNull();

    Response second = client.responses().create(new ResponseCreateRequest()
        .previousResponseId(first.getId()).input("What did I say?").store(true));

    assertThat(second.getPreviousResponseId()).isEqualTo(first.getId());
    assertThat(second.getConversationId()).isEqualTo(first.getConversationId());
    assertThat(client.conversations().items().list(first.getConversationId()).data()).hasSize(4);
  }

  @Test
  void aToolCallShowsInTheOutputAndTheItems() {
    Response response = client.responses().create(new ResponseCreateRequest()
        .agentId(AGENT).input("What is the weather like today?").store(true));

    assertThat(response.getOutput()).extracting(OutputItem::getType)
        .containsExactly("function_call", "function_call_output", "message");
    assertThat(Responses.outputText(response)).isEqualTo("The weather in Paris is sunny and 18 degrees C.");
    assertThat(client.conversations().items().list(response.getConversationId()).data())
        .extracting(OutputItem::getType)
        .containsExactly("message", "function_call", "function_call_output", "message");
  }

  @Test
  void streamingGivesTheSameAnswerAsCreate() {
    String whole = Responses.outputText(client.responses().create(
        new ResponseCreateRequest().agentId(AGENT).input("Stream this reply please")));

    int eventsBefore = validation.streamEvents();
    int deltasSeen;
    try (ResponseStream stream = client.responses().stream(
        new ResponseCreateRequest().agentId(AGENT).input("Stream this reply please"), STREAM)) {
      List<String> deltas = new ArrayList<>();
      stream.textDeltas().forEach(deltas::add);
      assertThat(deltas).hasSizeGreaterThan(1);
      assertThat(String.join("", deltas)).isEqualTo(whole);
      deltasSeen = deltas.size();
      assertThat(stream.requireCompleted().getStatus()).isEqualTo(ResponseStatus.COMPLETED);
    }
    assertThat(validation.streamEvents()).as("stream events checked against the spec")
        .isGreaterThanOrEqualTo(eventsBefore + deltasSeen + 8);
  }

  @Test
  void aStreamedToolCallInAConversationIsStored() {
    List<String> types = new ArrayList<>();
    Response response;
    try (ResponseStream stream = client.responses().stream(
        new ResponseCreateRequest().agentId(AGENT).input("Stream the weather please").store(true), STREAM)) {
      for (StreamEvent event : stream) {
        types.add(event.type());
      }
      response = stream.finalResponse();
    }
    assertThat(types).contains("response.function_call_arguments.done", "response.output_text.delta")
        .endsWith("response.completed");
    assertThat(Responses.outputText(client.responses().retrieve(response.getId())))
        .isEqualTo("The weather in Paris is sunny and 18 degrees C.");
  }

  @Test
  void aModelFailureMidStreamIsIncompleteNotSilentlyWhole() {
    try (ResponseStream stream = client.responses().stream(
        new ResponseCreateRequest().agentId(AGENT).input("please explode"), STREAM)) {
      assertThatThrownBy(stream::requireCompleted)
          .isInstanceOfSatisfying(ResponseIncompleteException.class,
              e -> assertThat(e.response().getStatus()).isEqualTo(ResponseStatus.INCOMPLETE));
      assertThat(stream.outputText()).contains("Partial answer before failure");
    }
  }

  @Test
  void theRequestContextReachesTheAgent() throws Exception {
    RequestContext context = RequestContext.builder().set("tenant", "acme").set("tier", 2).build();
    RequestOptions options = RequestOptions.builder().requestContext(context).timeout(PATIENCE).build();

    Response response = client.responses().create(
        new ResponseCreateRequest().agentId(AGENT).input("hello with context"), options);
    assertThat(Responses.outputText(response))
        .isEqualTo("Echo: hello with context [requestContext: {\"tenant\":\"acme\",\"tier\":2}]");

    Response async = client.async().responses().create(
        new ResponseCreateRequest().agentId(AGENT).input("async context"), options).get(30, TimeUnit.SECONDS);
    assertThat(Responses.outputText(async)).endsWith("[requestContext: {\"tenant\":\"acme\",\"tier\":2}]");

    try (ResponseStream stream = client.responses().stream(
        new ResponseCreateRequest().agentId(AGENT).input("streamed context"), options)) {
      assertThat(stream.outputText()).endsWith("[requestContext: {\"tenant\":\"acme\",\"tier\":2}]");
    }

    // Creating a conversation runs no model: the agent's memory, resolved with the context, records it in the
    // new thread's metadata (a hook of the test server), next to the caller's own metadata.
    String id = unique("conv-ctx");
    Conversation created = client.conversations().create(
        new ConversationCreateRequest().agentId(AGENT).conversationId(id).metadata(Map.of("ticket", "T-2")), options);
    assertThat(created.getThread().getMetadata())
        .containsEntry("ticket", "T-2")
        .containsEntry("requestContext", Map.of("tenant", "acme", "tier", 2L));
    assertThat(client.conversations().create(new ConversationCreateRequest().agentId(AGENT)
        .conversationId(unique("conv-no-ctx"))).getThread().getMetadata()).isNull();
    assertThat(client.conversations().retrieve(id, options).getThread().getMetadata())
        .isEqualTo(created.getThread().getMetadata());
    Response inConversation = client.responses().create(
        new ResponseCreateRequest().agentId(AGENT).conversationId(id).input("in the thread"), options);
    assertThat(Responses.outputText(inConversation)).contains("\"tenant\":\"acme\"");
    client.conversations().delete(id, options);
  }

  @Test
  void missingInputIsRefusedBeforeSendingAndBadInputIsABadRequest() {
    int before = validation.exchanges();
    assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId(AGENT)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request.input");
    assertThat(validation.exchanges()).as("requests sent").isEqualTo(before);

    // Mastra's own answer to input it cannot take (its 400 for a missing input is the same, field `input`).
    assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId(AGENT).input(List.of(
        new InputMessage().role(MessageRole.USER)
            .content(List.of(new InputContentPart().type("input_image").text("a picture")))))))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.issues()).extracting(issue -> issue.getField()).containsExactly("input");
        });
  }

  @Test
  void itemListParametersMatchTheSpecAndMastraIgnoresThem() {
    Response first = client.responses().create(new ResponseCreateRequest()
        .agentId(AGENT).input("one").store(true));
    client.responses().create(new ResponseCreateRequest().previousResponseId(first.getId()).input("two").store(true));

    ConversationItemsPage all = client.conversations().items().list(first.getConversationId());
    ConversationItemsPage asked = client.conversations().items().list(first.getConversationId(),
        ItemListParams.builder().limit(1).order(ListOrder.DESC).after(all.data().get(0).getId()).build());

    assertThat(asked.data()).extracting(OutputItem::getId)
        .containsExactlyElementsOf(all.data().stream().map(OutputItem::getId).collect(Collectors.toList()))
        .hasSize(4);
    assertThat(asked.hasMore()).isFalse();
  }

  @Test
  void errorsMapToTypedExceptions() {
    assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId("no-such-agent").input("x")))
        .isInstanceOfSatisfying(NotFoundException.class,
            e -> assertThat(e.error()).contains("Agent with id no-such-agent not found"));
    assertThatThrownBy(() -> client.conversations().create(new ConversationCreateRequest().agentId("no-such-agent")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId(AGENT).input("x")
        .text(new TextConfig().format(new TextFormat.Unknown(com.google.gson.JsonParser.parseString("{\"type\":\"text\"}").getAsJsonObject())))))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.issues())
            .extracting(issue -> issue.getField()).containsExactly("text.format"));
    // The validator sees the same mistake in the request the SDK was told to send: proof that it checks.
    assertThat(validation.drainMismatches()).isNotEmpty()
        .allSatisfy(mismatch -> assertThat(mismatch).contains("/text/format"));
    assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest()
        .previousResponseId("msg_does-not-exist").input("x")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId(AGENT)
        .conversationId("conv-does-not-exist").input("x")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.responses().retrieve("msg_does-not-exist")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.responses().delete("msg_does-not-exist")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.conversations().retrieve("a/b")).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.error()).contains("Conversation a/b was not found"));
    assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId(AGENT).input("explode")))
        .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    assertThatThrownBy(() -> client.responses().stream(
        new ResponseCreateRequest().agentId("no-such-agent").input("x"), STREAM))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.async().responses().retrieve("msg_does-not-exist").get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(NotFoundException.class);
  }

  @Test
  void theAsyncFormDoesTheWholeRoundTrip() throws Exception {
    String id = unique("conv-async");
    Conversation created = client.async().conversations()
        .create(new ConversationCreateRequest().agentId(AGENT).conversationId(id)).get(30, TimeUnit.SECONDS);
    assertThat(created.getId()).isEqualTo(id);
    assertThat(client.async().conversations().retrieve(id).get(30, TimeUnit.SECONDS).getId()).isEqualTo(id);

    Response response = client.async().responses().create(new ResponseCreateRequest()
        .agentId(AGENT).conversationId(id).input("async hello").store(true)).get(30, TimeUnit.SECONDS);
    List<String> texts = new ArrayList<>();
    client.async().conversations().items().forEach(id, item -> texts.add(item.asMessage().getRole() + ":" + item.getType()))
        .get(30, TimeUnit.SECONDS);
    assertThat(texts).containsExactly("user:message", "assistant:message");
    assertThat(client.async().conversations().items().list(id).get(30, TimeUnit.SECONDS).lastId())
        .contains(response.getId());

    assertThat(client.async().responses().delete(response.getId()).get(30, TimeUnit.SECONDS).getDeleted()).isTrue();
    assertThat(client.async().conversations().delete(id).get(30, TimeUnit.SECONDS).getDeleted()).isTrue();
    assertThatThrownBy(() -> client.async().conversations().retrieve(id).get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(NotFoundException.class);
  }

  @Test
  void theListenerFormStreamsToo() throws Exception {
    List<String> deltas = new ArrayList<>();
    Response response = client.async().responses().stream(
        new ResponseCreateRequest().agentId(AGENT).input("listen to this"), STREAM,
        new ResponseStreamListener() {
          @Override
          public void onEvent(StreamEvent event) {
            if (event.type().equals("response.output_text.delta")) {
              deltas.add(event.asOutputTextDelta().getDelta());
            }
          }
        }).get(30, TimeUnit.SECONDS);
    assertThat(deltas.stream().collect(Collectors.joining())).isEqualTo(Responses.outputText(response));
  }

  @AfterAll
  static void theSuiteValidatedExchanges() {
    if (validation != null && MastraServer.baseUrl() != null) {
      assertThat(validation.exchanges()).isGreaterThan(30);
    }
  }
}
