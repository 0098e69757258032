package ai.mastra.client.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QuickstartTest {

  private static String run(String agent) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (QuickstartSandbox sandbox = QuickstartSandbox.start();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      Quickstart.run(sandbox.baseUrl(), agent == null ? sandbox.agent() : agent, sandbox.question(), out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void quickstartAgainstTheSandboxPrintsTheRealServersAnswerAndTheItemsAndDeletesTheConversation() {
    String printed = run(null);

    assertThat(printed)
        .contains("Conversation b8bb1eac-7e9d-4b3f-86f3-ebd720c7c058")
        // what the real support agent answers to this request, its request context echoed
        .contains("Answer: The weather in Paris is sunny and 18 degrees C. [requestContext: {\"tenant\":\"acme\"}]")
        .contains("user: What is the weather like today?")
        .contains("tool call get_weather{\"city\":\"Paris\"}")
        .contains("assistant: The weather in Paris is sunny and 18 degrees C.")
        .contains("Deleted conversation: true");
  }

  @Test
  void anUnknownAgentGetsOneLineSayingWhatToSet() {
    String printed = run("weather-agent");

    assertThat(printed.trim()).matches("There is no agent 'weather-agent' on http://localhost:\\d+ \\(Agent "
        + "with id weather-agent not found\\)\\. Set MASTRA_AGENT_ID to the id of one of your agents, e\\.g\\. "
        + "MASTRA_AGENT_ID=my-agent\\.");
  }
}
