package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

/** {@link SseParser} at its edges: the size limits exactly reached, and lines as short as the prefixes it looks for. */
class SseParserLimitsTest {

  /** Serves the given pieces one read at a time, then the end of the stream. */
  private static Source pieces(String... pieces) {
    Deque<byte[]> left = new ArrayDeque<>();
    for (String piece : pieces) {
      left.add(piece.getBytes(StandardCharsets.UTF_8));
    }
    return new Source() {
      @Override
      public long read(Buffer sink, long byteCount) {
        if (left.isEmpty()) {
          return -1;
        }
        byte[] piece = left.removeFirst();
        sink.write(piece);
        return piece.length;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    };
  }

  private static List<String> data(SseParser parser) throws IOException {
    List<String> out = new ArrayList<>();
    for (SseEvent event = parser.next(); event != null; event = parser.next()) {
      out.add(event.data());
    }
    return out;
  }

  private static List<String> data(String stream, long max) throws IOException {
    return data(new SseParser(new Buffer().writeUtf8(stream), max));
  }

  @Test
  void dataOfExactlyTheLimitIsAnEventAndOneCharMoreIsNot() throws IOException {
    assertThat(data("data: 0123456789\n\n", 10)).containsExactly("0123456789");
    assertThatThrownBy(() -> data("data: 0123456789A\n\n", 10))
        .isInstanceOf(Limits.TooLargeException.class)
        .hasMessageContaining("an event of the stream is larger than the client's maxResponseSize of 10 bytes");
  }

  @Test
  void dataIsCountedInBytesOfUtf8() throws IOException {
    // five two-byte characters: ten bytes (the limit was in characters until the data was kept as its bytes)
    assertThat(data("data: \u00e9\u00e9\u00e9\u00e9\u00e9\n\n", 10)).containsExactly("\u00e9\u00e9\u00e9\u00e9\u00e9");
    assertThatThrownBy(() -> data("data: \u00e9\u00e9\u00e9\u00e9\u00e9a\n\n", 10))
        .isInstanceOf(Limits.TooLargeException.class);
    assertThatThrownBy(() -> data("data: \u00e9\u00e9\ndata: \u00e9\u00e9\u00e9\n\n", 10))
        .as("joined lines too").isInstanceOf(Limits.TooLargeException.class);
  }

  @Test
  void joinedDataLinesCountTheNewlineBetweenThem() throws IOException {
    assertThat(data("data: 0123\ndata: 01234\n\n", 10)).containsExactly("0123\n01234");
    assertThatThrownBy(() -> data("data: 0123\ndata: 012345\n\n", 10))
        .isInstanceOf(Limits.TooLargeException.class);
    assertThat(data("data: 01234\n\ndata: 0123456789\n\n", 10))
        .as("the count starts again with each event").containsExactly("01234", "0123456789");
  }

  @Test
  void aLineOfExactlyTheLimitStillWaitingForItsEndIsReadAndOneByteMoreIsRefused() throws IOException {
    // the line's end arrives in a later read: until then the parser holds the line, up to the limit
    assertThat(data(new SseParser(Okio.buffer(pieces("data:abcde", "\n\n")), 10))).containsExactly("abcde");
    assertThatThrownBy(() -> data(new SseParser(Okio.buffer(pieces("data: abcde", "\n\n")), 10)))
        .isInstanceOf(Limits.TooLargeException.class)
        .hasMessageContaining("a line of the event stream is longer than the client's maxResponseSize of 10 bytes");
  }

  @Test
  void dataLinesAsShortAsTheirPrefix() throws IOException {
    assertThat(data("data:\n\ndata: \n\ndata:x\n\ndata:  x\n\ndata\n\n", 100))
        .containsExactly("", "", "x", " x", "");
    assertThat(data("data:\r\ndata: \r\n\r\n", 100)).containsExactly("\n");
  }

  @Test
  void linesShorterThanTheDataPrefixAreOtherFields() throws IOException {
    assertThat(data("d\nda\ndat\ndata:a\n:\n\n", 100)).containsExactly("a");
  }

  @Test
  void aFirstLineOfOnlyTheByteOrderMarkIsABlankLine() throws IOException {
    assertThat(data("\ufeff\ndata: x\n\n", 100)).containsExactly("x");
    assertThat(data("\ufeffdata: y\n\n", 100)).containsExactly("y");
    assertThat(data("\ufeff\ufeffdata: z\n\ndata: w\n\n", 100))
        .as("only one mark is skipped: the second makes the field name unknown").containsExactly("w");
  }
}
