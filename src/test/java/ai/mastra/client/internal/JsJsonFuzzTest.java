package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JavaScript's number formatting, checked offline against {@code JSON.stringify} output recorded from Node
 * ({@code tools/jsnumbers/record.mjs} wrote {@code src/test/resources/jsnumbers/doubles.txt.gz}): random bit
 * patterns, subnormals, every power of two and its neighbours, integers near 2^53, the 1e21 / 1e-7 / 1e-6
 * thresholds and every power of ten with neighbours, short decimals, everyday magnitudes, negatives.
 */
class JsJsonFuzzTest {

  /** The recorded doubles: bits and Node's text. */
  static List<String[]> recorded() throws IOException {
    List<String[]> cases = new ArrayList<>();
    try (InputStream in = JsJsonFuzzTest.class.getResourceAsStream("/jsnumbers/doubles.txt.gz");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.startsWith("#")) {
          cases.add(line.split(" ", 2));
        }
      }
    }
    return cases;
  }

  @Test
  @Timeout(60)
  void everyRecordedDoubleIsWrittenAsNodeWroteIt() throws IOException {
    List<String[]> cases = recorded();
    List<String> mismatches = new ArrayList<>();
    long start = System.nanoTime();
    for (String[] c : cases) {
      double value = Double.longBitsToDouble(Long.parseUnsignedLong(c[0], 16));
      String ours = JsJson.number(value);
      if (!ours.equals(c[1])) {
        mismatches.add(c[0] + ": node " + c[1] + ", sdk " + ours);
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.println("JsJsonFuzzTest: " + cases.size() + " recorded doubles, " + mismatches.size()
        + " mismatches, " + took.toMillis() + " ms");

    assertThat(cases.size()).as("recorded doubles").isGreaterThanOrEqualTo(100_000);
    assertThat(mismatches).as("doubles written differently from Node").isEmpty();
  }

  @Test
  void theRecordingCoversTheCornersThatDifferedOnOlderJdks() throws IOException {
    List<String> texts = new ArrayList<>();
    long subnormals = 0;
    for (String[] c : recorded()) {
      texts.add(c[1]);
      long bits = Long.parseUnsignedLong(c[0], 16);
      if ((bits & 0x7ff0000000000000L) == 0 && (bits << 1) != 0) {
        subnormals++;
      }
    }
    assertThat(texts).contains("7.120236347223045e-307", "1152921504606846800", "2e+23", "5e-324", "1e+21",
        "1e-7", "0.000001", "9007199254740992", "-2e+23");
    assertThat(subnormals).isGreaterThan(5_000);
  }

  // Each expected string is what Node 22 printed for JSON.stringify(n).
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "7.120236347223045e-307, 7.120236347223045e-307",
    "1152921504606846800, 1152921504606846800",
    "2e23, 2e+23",
    "4.9e-324, 5e-324",
    "1e21, 1e+21",
    "999999999999999900000, 999999999999999900000",
    "1e-7, 1e-7",
    "1.2e-7, 1.2e-7",
    "9.999999999999997e-7, 9.999999999999997e-7",
    "0.000001, 0.000001",
    "-0.0, 0",
    "9007199254740993, 9007199254740992",
    "18014398509481988, 18014398509481988",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "2.2250738585072014e-308, 2.2250738585072014e-308",
    "0.30000000000000004, 0.30000000000000004",
    "123.456, 123.456",
    "-1.5e-10, -1.5e-10"
  })
  void cornersAreWrittenAsNodeWritesThem(double value, String node) {
    assertThat(JsJson.number(value)).isEqualTo(node);
  }

  @Test
  void nanAndInfinitiesAreNullAsInJavaScript() {
    assertThat(JsJson.number(Double.NaN)).isEqualTo("null");
    assertThat(JsJson.number(Double.POSITIVE_INFINITY)).isEqualTo("null");
    assertThat(JsJson.number(Double.NEGATIVE_INFINITY)).isEqualTo("null");
  }
}
