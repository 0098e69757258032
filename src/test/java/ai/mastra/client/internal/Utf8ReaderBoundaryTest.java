package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Reader} at the end of its input right after its 2 KiB array was refilled: a character cut short
 * there must not be completed with bytes left in the array by the earlier fill. Each case also agrees with the
 * JDK's decoder.
 */
class Utf8ReaderBoundaryTest {

  private static String readAll(byte[] bytes) {
    Utf8Reader reader = new Utf8Reader(new Buffer().write(bytes));
    StringBuilder text = new StringBuilder();
    char[] chars = new char[4096];
    for (int n = reader.read(chars, 0, chars.length); n != -1; n = reader.read(chars, 0, chars.length)) {
      text.append(chars, 0, n);
    }
    return text.toString();
  }

  private static byte[] concat(String text, int... tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    for (int b : tail) {
      out.write(b);
    }
    return out.toByteArray();
  }

  @Test
  void aLoneLeadByteAfterAFullArrayIsOneReplacement() {
    // 1,024 é fill the array exactly; the lead byte C3 alone follows, with A9 left behind it in the array
    byte[] bytes = concat("\u00e9".repeat(1024), 0xc3);

    String text = readAll(bytes);

    assertThat(text).isEqualTo("\u00e9".repeat(1024) + "\ufffd");
    assertThat(text).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
  }

  @Test
  void aThreeByteCharacterCutShortAfterAFullArrayIsOneReplacement() {
    // 682 euro signs and "ab" fill the array; E2 82 follows, with the euro's last byte AC left behind it
    byte[] bytes = concat("\u20ac".repeat(682) + "ab", 0xe2, 0x82);

    String text = readAll(bytes);

    assertThat(text).isEqualTo("\u20ac".repeat(682) + "ab\ufffd");
    assertThat(text).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
  }

  @Test
  void theLastSurrogateWrittenAsUtf8IsOneReplacement() {
    byte[] bytes = {(byte) 0xed, (byte) 0xbf, (byte) 0xbf};

    assertThat(readAll(bytes)).isEqualTo("\ufffd").isEqualTo(new String(bytes, StandardCharsets.UTF_8));
  }
}
