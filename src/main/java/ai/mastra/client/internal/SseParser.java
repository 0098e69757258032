package ai.mastra.client.internal;

import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * A thread-free pull parser of a {@code text/event-stream}, following the WHATWG "event stream
 * interpretation" (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * lines end with CRLF, LF or CR; {@code data:} lines are joined with {@code \n}; {@code event:}, {@code id:}
 * and {@code retry:} are kept; lines starting with {@code :} are comments; a blank line dispatches the event;
 * an event cut off by the end of the stream is discarded.
 *
 * <p>Bytes are decoded as UTF-8 one whole line at a time, so a character split across network reads is
 * never broken. {@link #next()} reads only as far as the end of the next event, so each event is returned as
 * soon as its bytes have arrived. Not thread-safe: one reader.
 */
public final class SseParser {
  private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");
  private static final byte LF = '\n';
  private static final byte CR = '\r';

  private final BufferedSource source;
  private final long maxEventSize;
  private final StringBuilder data = new StringBuilder();
  private String eventType = "";
  private String lastEventId = "";
  private long retryMillis = -1;
  private boolean firstLine = true;
  // The previous line ended with CR: an LF right after it is part of that line end. Checked lazily, when
  // the next line is wanted, so that a CR at the end of a network read does not hold back an event.
  private boolean skipLf;

  /**
   * Creates a parser reading from {@code source}, with no limit on an event's size; the caller closes the
   * source.
   *
   * @param source the bytes of the event stream
   */
  public SseParser(BufferedSource source) {
    this(source, Long.MAX_VALUE);
  }

  /**
   * Creates a parser reading from {@code source}; the caller closes the source.
   *
   * @param source the bytes of the event stream
   * @param maxEventSize the most bytes one line, and characters one event's data, may have; more fails the
   *     read with {@link Limits.TooLargeException} before it is buffered, so a server that never ends a line
   *     cannot fill the heap
   */
  public SseParser(BufferedSource source, long maxEventSize) {
    this.source = source;
    this.maxEventSize = maxEventSize;
  }

  /**
   * Reads up to the end of the next event and returns it.
   *
   * @return the event, or null at the end of the stream (an unfinished last event is discarded)
   * @throws IOException if reading fails
   * @throws Limits.TooLargeException if a line or an event is larger than the limit
   */
  public SseEvent next() throws IOException {
    while (true) {
      String line = readLine();
      if (line == null) {
        return null;
      }
      if (line.isEmpty()) {
        SseEvent event = dispatch();
        if (event != null) {
          return event;
        }
      } else {
        processLine(line);
      }
    }
  }

  /** Returns the last {@code retry:} value in milliseconds, or -1 if none. Kept only: there is no reconnect. */
  public long retryMillis() {
    return retryMillis;
  }

  private String readLine() throws IOException {
    if (skipLf) {
      if (!source.request(1)) {
        return null;
      }
      if (source.getBuffer().getByte(0) == LF) {
        source.skip(1);
      }
      skipLf = false;
    }
    long end = lineEnd();
    if (end == -1) {
      return null; // EOF inside a line: the spec discards it
    }
    String line = source.readUtf8(end);
    skipLf = source.readByte() == CR;
    if (firstLine) {
      firstLine = false;
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1); // one leading byte order mark is not part of the stream
      }
    }
    return line;
  }

  /** The index of the next CR or LF, reading no more than the size limit allows; -1 at the end of the stream. */
  private long lineEnd() throws IOException {
    Buffer buffer = source.getBuffer();
    long scanned = 0;
    while (true) {
      long end = buffer.indexOfElement(LINE_ENDS, scanned);
      if (end != -1) {
        return end;
      }
      scanned = buffer.size();
      if (scanned > maxEventSize) {
        throw new Limits.TooLargeException(
            "a line of the event stream is longer than the client's maxResponseSize of " + maxEventSize + " bytes");
      }
      if (!source.request(scanned + 1)) {
        return -1;
      }
    }
  }

  private void processLine(String line) throws Limits.TooLargeException {
    if (line.charAt(0) == ':') {
      return;
    }
    int colon = line.indexOf(':');
    String field;
    String value;
    if (colon == -1) {
      field = line;
      value = "";
    } else {
      field = line.substring(0, colon);
      int start = colon + 1;
      if (start < line.length() && line.charAt(start) == ' ') {
        start++;
      }
      value = line.substring(start);
    }
    switch (field) {
      case "event":
        eventType = value;
        break;
      case "data":
        if (data.length() + value.length() >= maxEventSize) {
          throw new Limits.TooLargeException(
              "an event of the stream is larger than the client's maxResponseSize of " + maxEventSize + " bytes");
        }
        data.append(value).append('\n');
        break;
      case "id":
        if (value.indexOf('\0') == -1) {
          lastEventId = value;
        }
        break;
      case "retry":
        if (!value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
          retryMillis = Long.parseLong(value);
        }
        break;
      default:
        break; // unknown fields are ignored
    }
  }

  private SseEvent dispatch() {
    if (data.length() == 0) {
      eventType = "";
      return null;
    }
    data.setLength(data.length() - 1); // the \n after the last data line
    SseEvent event = new SseEvent(eventType.isEmpty() ? "message" : eventType, data.toString(), lastEventId);
    data.setLength(0);
    eventType = "";
    return event;
  }
}
