package ai.mastra.client.internal;

import java.io.Reader;
import okio.Buffer;

/**
 * Decodes UTF-8 from an okio {@link Buffer} straight into the reader's {@code char[]}, through one small byte
 * array: a body is decoded once, with no {@code String} of the whole body (and the byte array it is made from)
 * in between.
 * Malformed input becomes U+FFFD as the JDK's decoder makes it: one for a stray byte, one for the valid start
 * of a character cut short, one for a surrogate in three bytes. Not thread-safe; consumes the buffer.
 */
final class Utf8Reader extends Reader {
  private static final char REPLACEMENT = '\uFFFD';

  private final Buffer source;
  private final byte[] bytes = new byte[2048];
  private int pos;
  private int limit;
  private char pendingLow; // the second char of a supplementary character, when the caller's array was full

  Utf8Reader(Buffer source) {
    this.source = source;
  }

  @Override
  public int read(char[] chars, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    int n = 0;
    if (pendingLow != 0) {
      chars[offset] = pendingLow;
      pendingLow = 0;
      n = 1;
    }
    while (n < length) {
      if (pos == limit) {
        fill();
        if (pos == limit) {
          break;
        }
      }
      // ASCII, nearly all of a JSON body: one bound check per run, not three per byte
      int run = Math.min(length - n, limit - pos);
      int i = 0;
      while (i < run && bytes[pos + i] >= 0) {
        chars[offset + n + i] = (char) bytes[pos + i];
        i++;
      }
      n += i;
      pos += i;
      if (n == length || pos == limit) {
        continue;
      }
      if (limit - pos < 4) {
        fill();
      }
      int b0 = bytes[pos] & 0xff;
      int size = b0 >= 0xc2 && b0 <= 0xdf ? 2 : b0 >= 0xe0 && b0 <= 0xef ? 3 : b0 >= 0xf0 && b0 <= 0xf4 ? 4 : 1;
      // how many bytes, from the lead on, form a valid start of a character (the JDK's rule: a bad sequence
      // is replaced by one U+FFFD for its longest valid start, or for its lead byte)
      int valid = size == 1 ? 0 : 1;
      if (valid == 1 && pos + 1 < limit) {
        int b1 = bytes[pos + 1] & 0xff;
        boolean second = (b1 & 0xc0) == 0x80
            && (b0 != 0xe0 || b1 >= 0xa0)
            && (b0 != 0xf0 || b1 >= 0x90)
            && (b0 != 0xf4 || b1 <= 0x8f);
        if (second) {
          valid = 2;
          while (valid < size && pos + valid < limit && (bytes[pos + valid] & 0xc0) == 0x80) {
            valid++;
          }
        }
      }
      if (valid < size) {
        chars[offset + n++] = REPLACEMENT; // a stray byte, or a character cut short: one for the whole start
        pos += Math.max(1, valid);
        continue;
      }
      int codePoint = size == 2 ? b0 & 0x1f : size == 3 ? b0 & 0x0f : b0 & 0x07;
      for (int k = 1; k < size; k++) {
        codePoint = (codePoint << 6) | (bytes[pos + k] & 0x3f);
      }
      if (size == 3 && codePoint >= 0xd800 && codePoint <= 0xdfff) {
        chars[offset + n++] = REPLACEMENT; // a surrogate written as UTF-8 (CESU): one for the three bytes
        pos += 3;
        continue;
      }
      pos += size;
      if (size < 4) {
        chars[offset + n++] = (char) codePoint;
      } else {
        chars[offset + n++] = Character.highSurrogate(codePoint);
        char low = Character.lowSurrogate(codePoint);
        if (n < length) {
          chars[offset + n++] = low;
        } else {
          pendingLow = low;
        }
      }
    }
    return n == 0 ? -1 : n;
  }

  /** Moves the unread bytes (at most 3, a character's start) to the front and reads more from the buffer. */
  private void fill() {
    System.arraycopy(bytes, pos, bytes, 0, limit - pos);
    limit -= pos;
    pos = 0;
    // a buffer read stops at the end of a segment: read on, so a character across two segments is whole
    int count = (int) Math.min(bytes.length - limit, source.size());
    while (count != 0) {
      int read = source.read(bytes, limit, count);
      limit += read;
      count -= read;
    }
  }

  @Override
  public void close() {
    source.clear();
  }
}
