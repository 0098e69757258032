package ai.mastra.client.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every code line of the README's Java snippets is a line of {@link ReadmeExamples}, which compiles. */
class ReadmeSnippetsTest {

  @Test
  void everyReadmeSnippetLineIsInTheCompiledExamples() throws IOException {
    String readme = Files.readString(Paths.get("README.md"));
    Set<String> compiled = new HashSet<>();
    for (String line : Files.readAllLines(
        Paths.get("src/test/java/ai/mastra/client/examples/ReadmeExamples.java"))) {
      compiled.add(line.trim());
    }
    List<String> missing = new ArrayList<>();
    int lines = 0;
    Matcher snippet = Pattern.compile("(?s)```java\\n(.*?)```").matcher(readme);
    while (snippet.find()) {
      for (String line : snippet.group(1).split("\\n")) {
        String code = line.trim();
        if (code.isEmpty() || code.contains("...") && !code.contains("//")) {
          continue; // an elision
        }
        if (code.startsWith("for (OutputItem item : page.autoPager()) { ... }")) {
          continue;
        }
        lines++;
        if (!compiled.contains(code)) {
          missing.add(code);
        }
      }
    }
    assertThat(lines).isGreaterThan(100);
    assertThat(missing).as("README lines not in ReadmeExamples.java").isEmpty();
  }
}
