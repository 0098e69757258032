package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

/** The SSE parser alone: WHATWG framing, line ends, fields, and reading no further than needed. */
class SseParserTest {

  /** Serves the given chunks one read at a time; reading past them fails, like a server that has not written more. */
  private static final class Chunks implements Source {
    private final Deque<byte[]> chunks;
    private final boolean endAfter;
    int reads;

    Chunks(boolean endAfter, List<byte[]> chunks) {
      this.chunks = new ArrayDeque<>(chunks);
      this.endAfter = endAfter;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      if (chunks.isEmpty()) {
        if (endAfter) {
          return -1;
        }
        throw new IOException("read past the bytes the server has written");
      }
      reads++;
      byte[] chunk = chunks.removeFirst();
      sink.write(chunk);
      return chunk.length;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }

  private static SseParser parser(String text) {
    return new SseParser(new Buffer().writeUtf8(text));
  }

  private static List<SseEvent> all(SseParser parser) throws IOException {
    List<SseEvent> events = new ArrayList<>();
    for (SseEvent event = parser.next(); event != null; event = parser.next()) {
      events.add(event);
    }
    return events;
  }

  private static List<String> describe(List<SseEvent> events) {
    List<String> out = new ArrayList<>();
    for (SseEvent event : events) {
      out.add(event.type() + "|" + event.data() + "|" + event.lastEventId());
    }
    return out;
  }

  @Test
  void readsMastraFramingEventAndData() throws IOException {
    List<SseEvent> events =
        all(parser("event: response.created\ndata: {\"a\":1}\n\nevent: response.completed\ndata: {\"b\":2}\n\n"));

    assertThat(describe(events))
        .containsExactly("response.created|{\"a\":1}|", "response.completed|{\"b\":2}|");
  }

  @Test
  void lineEndsMayBeCrlfCrOrLfAndMixed() throws IOException {
    String lf = "event: x\ndata: 1\n\n";
    String crlf = "event: x\r\ndata: 1\r\n\r\n";
    String cr = "event: x\rdata: 1\r\r";
    String mixed = "event: x\r\ndata: 1\n\r";

    assertThat(describe(all(parser(lf + crlf + cr + mixed))))
        .containsExactly("x|1|", "x|1|", "x|1|", "x|1|");
  }

  @Test
  void dataIsKeptAsTheBytesSentAndMadeIntoTextOnlyWhenAsked() throws IOException {
    Buffer stream = new Buffer().writeUtf8("data: caf\u00e9 \u2603\n\n")
        .writeUtf8("data: a").writeByte(0xff).writeUtf8("b\n\n") // not UTF-8
        .writeUtf8("data: x\ndata: \u00e9\n\n");
    List<SseEvent> events = all(new SseParser(stream));
    assertThat(events.get(0).utf8()).isEqualTo("caf\u00e9 \u2603".getBytes(StandardCharsets.UTF_8));
    assertThat(events.get(0).data()).isEqualTo("caf\u00e9 \u2603").isSameAs(events.get(0).data());
    assertThat(events.get(1).utf8()).containsExactly('a', 0xff, 'b');
    assertThat(events.get(1).data()).as("as a UTF-8 decoder reads it").isEqualTo("a\ufffdb");
    assertThat(events.get(2).utf8()).isEqualTo("x\n\u00e9".getBytes(StandardCharsets.UTF_8));
    assertThat(events.get(2).data()).isEqualTo("x\n\u00e9");
  }

  @Test
  void dataIsComparesTheTrimmedData() throws IOException {
    List<SseEvent> events = all(parser(
        "data: [DONE]\n\ndata:[DONE]\t \n\ndata:  [DONE]\ndata:\n\ndata: [DONE]x\n\ndata: [DONE\n\n"
            + "data: \u00e9[DONE]\n\ndata:\n\ndata:  \t\ndata:\n\ndata: [DONX]\n\ndata: x[DONE\n\n"));
    List<Boolean> done = new ArrayList<>();
    List<Boolean> blank = new ArrayList<>();
    for (SseEvent event : events) {
      done.add(event.dataIs("[DONE]"));
      blank.add(event.dataIs(""));
      assertThat(event.dataIs("[DONE]")).as(event.data()).isEqualTo(event.data().trim().equals("[DONE]"));
      assertThat(event.dataIs("")).as(event.data()).isEqualTo(event.data().trim().isEmpty());
    }
    assertThat(done).containsExactly(true, true, true, false, false, false, false, false, false, false);
    assertThat(blank).containsExactly(false, false, false, false, false, false, true, true, false, false);
  }

  @Test
  void eachEventGetsItsOwnTypeWhenTypesRepeatDifferOrShareAPrefix() throws IOException {
    // the parser reuses the last type's text when the bytes match: every other kind of line must still win
    String stream = "event: ab\ndata: 1\n\nevent: ab\ndata: 2\n\nevent: abc\ndata: 3\n\nevent:ab\ndata: 4\n\n"
        + "event: ba\ndata: 5\n\nevent: \ndata: 6\n\nevent: ab\ndata: 7\n\nevent\ndata: 8\n\n"
        + "event:  ab\ndata: 9\n\nevent: \u00e9\u00e9\ndata: 10\n\nevent: \u00e9\u00e9\ndata: 11\n\ndata: 12\n\n"
        + "event: a\nevent: ab\ndata: 13\n\n";
    List<String> types = new ArrayList<>();
    for (SseEvent event : all(parser(stream))) {
      types.add(event.type() + "=" + event.data());
    }
    assertThat(types).containsExactly("ab=1", "ab=2", "abc=3", "ab=4", "ba=5", "message=6", "ab=7", "message=8",
        " ab=9", "\u00e9\u00e9=10", "\u00e9\u00e9=11", "message=12", "ab=13");
  }

  @Test
  void multipleDataLinesAreJoinedWithNewline() throws IOException {
    assertThat(all(parser("data: first\ndata:second\ndata:  third\ndata\n\n")).get(0).data())
        .isEqualTo("first\nsecond\n third\n");
  }

  @Test
  void commentsAndUnknownFieldsAreIgnored() throws IOException {
    List<SseEvent> events =
        all(parser(": keep-alive\n:\nfoo: bar\nevent: ping\n: between\ndata: {}\n\n: trailing\n\n"));

    assertThat(describe(events)).containsExactly("ping|{}|");
  }

  @Test
  void anEventWithoutDataIsNotDispatchedAndItsTypeDoesNotLeak() throws IOException {
    List<SseEvent> events = all(parser("event: lonely\n\ndata: x\n\n"));

    assertThat(describe(events)).containsExactly("message|x|");
  }

  @Test
  void emptyDataFieldStillDispatchesAnEmptyEvent() throws IOException {
    assertThat(describe(all(parser("data:\n\n")))).containsExactly("message||");
  }

  @Test
  void idPersistsAcrossEventsAndRetryIsParsedWhenDigits() throws IOException {
    SseParser parser = parser("id: 7\nretry: 1500\ndata: a\n\ndata: b\n\nid\nretry: 10x\ndata: c\n\nid: a\0b\ndata: d\n\n");

    assertThat(describe(all(parser))).containsExactly("message|a|7", "message|b|7", "message|c|", "message|d|");
    assertThat(parser.retryMillis()).isEqualTo(1500);
  }

  @Test
  void anEventShowsItsFieldsInToString() throws IOException {
    assertThat(parser("id: 3\nevent: x\ndata: d\n\n").next().toString()).isEqualTo("SseEvent{type=x, id=3, data=d}");
    assertThat(new RawJson("{\"a\":1}").toString()).isEqualTo("{\"a\":1}");
  }

  @Test
  void retryTakesOnlyOneToEighteenDigitsZeroToNine() throws IOException {
    assertThat(retryAfter("retry: 0\n")).isEqualTo(0);
    assertThat(retryAfter("retry: 9\n")).isEqualTo(9);
    assertThat(retryAfter("retry: 1090\n")).isEqualTo(1090);
    assertThat(retryAfter("retry: 999999999999999999\n")).as("18 digits").isEqualTo(999_999_999_999_999_999L);
    // ignored: 19 digits (may not fit a long), a sign, '/' and ':' (the characters either side of 0-9), empty
    assertThat(retryAfter("retry: 1000000000000000000\n")).isEqualTo(-7);
    assertThat(retryAfter("retry: -5\n")).isEqualTo(-7);
    assertThat(retryAfter("retry: 1/\n")).isEqualTo(-7);
    assertThat(retryAfter("retry: 1:\n")).isEqualTo(-7);
    assertThat(retryAfter("retry:\n")).isEqualTo(-7);
  }

  /** The retry value after a stream with {@code line}, or -7 when the line left it unchanged (ignored). */
  private static long retryAfter(String line) throws IOException {
    SseParser parser = parser(line + "data: x\n\n");
    long before = parser.retryMillis();
    all(parser);
    return parser.retryMillis() == before ? -7 : parser.retryMillis();
  }

  @Test
  void anEventCutOffByTheEndOfTheStreamIsDiscarded() throws IOException {
    assertThat(describe(all(parser("data: whole\n\ndata: cut off\n")))).containsExactly("message|whole|");
    assertThat(all(parser("data: no line end"))).isEmpty();
  }

  @Test
  void aLeadingByteOrderMarkIsSkipped() throws IOException {
    Buffer bytes = new Buffer().write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).writeUtf8("data: x\n\n");

    assertThat(describe(all(new SseParser(bytes)))).containsExactly("message|x|");
  }

  @Test
  void oneEventSplitIntoOneByteReadsIsReassembled() throws IOException {
    byte[] bytes = "event: response.output_text.delta\r\ndata: {\"delta\":\"Hi\"}\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    List<byte[]> chunks = new ArrayList<>();
    for (byte b : bytes) {
      chunks.add(new byte[] {b});
    }
    Chunks source = new Chunks(true, chunks);

    List<SseEvent> events = all(new SseParser(Okio.buffer(source)));

    assertThat(describe(events)).containsExactly("response.output_text.delta|{\"delta\":\"Hi\"}|");
    assertThat(source.reads).isEqualTo(bytes.length);
  }

  @Test
  void aFourByteCharacterSplitAcrossReadsIsDecodedWhole() throws IOException {
    byte[] emoji = "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8); // U+1F600, 4 bytes
    assertThat(emoji).hasSize(4);
    List<byte[]> chunks = new ArrayList<>();
    chunks.add("data: {\"delta\":\"a".getBytes(StandardCharsets.UTF_8));
    chunks.add(Arrays.copyOfRange(emoji, 0, 1));
    chunks.add(Arrays.copyOfRange(emoji, 1, 3));
    chunks.add(Arrays.copyOfRange(emoji, 3, 4));
    chunks.add("b\"}\n\n".getBytes(StandardCharsets.UTF_8));

    SseEvent event = new SseParser(Okio.buffer(new Chunks(true, chunks))).next();

    assertThat(event.data()).isEqualTo("{\"delta\":\"a\uD83D\uDE00b\"}");
  }

  @Test
  void anEventIsReturnedWithoutReadingFurtherBytes() throws IOException {
    // The source fails if asked for more than the first event: next() must not wait for the next one.
    List<byte[]> chunks = new ArrayList<>();
    chunks.add("data: first\n".getBytes(StandardCharsets.UTF_8));
    chunks.add("\n".getBytes(StandardCharsets.UTF_8));
    SseParser parser = new SseParser(Okio.buffer(new Chunks(false, chunks)));

    assertThat(parser.next().data()).isEqualTo("first");
    assertThatThrownBy(parser::next).isInstanceOf(IOException.class).hasMessageContaining("read past");
  }

  @Test
  void aCrAtTheEndOfAReadDispatchesWithoutWaitingForAPossibleLf() throws IOException {
    List<byte[]> chunks = new ArrayList<>();
    chunks.add("data: first\r\r".getBytes(StandardCharsets.UTF_8));
    chunks.add("\ndata: second\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    Chunks source = new Chunks(true, chunks);
    SseParser parser = new SseParser(Okio.buffer(source));

    assertThat(parser.next().data()).isEqualTo("first");
    assertThat(source.reads).isEqualTo(1);
    // The LF that completes the CRLF is skipped, not read as a blank line.
    assertThat(describe(all(parser))).containsExactly("message|second|");
  }

  @Test
  void doneIsDeliveredAsDataForTheCallerToRecognize() throws IOException {
    assertThat(describe(all(parser("data: {\"x\":1}\n\ndata: [DONE]\n\n"))))
        .containsExactly("message|{\"x\":1}|", "message|[DONE]|");
  }

  @Test
  void emptyStreamHasNoEvents() throws IOException {
    BufferedSource empty = new Buffer();
    assertThat(new SseParser(empty).next()).isNull();
  }
}
