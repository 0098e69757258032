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
        .contains("Created conversation 9308b28b-e928-4082-809a-8f154243ce2e")
        .contains("Answer: The weather in Paris is sunny and 18 degrees C.")
        .contains("user: What is the weather like today?")
        .contains("tool call get_weather{\"city\":\"Paris\"}")
        .contains("Deleted response: true")
        .contains("Deleted conversation: true");
  }
}
