package ai.mastra.client.quickstart;

import ai.mastra.client.ConversationItemsPage;
import ai.mastra.client.MastraClient;
import ai.mastra.client.RequestContext;
import ai.mastra.client.RequestOptions;
import ai.mastra.client.ResponseStream;
import ai.mastra.client.model.Conversation;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.FunctionCallItem;
import ai.mastra.client.model.FunctionCallOutputItem;
import ai.mastra.client.model.MessageItem;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import java.io.PrintStream;

/**
 * The README's quickstart: creates a conversation, streams a response into it (printing the answer as it is
 * written), prints the conversation's items, then deletes both. Talks to {@code MASTRA_BASE_URL} when it is set, else to an
 * embedded WireMock sandbox that replays a real Mastra server's answers.
 *
 * <p>Run: {@code mvn -q -Pquickstart test-compile exec:java}
 */
public final class Quickstart {
  private Quickstart() {}

  /**
   * Runs the quickstart.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    String baseUrl = System.getenv("MASTRA_BASE_URL");
    if (baseUrl != null && !baseUrl.trim().isEmpty()) {
      System.out.println("Using the Mastra server at " + baseUrl + " (MASTRA_BASE_URL)");
      run(baseUrl.trim(), System.out);
    } else {
      try (QuickstartSandbox sandbox = QuickstartSandbox.start()) {
        System.out.println("MASTRA_BASE_URL is not set: using an embedded WireMock sandbox at "
            + sandbox.baseUrl() + " that replays a real Mastra server's recorded answers");
        run(sandbox.baseUrl(), System.out);
      }
    }
  }

  static void run(String baseUrl, PrintStream out) {
    try (MastraClient client = MastraClient.builder().baseUrl(baseUrl).build()) {
      Conversation conversation =
          client.conversations().create(new ConversationCreateRequest().agentId("support-agent").title("Quickstart"));
      out.println("Created conversation " + conversation.getId());

      // The context reaches the agent and its tools (in the POST body, where Mastra reads it).
      RequestOptions options = RequestOptions.of(RequestContext.builder().set("tenant", "acme").build());
      ResponseCreateRequest request =
          new ResponseCreateRequest()
              .agentId("support-agent")
              .conversationId(conversation.getId())
              .input("What is the weather like today?")
              .store(true);
      Response response;
      try (ResponseStream stream = client.responses().stream(request, options)) {
        out.print("Answer: ");
        for (String delta : stream.textDeltas()) {
          out.print(delta);
          out.flush();
        }
        out.println();
        response = stream.requireCompleted(); // throws if the model failed mid-answer
      }

      ConversationItemsPage items = client.conversations().items().list(conversation.getId());
      out.println("Items of the conversation:");
      for (OutputItem item : items.autoPager()) {
        out.println("  " + describe(item));
      }

      out.println("Deleted response: " + client.responses().delete(response.getId()).getDeleted());
      out.println("Deleted conversation: " + client.conversations().delete(conversation.getId()).getDeleted());
    }
  }

  private static String describe(OutputItem item) {
    return item.accept(new OutputItem.Visitor<String>() {
      @Override public String visitMessage(MessageItem message) {
        return message.getRole() + ": " + message.text();
      }
      @Override public String visitFunctionCall(FunctionCallItem call) {
        return "tool call " + call.getName() + call.getArguments();
      }
      @Override public String visitFunctionCallOutput(FunctionCallOutputItem result) {
        return "tool result " + result.getOutput();
      }
      @Override public String visitUnknown(OutputItem.Unknown other) {
        return other.getType() + " " + other.getId();
      }
    });
  }
}
