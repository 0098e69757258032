package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The decoder that feeds answers to Gson without a String of the whole body. */
class Utf8ReaderTest {

  private static String decode(byte[] bytes, int chunk) {
    Utf8Reader reader = new Utf8Reader(new Buffer().write(bytes));
    StringBuilder out = new StringBuilder();
    char[] chars = new char[chunk];
    for (int n = reader.read(chars, 0, chunk); n != -1; n = reader.read(chars, 0, chunk)) {
      out.append(chars, 0, n);
    }
    return out.toString();
  }

  @Test
  void decodesValidTextAsTheJdkDoesWhateverTheReadSizes() {
    // 1-, 2-, 3- and 4-byte characters, repeated so that they straddle okio's 8 KiB segments and the
    // reader's 2 KiB array at every offset
    String unit = "a\u00e9\u20ac\ud83d\ude00{\"k\":\"v\"} ";
    String text = unit.repeat(3000);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int chunk : new int[] {1, 2, 3, 7, 1024, 100_000}) {
      assertThat(decode(bytes, chunk)).as("read %d chars at a time", chunk).isEqualTo(text);
    }
  }

  @Test
  void randomTextRoundTrips() {
    Random random = new Random(12);
    StringBuilder text = new StringBuilder();
    while (text.length() < 50_000) {
      int codePoint = random.nextInt(4) == 0 ? 0x10000 + random.nextInt(0x100000) : random.nextInt(0xd800);
      text.appendCodePoint(codePoint);
    }
    String expected = text.toString();
    assertThat(decode(expected.getBytes(StandardCharsets.UTF_8), 1000)).isEqualTo(expected);
  }

  @Test
  void malformedBytesBecomeReplacementCharactersAsTheJdkMakesThem() {
    byte[][] cases = {
      {'a', (byte) 0x80, 'b'}, // a stray continuation byte
      {'a', (byte) 0xe2, (byte) 0x82}, // cut off by the end
      {(byte) 0xe2, (byte) 0x82, 'x'}, // cut off by an ASCII byte
      {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}, // a 4-byte character cut off
      {(byte) 0xc0, (byte) 0x80}, // over-long
      {(byte) 0xe0, (byte) 0x80, (byte) 0x80}, // over-long
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // a surrogate
      {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
      {(byte) 0xff, 'a'},
    };
    for (byte[] bytes : cases) {
      assertThat(decode(bytes, 16)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  @Test
  void anEmptyBufferIsTheEnd() {
    assertThat(new Utf8Reader(new Buffer()).read(new char[4], 0, 4)).isEqualTo(-1);
  }
}
