package ai.mastra.client.examples;

import ai.mastra.client.*;
import ai.mastra.client.model.*;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The README's code snippets, compiled (never run: they need a server). {@code ReadmeSnippetsTest} checks
 * that every code line of the README's Java snippets is a line of this file, so the two stay in sync.
 */
@SuppressWarnings("unused")
final class ReadmeExamples {
  private ReadmeExamples() {}

  static void use() {
    try (MastraClient client = MastraClient.builder()
            .baseUrl("http://localhost:4111")   // default: $MASTRA_BASE_URL, else http://localhost:4111
            .build()) {
      conversations(client);
    }
  }

  static void conversations(MastraClient client) {
    Conversation conversation = client.conversations().create(new ConversationCreateRequest()
        .agentId("support-agent")                 // required
        .conversationId("support-42")             // optional: pick the thread id
        .resourceId("user-42")                    // optional: whose memory
        .title("Billing support")
        .metadata(Map.of("ticket", "T-1")));

    Conversation same = client.conversations().retrieve(conversation.getId());
    ConversationThread thread = same.getThread();          // Mastra's thread record: title, resourceId, createdAt...

    ConversationDeleted deleted = client.conversations().delete(conversation.getId());
  }

  static void items(MastraClient client, String conversationId) {
    ConversationItemsPage page = client.conversations().items().list(conversationId);
    for (OutputItem item : page.data()) {                  // a conversation's items are OutputItems too
      if (item.isMessage()) {
        MessageItem message = item.asMessage();
        System.out.println(message.getRole() + ": " + message.text());   // the text parts, joined
      } else if (item.isFunctionCall()) {
        System.out.println("tool " + item.asFunctionCall().getName() + item.asFunctionCall().getArguments());
      } else {
        System.out.println(item.getType() + " " + item.getId());        // a result, or a kind added later
      }
    }

    // Every item, fetching further pages lazily (one request per page, one page in memory):
    for (OutputItem item : page.autoPager()) {
      System.out.println(describe(item));
    }
    long toolCalls = page.autoPager().stream().filter(OutputItem::isFunctionCall).count();

    // OpenAI's paging parameters, for servers that honour them (Mastra ignores them and answers the whole thread):
    client.conversations().items().list(conversationId,
        ItemListParams.builder().limit(20).order(ListOrder.DESC).build());
  }

  // Or every case, checked by the compiler (visitUnknown has no default: the server grows):
  static String describe(OutputItem item) {
    return item.accept(new OutputItem.Visitor<String>() {
      @Override public String visitMessage(MessageItem m) { return m.getRole() + ": " + m.text(); }
      @Override public String visitFunctionCall(FunctionCallItem c) { return "tool " + c.getName() + c.getArguments(); }
      @Override public String visitFunctionCallOutput(FunctionCallOutputItem o) { return "result " + o.getOutput(); }
      @Override public String visitUnknown(OutputItem.Unknown u) { return u.getType() + " " + u.rawJson(); }
    });
  }

  static void responses(MastraClient client, String conversationId) {
    Response response = client.responses().create(new ResponseCreateRequest()
        .agentId("support-agent")
        .input("Summarize this ticket")
        .store(true));                                     // stored: can be retrieved and continued
    System.out.println(response.outputText());            // client-js's output_text
    System.out.println(response.getConversationId());      // the memory thread of a stored response

    // Input as messages; content is a String or a List<InputContentPart>
    client.responses().create(new ResponseCreateRequest()
        .agentId("support-agent")
        .instructions("Answer in one sentence.")
        .input(List.of(
            new InputMessage().role(MessageRole.SYSTEM).content("You are terse."),
            new InputMessage().role(MessageRole.USER)
                .content(List.of(new InputContentPart().type("input_text").text("Hello"))))));

    // Continue a stored response, or add to a known conversation
    client.responses().create(new ResponseCreateRequest()
        .previousResponseId(response.getId()).input("And then?").store(true));
    client.responses().create(new ResponseCreateRequest()
        .agentId("support-agent").conversationId(conversationId).input("A follow-up").store(true));

    // Structured output with a schema written by hand (from a Java class: see below)
    client.responses().create(new ResponseCreateRequest()
        .agentId("support-agent")
        .input("Return a ticket summary")
        .text(new TextConfig().format(new JsonSchemaFormat()   // or new JsonObjectFormat()
            .name("ticket_summary")
            .schema(Map.of("type", "object",
                           "properties", Map.of("summary", Map.of("type", "string")),
                           "required", List.of("summary"))))));

    Response stored = client.responses().retrieve(response.getId());
    ResponseDeleted gone = client.responses().delete(response.getId());
  }

  static void sessions(MastraClient client) {
    AgentSession session = client.session("support-agent");         // no I/O yet: the first turn creates the conversation
    Response first = session.send("My invoice is wrong");           // agent_id, conversation_id and store(true) for you
    try (ResponseStream stream = session.stream("Why?")) {
      stream.textDeltas().forEach(System.out::print);
    }
    for (OutputItem item : session.items()) {                       // the history, oldest first, every page
      System.out.println(describe(item));
    }
    String conversationId = session.conversationId().orElseThrow();
    AgentSession again = client.session("support-agent", conversationId);   // resume it (later, elsewhere)
    session.delete();                                               // the conversation, its items and responses

    AgentSession custom = client.sessionBuilder("support-agent")
        .requestContext(RequestContext.builder().set("tenant", "acme").build())   // goes with every call
        .resourceId("user-42")                                     // a new conversation's resource, title, metadata
        .title("Billing")
        .build();
    custom.send(new ResponseCreateRequest().instructions("Answer in one sentence.").input("Hello"));   // a full request
    CompletableFuture<Response> later = custom.async().send("And then?");
  }

  record Ticket(String summary, Priority priority, List<String> tags, Optional<String> customer) {}
  enum Priority { LOW, MEDIUM, HIGH }

  static void structuredOutput(MastraClient client, AgentSession session) {
    Ticket ticket = client.responses().create(new ResponseCreateRequest()
        .agentId("support-agent").input("Summarize this ticket"), Ticket.class);
    Ticket next = session.send("Summarize the ticket", Ticket.class);

    StructuredOutput<Ticket> output = StructuredOutput.of(Ticket.class);      // the schema, the format, the parser
    try (ResponseStream stream = session.stream(new ResponseCreateRequest().input("Summarize").text(output.textConfig()))) {
      stream.textDeltas().forEach(System.out::print);
      Ticket streamed = stream.finalOutput(Ticket.class);                   // the final text, parsed at the end
    }
  }

  static void async(MastraClient client, String conversationId) {
    MastraClientAsync async = client.async();
    async.responses()
        .create(new ResponseCreateRequest().agentId("support-agent").input("Hello"))
        .thenApply(Responses::outputText)
        .thenAccept(System.out::println)
        .exceptionally(failure -> { /* a CompletionException whose getCause() is e.g. a NotFoundException */ return null; });

    // Every item of every page, each page fetched without blocking once the previous one is handled:
    async.conversations().items().forEach(conversationId, item -> System.out.println(item.getId()))
        .join();
    // Or page by page (Mastra answers the whole thread in one page, so check before asking for the next):
    async.conversations().items().list(conversationId)
        .thenCompose(page -> page.hasNextPage() ? page.nextPageAsync() : CompletableFuture.completedFuture(page));
  }

  static class WeatherArgs { String city; }            // the tool's parameters, as a class of yours

  static void toolCalls(AgentSession session) {
    Response response = session.send("What is the weather in Paris?");
    for (ToolCall call : ToolTrace.of(response)) {       // or ToolTrace.of(session.items()), ToolTrace.of(stream)
      WeatherArgs args = call.arguments(WeatherArgs.class);   // or call.arguments() (raw), call.argumentsJson()
      System.out.println(call.name() + " " + args.city + " -> " + call.output().orElse("(unanswered)"));
    }
  }

  static void logging() {
    try (MastraClient client = MastraClient.builder()
            .logLevel(LogLevel.HEADERS)                  // or MASTRA_LOG=basic|headers|body|debug
            .redactHeader("X-Tenant-Key")                // besides Authorization, cookies and the like
            .logSink(line -> System.err.println(line))   // default: SLF4J, logger ai.mastra.client.http, INFO
            .build()) {
      client.conversations().retrieve("support-42");
    }
  }

  static void streaming(MastraClient client, ResponseCreateRequest request) {
    try (ResponseStream stream = client.responses().stream(new ResponseCreateRequest()
        .agentId("support-agent").input("Tell me a story"))) {
      for (String delta : stream.textDeltas()) {
        System.out.print(delta);                      // each piece of text as soon as it arrives
      }
      Response response = stream.requireCompleted();  // the final response; throws if the model failed mid-answer
    }

    CompletableFuture<Response> done = client.responses().stream(request, RequestOptions.none(),
        new ResponseStreamListener() {
          @Override public void onEvent(StreamEvent event) {
            if (event.data().isOutputTextDelta()) System.out.print(event.asOutputTextDelta().getDelta());
          }
          @Override public void onComplete(Response response) { System.out.println(); }
          @Override public void onError(MastraException error) { error.printStackTrace(); }
        });
  }

  static void requestContext(MastraClient client, ResponseCreateRequest request, String id) {
    RequestContext context = RequestContext.builder()
        .set("tenant", "acme")
        .set("user", Map.of("id", 42, "locale", "de-CH"))
        .build();                                          // or RequestContext.of(map)
    client.responses().create(request, RequestOptions.of(context));
    client.conversations().retrieve(id, RequestOptions.builder()
        .requestContext(context)
        .header("X-Trace", "abc")
        .timeout(Duration.ofSeconds(30))
        .build());
  }

  static void errors(MastraClient client) {
    try {
      client.responses().create(new ResponseCreateRequest().agentId("support-agent").input("Hi")
          .text(new TextConfig().format(new TextFormat.Unknown(              // a format the spec does not list:
              JsonParser.parseString("{\"type\":\"text\"}").getAsJsonObject()))));   // Mastra accepts only JSON ones
    } catch (BadRequestException e) {
      e.statusCode();   // 400
      e.error();        // Optional["Invalid request body"]: Mastra's {"error": "..."}
      e.issues();       // one ErrorIssue: getField() "text.format", getMessage() why
      e.body();         // the raw body; a text/plain body (unknown route: "404 Not Found") is kept as it is
      e.headers();
    }
  }
}
