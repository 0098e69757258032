package ai.mastra.client.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickstartTest {

  @Test
  void quickstartAgainstTheSandboxPrintsTheAnswerAndTheItemsAndDeletesBoth() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (QuickstartSandbox sandbox = QuickstartSandbox.start();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      Quickstart.run(sandbox.baseUrl(), out);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("Created conversation 42694ce2-31b3-4508-969f-07f107fd05b2")
        .contains("Answer: The weather in Paris is sunny and 18 degrees C.")
        .contains("user: What is the weather like today?")
        .contains("tool call get_weather{\"city\":\"Paris\"}")
        .contains("assistant: The weather in Paris is sunny and 18 degrees C.")
        .contains("Deleted response: true")
        .contains("Deleted conversation: true");
  }
}
