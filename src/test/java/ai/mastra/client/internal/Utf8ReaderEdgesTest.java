package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** {@link Utf8Reader} at its edges: the NUL byte, the caller's array bounds, and its own 2 KiB array's end. */
class Utf8ReaderEdgesTest {

  @Test
  void theNulByteIsTheNulCharNotAReplacement() {
    Utf8Reader reader = new Utf8Reader(new Buffer().write(new byte[] {'a', 0, 'b', 0}));
    char[] chars = new char[8];

    assertThat(reader.read(chars, 0, 8)).isEqualTo(4);
    assertThat(new String(chars, 0, 4)).isEqualTo("a\u0000b\u0000");
  }

  @Test
  void aReadWritesOnlyTheRequestedRangeOfTheCallersArray() {
    Utf8Reader reader = new Utf8Reader(new Buffer().writeUtf8("abcdefgh\u00e9"));
    char[] chars = new char[10];
    Arrays.fill(chars, '#');

    assertThat(reader.read(chars, 2, 3)).isEqualTo(3);
    assertThat(new String(chars)).isEqualTo("##abc#####");
    assertThat(reader.read(chars, 0, 10)).isEqualTo(6);
    assertThat(new String(chars, 0, 6)).isEqualTo("defgh\u00e9");
    assertThat(reader.read(chars, 0, 10)).isEqualTo(-1);
  }

  @Test
  void charactersAtTheEndOfTheReadersArrayAndAfterItDecodeWhole() {
    // the reader takes 2,048 bytes at a time: put a 2-, 3- and 4-byte character so that it ends at byte 2,048,
    // straddles it, and starts there, with the rest of the body in a buffer of several segments
    for (String character : new String[] {"\u00e9", "\u20ac", "\ud83d\ude00"}) {
      int size = character.getBytes(StandardCharsets.UTF_8).length;
      for (int before : new int[] {2048 - size, 2048 - size + 1, 2047, 2048}) {
        String text = "x".repeat(before) + character + "y".repeat(10_000) + character;
        Utf8Reader reader = new Utf8Reader(new Buffer().writeUtf8(text));
        StringBuilder out = new StringBuilder();
        char[] chars = new char[4096];
        for (int n = reader.read(chars, 0, chars.length); n != -1; n = reader.read(chars, 0, chars.length)) {
          out.append(chars, 0, n);
        }
        assertThat(out.toString()).as("%d bytes before a %d-byte character", before, size).isEqualTo(text);
      }
    }
  }
}
