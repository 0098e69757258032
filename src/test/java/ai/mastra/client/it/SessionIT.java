package ai.mastra.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.AgentSession;
import ai.mastra.client.MastraClient;
import ai.mastra.client.MastraStructuredOutputException;
import ai.mastra.client.NotFoundException;
import ai.mastra.client.RequestContext;
import ai.mastra.client.RequestOptions;
import ai.mastra.client.ResponseStream;
import ai.mastra.client.StructuredOutput;
import ai.mastra.client.model.MessageItem;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sessions and structured output against the real Mastra server: a session's turns (blocking, streamed, async)
 * land in one conversation in order and are stored; its context reaches the agent; concurrent first turns
 * make one conversation; deleting it ends it on the server too. Structured output: the schema of a Java class
 * sent to {@code json-agent} (and the support agent, whose JSON mode answers the same) comes back as an
 * instance, from a response and from a stream; an answer that does not fit is a typed exception. Every
 * exchange is validated against the spec.
 */
@ExtendWith(MastraServer.class)
class SessionIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final RequestOptions STREAM = RequestOptions.builder().timeout(PATIENCE).build();

  private static SpecValidatingInterceptor validation;
  private static OkHttpClient http;
  private static MastraClient client;

  /** What json-agent answers: {"echo": "<the last user message>"}. A record: read through its components. */
  record Echo(String echo) {}

  /** A class json-agent's answer does not fit: it has no "summary". */
  record Ticket(String summary, int priority) {}

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

  private static List<String> history(AgentSession session) {
    List<String> lines = new ArrayList<>();
    for (OutputItem item : session.items()) {
      MessageItem message = item.asMessage();
      lines.add(message.getRole().value() + ": " + message.text());
    }
    return lines;
  }

  @Test
  void threeTurnsThenTheHistoryInOrderThenDelete() throws Exception {
    AgentSession session = client.sessionBuilder("support-agent").title("Session IT").resourceId("user-7").build();

    Response first = session.send("My invoice is wrong");
    String conversationId = session.conversationId().orElseThrow();
    String streamed;
    try (ResponseStream stream = session.stream(new ResponseCreateRequest().input("Why?"), STREAM)) {
      streamed = String.join("", stream.textDeltas());
      assertThat(stream.requireCompleted().getConversationId()).isEqualTo(conversationId);
    }
    Response third = session.async().send("Thanks").get(30, TimeUnit.SECONDS);

    assertThat(first.outputText()).isEqualTo("Echo: My invoice is wrong");
    assertThat(streamed).isEqualTo("Echo: Why?");
    assertThat(first.getConversationId()).isEqualTo(conversationId);
    assertThat(third.getConversationId()).isEqualTo(conversationId);
    assertThat(first.getStore()).isTrue();
    assertThat(history(session)).containsExactly(
        "user: My invoice is wrong", "assistant: Echo: My invoice is wrong",
        "user: Why?", "assistant: Echo: Why?",
        "user: Thanks", "assistant: Echo: Thanks");
    // stored: each turn can be retrieved; the conversation has the builder's title and resource
    assertThat(client.responses().retrieve(third.getId()).outputText()).isEqualTo("Echo: Thanks");
    assertThat(client.conversations().retrieve(conversationId).getThread().getTitle()).isEqualTo("Session IT");
    assertThat(client.conversations().retrieve(conversationId).getThread().getResourceId()).isEqualTo("user-7");

    // a second session resumes the same conversation
    AgentSession resumed = client.session("support-agent", conversationId);
    assertThat(resumed.send("Still there?").outputText()).isEqualTo("Echo: Still there?");
    assertThat(history(resumed)).hasSize(8).endsWith("assistant: Echo: Still there?");

    assertThat(session.delete()).isTrue();
    assertThatThrownBy(() -> client.conversations().retrieve(conversationId)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.responses().retrieve(first.getId())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> resumed.send("Hello?")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void theSessionsContextReachesTheAgentMergedWithTheCallsOwn() {
    AgentSession session = client.sessionBuilder("support-agent")
        .requestContext(RequestContext.builder().set("tenant", "acme").build()).build();
    try {
      assertThat(session.send("Hi").outputText())
          .isEqualTo("Echo: Hi [requestContext: {\"tenant\":\"acme\"}]");
      assertThat(session.send(new ResponseCreateRequest().input("Hi"),
              RequestOptions.of(RequestContext.builder().set("user", "u1").build())).outputText())
          .isEqualTo("Echo: Hi [requestContext: {\"tenant\":\"acme\",\"user\":\"u1\"}]");
      assertThat(session.items()).isNotEmpty(); // the context also goes (in the query) with the GET
    } finally {
      session.delete();
    }
  }

  @Test
  void concurrentFirstTurnsMakeOneConversationHoldingEveryTurn() throws Exception {
    AgentSession session = client.session("support-agent");
    int turns = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(turns);
    try {
      List<Future<Response>> futures = new ArrayList<>();
      for (int i = 0; i < turns; i++) {
        String input = "turn " + i;
        futures.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return session.send(input);
        }));
      }
      start.countDown();
      for (Future<Response> future : futures) {
        assertThat(future.get(30, TimeUnit.SECONDS).getConversationId()).isEqualTo(session.conversationId().get());
      }
    } finally {
      pool.shutdownNow();
    }

    List<String> history = history(session);
    assertThat(history).hasSize(2 * turns);
    assertThat(history.stream().filter(line -> line.startsWith("user: ")).collect(Collectors.toList()))
        .containsExactlyInAnyOrder("user: turn 0", "user: turn 1", "user: turn 2", "user: turn 3");
    session.delete();
  }

  @Test
  void jsonAgentsAnswerIsReadIntoAJavaRecord() throws Exception {
    ResponseCreateRequest request = new ResponseCreateRequest().agentId("json-agent").input("Summarize the ticket");

    Echo echo = client.responses().create(request, Echo.class);
    Echo async = client.async().responses().create(request, Echo.class).get(30, TimeUnit.SECONDS);

    assertThat(echo).isEqualTo(new Echo("Summarize the ticket"));
    assertThat(async).isEqualTo(echo);
  }

  @Test
  void theServerEchoesTheSchemaItWasSent() {
    StructuredOutput<Echo> output = StructuredOutput.of(Echo.class);
    Response response = client.responses().create(new ResponseCreateRequest().agentId("json-agent")
        .input("Summarize the ticket").text(output.textConfig()));

    assertThat(response.getText().getFormat().asJsonSchema().getName()).isEqualTo("Echo");
    assertThat(response.getText().getFormat().asJsonSchema().getSchema()).isEqualTo(Map.of(
        "type", "object", "properties", Map.of("echo", Map.of("type", "string")), "required", List.of("echo"),
        "additionalProperties", false));
    assertThat(output.parse(response)).isEqualTo(new Echo("Summarize the ticket"));
  }

  @Test
  void aSessionTurnAndAStreamAreReadIntoTheClassToo() {
    AgentSession session = client.session("json-agent");
    try {
      assertThat(session.send("First", Echo.class)).isEqualTo(new Echo("First"));

      StructuredOutput<Echo> output = StructuredOutput.of(Echo.class);
      try (ResponseStream stream = session.stream(new ResponseCreateRequest().input("Second")
          .text(output.textConfig()), STREAM)) {
        assertThat(stream.finalOutput(Echo.class)).isEqualTo(new Echo("Second"));
      }
      // the support agent's JSON mode answers the same way when asked for a schema
      assertThat(client.responses().create(new ResponseCreateRequest().agentId("support-agent").input("Third"),
          Echo.class)).isEqualTo(new Echo("Third"));
    } finally {
      session.delete();
    }
  }

  /**
   * Mastra checks a json_schema answer itself: a create whose answer does not fit is refused with HTTP 500
   * (without the answer), a stream ends "incomplete" with the answer. Both are the SDK's typed exception.
   */
  @Test
  void anAnswerThatDoesNotFitTheClassIsATypedException() {
    ResponseCreateRequest request = new ResponseCreateRequest().agentId("json-agent").input("Summarize the ticket");

    assertThatThrownBy(() -> client.responses().create(request, Ticket.class))
        .isInstanceOfSatisfying(MastraStructuredOutputException.class, e -> {
          assertThat(e.type()).isEqualTo(Ticket.class);
          assertThat(e.text()).isEmpty(); // the server does not send the answer it refused
          assertThat(e.getMessage()).contains("Structured output validation failed")
              .contains("must have required property 'summary'");
        });

    StructuredOutput<Ticket> ticket = StructuredOutput.of(Ticket.class);
    try (ResponseStream stream = client.responses().stream(request.text(ticket.textConfig()), STREAM)) {
      assertThatThrownBy(() -> stream.finalOutput(Ticket.class))
          .isInstanceOfSatisfying(MastraStructuredOutputException.class, e -> {
            assertThat(e.text()).isEqualTo("{\"echo\":\"Summarize the ticket\"}"); // the raw answer
            assertThat(e.getMessage()).contains("$: the required property \"summary\" is missing");
            assertThat(e.response().get().getStatus().value()).isEqualTo("incomplete");
          });
    }
  }
}
