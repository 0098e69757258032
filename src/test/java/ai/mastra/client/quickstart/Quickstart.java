package ai.mastra.client.quickstart;

import ai.mastra.client.AgentSession;
import ai.mastra.client.MastraClient;
import ai.mastra.client.NotFoundException;
import ai.mastra.client.RequestContext;
import ai.mastra.client.ResponseStream;
import ai.mastra.client.model.FunctionCallItem;
import ai.mastra.client.model.FunctionCallOutputItem;
import ai.mastra.client.model.MessageItem;
import ai.mastra.client.model.OutputItem;
import java.io.PrintStream;

/**
 * The README's quickstart: starts a session with an agent (its first turn creates the conversation), streams
 * the answer to a question (printing it as it is written), prints the conversation's items, then deletes the
 * conversation.
 *
 * <p>It talks to {@code MASTRA_BASE_URL} when that is set, else to an embedded WireMock sandbox that replays
 * what the real Mastra server of the conformance suite answered to the same requests. The agent is {@code
 * MASTRA_AGENT_ID} (default {@code support-agent}); the question is the program's arguments, joined (default
 * "What is the weather like today?").
 *
 * <p>Run: {@code mvn -q -Pquickstart test-compile exec:java}, or against your own server: {@code
 * MASTRA_BASE_URL=http://localhost:4111 MASTRA_AGENT_ID=my-agent mvn -q -Pquickstart test-compile exec:java
 * -Dexec.args="Hello there"}
 */
public final class Quickstart {
  static final String DEFAULT_AGENT = "support-agent";

  private Quickstart() {}

  /**
   * Runs the quickstart.
   *
   * @param args the question (its words), or none for the default one
   */
  public static void main(String[] args) {
    String baseUrl = blankToNull(System.getenv("MASTRA_BASE_URL"));
    String agent = blankToNull(System.getenv("MASTRA_AGENT_ID"));
    String question = args.length == 0 ? null : blankToNull(String.join(" ", args));
    boolean ok;
    if (baseUrl != null) {
      agent = agent == null ? DEFAULT_AGENT : agent;
      question = question == null ? "What is the weather like today?" : question;
      System.out.println("Asking agent " + agent + " on " + baseUrl + " (MASTRA_BASE_URL): " + question);
      ok = run(baseUrl, agent, question, System.out);
    } else {
      try (QuickstartSandbox sandbox = QuickstartSandbox.start()) {
        agent = agent == null ? sandbox.agent() : agent;
        if (question != null && !question.equals(sandbox.question())) {
          System.out.println("(The sandbox has a recorded answer only for \"" + sandbox.question()
              + "\"; set MASTRA_BASE_URL to ask your own server anything.)");
        }
        question = sandbox.question();
        System.out.println("Asking agent " + agent + " on an embedded sandbox at " + sandbox.baseUrl()
            + " that replays a real Mastra server's answers (MASTRA_BASE_URL is not set): " + question);
        ok = run(sandbox.baseUrl(), agent, question, System.out);
      }
    }
    if (!ok) {
      System.exit(1);
    }
  }

  /** Runs the steps; false (after one line saying why) when the agent does not exist. */
  static boolean run(String baseUrl, String agent, String question, PrintStream out) {
    try (MastraClient client = MastraClient.builder().baseUrl(baseUrl).build()) {
      // One conversation with the agent; the context reaches the agent and its tools on every turn (in the
      // POST body, where Mastra reads it). The conversation is created by the first turn.
      AgentSession session = client.sessionBuilder(agent)
          .title("Quickstart")
          .requestContext(RequestContext.builder().set("tenant", "acme").build())
          .build();
      ResponseStream stream;
      try {
        stream = session.stream(question);
      } catch (NotFoundException e) {
        if (!e.error().isPresent()) {
          out.println(e.getMessage()); // no such route: the message says to check the base URL
        } else {
          out.println("There is no agent '" + agent + "' on " + baseUrl + " (" + e.error().get()
              + "). Set MASTRA_AGENT_ID to the id of one of your agents, e.g. MASTRA_AGENT_ID=my-agent.");
        }
        return false;
      }
      out.println("Conversation " + session.conversationId().orElse("?"));
      try (stream) {
        out.print("Answer: ");
        for (String delta : stream.textDeltas()) {
          out.print(delta);
          out.flush();
        }
        out.println();
        stream.requireCompleted(); // throws if the model failed mid-answer
      }

      out.println("Items of the conversation:");
      for (OutputItem item : session.items()) {
        out.println("  " + describe(item));
      }

      out.println("Deleted conversation: " + session.delete()); // its stored responses go with it
      return true;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim();
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
