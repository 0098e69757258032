package ai.mastra.client.internal;

import java.nio.charset.StandardCharsets;

/**
 * One dispatched server-sent event: its type, its data and the last event id, as the WHATWG algorithm makes them.
 *
 * <p>The data is kept as the UTF-8 bytes that were read: a stream's JSON decoder reads them as they are, and
 * the text is made only when asked for.
 */
public final class SseEvent {
  private final String type;
  private final byte[] utf8;
  private final String lastEventId;
  // made from utf8 on first use; racy but idempotent (String is immutable, utf8 never changes)
  private String data;

  SseEvent(String type, byte[] utf8, String lastEventId) {
    this.type = type;
    this.utf8 = utf8;
    this.lastEventId = lastEventId;
  }

  /** Returns the {@code event:} field, or {@code message} when the event had none. */
  public String type() {
    return type;
  }

  /** Returns the {@code data:} lines joined with {@code \n}; malformed UTF-8 reads as U+FFFD. */
  public String data() {
    String text = data;
    if (text == null) {
      text = new String(utf8, StandardCharsets.UTF_8);
      data = text;
    }
    return text;
  }

  /**
   * Returns the bytes of {@link #data()} as the server sent them (they are the parser's, not a copy: not to be
   * changed).
   */
  public byte[] utf8() {
    return utf8;
  }

  /** Returns the last {@code id:} seen in the stream so far, or an empty string. */
  public String lastEventId() {
    return lastEventId;
  }

  /**
   * Returns whether the data, without leading and trailing bytes up to and including the space, is {@code
   * ascii} (the test {@code data().trim().equals(ascii)} makes, without the text).
   *
   * @param ascii the text to compare with, all of it ASCII
   */
  public boolean dataIs(String ascii) {
    int start = 0;
    int end = utf8.length;
    while (start < end && (utf8[start] & 0xff) <= ' ') {
      start++;
    }
    while (end > start && (utf8[end - 1] & 0xff) <= ' ') {
      end--;
    }
    if (end - start != ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (utf8[start + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "SseEvent{type=" + type + ", id=" + lastEventId + ", data=" + data() + "}";
  }
}
