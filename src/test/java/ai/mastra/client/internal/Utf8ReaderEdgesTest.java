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

  @Test
  void theFirstAndLastCodePointOfEachLengthAndAroundTheSurrogates() {
    String text = "\u007f\u0080\u07ff\u0800\ud7ff\ue000\uffff\ud800\udc00\udbff\udfff";
    Utf8Reader reader = new Utf8Reader(new Buffer().writeUtf8(text));
    char[] chars = new char[32];

    assertThat(reader.read(chars, 0, 32)).isEqualTo(text.length());
    assertThat(new String(chars, 0, text.length())).isEqualTo(text);
  }

  @Test
  void leadBytesJustOutsideTheValidRangesAreReplaced() {
    byte[] bytes = {(byte) 0xc1, (byte) 0xbf, (byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80, 'a'};
    Utf8Reader reader = new Utf8Reader(new Buffer().write(bytes));
    char[] chars = new char[16];

    int n = reader.read(chars, 0, 16);
    assertThat(new String(chars, 0, n)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
  }

  @Test
  void replacementsAndAPendingLowSurrogateLandAtTheCallersOffset() {
    // a CESU surrogate (three bytes, one U+FFFD) after an ASCII byte, read into the middle of the array
    byte[] bytes = {'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80, 'b'};
    Utf8Reader reader = new Utf8Reader(new Buffer().write(bytes));
    char[] chars = new char[8];
    Arrays.fill(chars, '#');

    assertThat(reader.read(chars, 3, 5)).isEqualTo(3);
    assertThat(new String(chars)).isEqualTo("###a\ufffdb##");

    // a 4-byte character read into room for one char: its low half comes first in the next read, at its offset
    Utf8Reader split = new Utf8Reader(new Buffer().writeUtf8("\ud83d\ude00z"));
    char[] one = new char[6];
    Arrays.fill(one, '#');
    assertThat(split.read(one, 1, 1)).isEqualTo(1);
    assertThat(split.read(one, 4, 2)).isEqualTo(2);
    assertThat(new String(one)).isEqualTo("#\ud83d##\ude00z");
  }
}
