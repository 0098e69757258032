package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The boundaries of the input checks, and the check for a single OkHttp 5 on the classpath. */
class ChecksAndOkHttpCheckTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a", "z", "A", "Z", "0", "9", "!", "#", "$", "%", "&", "'", "*", "+", "-", ".", "^", "_", "`", "|", "~"})
  void everyTokenCharacterIsAllowedInAHeaderName(String c) {
    Checks.header("X" + c, "v");
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(ints = {'@', '[', '/', ':', '{', '}', '(', ')', ',', ';', '=', '"', '\\', '?', ' ', 0x7f, 0xe9})
  void theCharactersJustOutsideTheTokenRangesAreRefusedInANameWithTheirCodePoint(int c) {
    String name = "X" + (char) c;
    assertThatThrownBy(() -> Checks.header(name, "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.format("U+%04X at index 1", c));
  }

  @Test
  void aNameWithAControlCharacterIsShownEscaped() {
    assertThatThrownBy(() -> Checks.header("X\nY", "v"))
        .hasMessageStartingWith("header name 'X\\u000AY' has a character");
  }

  @Test
  void visibleAsciiSpaceAndTabAreAllowedInAValueAndNothingBeyond() {
    Checks.header("X", " !~\t");
    assertThatThrownBy(() -> Checks.header("X", "\u007f")).hasMessageContaining("U+007F at index 0");
    assertThatThrownBy(() -> Checks.header("X", "a\u001f")).hasMessageContaining("U+001F at index 1");
  }

  @Test
  void aBearerTokenIsVisibleAsciiWithoutSpaces() {
    assertThat(Checks.bearerToken("!~")).isEqualTo("!~");
    assertThatThrownBy(() -> Checks.bearerToken("a b")).hasMessageContaining("U+0020 at index 1");
    assertThatThrownBy(() -> Checks.bearerToken("ab\u007f")).hasMessageContaining("U+007F at index 2");
  }

  @Test
  void aTimeoutOfExactly24HoursIsAcceptedAndOneNanosecondMoreIsNot() {
    assertThat(Checks.timeout(Duration.ofHours(24), "timeout")).isEqualTo(Duration.ofHours(24));
    assertThatThrownBy(() -> Checks.timeout(Duration.ofHours(24).plusNanos(1), "timeout"))
        .hasMessageContaining("at most 24 hours");
    assertThat(Checks.id("x", "id")).isEqualTo("x");
  }

  /** A class loader that reports the given places for OkHttp's client class and delegates the rest. */
  private static ClassLoader reporting(List<URL> places) {
    return new ClassLoader(ChecksAndOkHttpCheckTest.class.getClassLoader()) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return name.equals("okhttp3/OkHttpClient.class") ? Collections.enumeration(places) : super.getResources(name);
      }
    };
  }

  @Test
  void oneOkHttp5IsFine() throws Exception {
    assertThat(OkHttpCheck.find(getClass().getClassLoader())).isEmpty();
    assertThat(OkHttpCheck.find(reporting(List.of(new URL("jar:file:/a/okhttp-jvm-5.5.1.jar!/okhttp3/OkHttpClient.class")))))
        .isEmpty();
  }

  @Test
  void twoOkHttpJarsAreNamedWithWhatToDo() throws Exception {
    String problem = OkHttpCheck.find(reporting(List.of(
        new URL("jar:file:/a/okhttp-jvm-5.5.1.jar!/okhttp3/OkHttpClient.class"),
        new URL("jar:file:/b/okhttp-4.12.0.jar!/okhttp3/OkHttpClient.class"))));

    assertThat(problem)
        .contains("2 copies of OkHttp [jar:file:/a/okhttp-jvm-5.5.1.jar, jar:file:/b/okhttp-4.12.0.jar]")
        .contains("<okhttp.version>5.5.1</okhttp.version>");
  }
}
