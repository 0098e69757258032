package ai.mastra.client.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * <p>An event's data is kept as the bytes of its lines ({@link SseEvent#utf8()}), and other fields are
 * decoded as UTF-8 one whole line at a time, so a character split across network reads is never broken.
 * {@link #next()} reads only as far as the end of the next event, so each event is returned as
 * soon as its bytes have arrived. Not thread-safe: one reader.
 */
public final class SseParser {
  private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");
  private static final ByteString DATA = ByteString.encodeUtf8("data:");
  private static final ByteString EVENT = ByteString.encodeUtf8("event:");
  private static final ByteString BOM = ByteString.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
  private static final byte LF = '\n';
  private static final byte CR = '\r';

  private final BufferedSource source;
  private final long maxEventSize;
  // The event's data, as UTF-8 bytes: the one data line as it was read (the usual case: no copy), or, from a
  // second data line on, the lines joined in a buffer that lives for that event only (a large event's
  // capacity is not kept for the rest of the stream).
  private byte[] dataLine;
  private Buffer dataLines;
  private long dataLength;
  private String eventType = "";
  // the last event: line's value and its bytes: a stream names a few types over and over, and a line that
  // matches is not decoded again
  private ByteString lastTypeBytes = ByteString.EMPTY;
  private String lastType = "";
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
   * @param maxEventSize the most bytes one line, and one event's data, may have; more fails the
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
      if (!skipLineEnd()) {
        return null;
      }
      long end = lineEnd();
      if (end == -1) {
        return null; // EOF inside a line: the spec discards it
      }
      if (firstLine) {
        firstLine = false;
        // (a line shorter than the mark ends within its three bytes, so they do not match)
        if (source.getBuffer().rangeEquals(0, BOM)) {
          source.skip(3); // one leading byte order mark is not part of the stream
          end -= 3;
        }
      }
      if (end == 0) {
        consumeLineEnd();
        SseEvent event = dispatch();
        if (event != null) {
          return event;
        }
      } else if (source.getBuffer().rangeEquals(0, DATA)) { // a shorter line ends within these bytes
        // "data:" lines, nearly every byte of a stream: the value is decoded straight from the buffer, with
        // no String of the whole line and no substring of it
        long skip = valueStart(DATA);
        source.skip(skip);
        byte[] value = source.readByteArray(end - skip);
        consumeLineEnd();
        addData(value);
      } else if (source.getBuffer().rangeEquals(0, EVENT)) {
        long skip = valueStart(EVENT);
        if (end - skip == lastTypeBytes.size() && source.getBuffer().rangeEquals(skip, lastTypeBytes)) {
          source.skip(end);
        } else {
          source.skip(skip);
          lastTypeBytes = source.readByteString(end - skip);
          lastType = lastTypeBytes.utf8();
        }
        consumeLineEnd();
        eventType = lastType;
      } else {
        String line = source.readUtf8(end);
        consumeLineEnd();
        processLine(line);
      }
    }
  }

  /** Where the value of a line that starts with {@code field} (e.g. {@code data:}) starts: after one space. */
  private long valueStart(ByteString field) {
    long skip = field.size();
    if (source.getBuffer().getByte(skip) == ' ') { // at the line's end, this is its CR or LF
      skip++;
    }
    return skip;
  }

  /** Reads the CR, LF or CRLF at the start of the buffer (the end of the line just read). */
  private void consumeLineEnd() throws IOException {
    skipLf = source.readByte() == CR;
  }

  /** Returns the last {@code retry:} value in milliseconds, or -1 if none. Kept only: there is no reconnect. */
  public long retryMillis() {
    return retryMillis;
  }

  /** Skips the LF of a CRLF whose CR ended the previous line; false at the end of the stream. */
  private boolean skipLineEnd() throws IOException {
    if (skipLf) {
      if (!source.request(1)) {
        return false;
      }
      if (source.getBuffer().getByte(0) == LF) {
        source.skip(1);
      }
      skipLf = false;
    }
    return true;
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
    int nameEnd = colon == -1 ? line.length() : colon;
    String value;
    if (colon == -1) {
      value = "";
    } else {
      int start = colon + 1;
      if (start < line.length() && line.charAt(start) == ' ') {
        start++;
      }
      value = line.substring(start);
    }
    // compared, not switched on: a switch on a string hashes it, for every line
    if (isField(line, nameEnd, "event")) {
      eventType = value;
    } else if (isField(line, nameEnd, "data")) {
      addData(value.getBytes(StandardCharsets.UTF_8)); // only "data" with no colon: data: lines are read above
    } else if (isField(line, nameEnd, "id")) {
      if (value.indexOf('\0') == -1) {
        lastEventId = value;
      }
    } else if (isField(line, nameEnd, "retry")) {
      if (!value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
        retryMillis = Long.parseLong(value);
      }
    } // other fields are ignored
  }

  private static boolean isField(String line, int nameEnd, String field) {
    return nameEnd == field.length() && line.startsWith(field);
  }

  private void addData(byte[] value) throws Limits.TooLargeException {
    // the joined data's length: the values and a \n between each two
    long length = dataLine == null ? value.length : dataLength + 1 + value.length;
    if (length > maxEventSize) {
      throw new Limits.TooLargeException(
          "an event of the stream is larger than the client's maxResponseSize of " + maxEventSize + " bytes");
    }
    if (dataLine == null) {
      dataLine = value;
    } else {
      if (dataLines == null) {
        dataLines = new Buffer().write(dataLine);
      }
      dataLines.writeByte('\n').write(value);
    }
    dataLength = length;
  }

  private SseEvent dispatch() {
    if (dataLine == null) {
      eventType = "";
      return null;
    }
    byte[] data = dataLines == null ? dataLine : dataLines.readByteArray();
    SseEvent event = new SseEvent(eventType.isEmpty() ? "message" : eventType, data, lastEventId);
    dataLine = null;
    dataLines = null;
    dataLength = 0;
    eventType = "";
    return event;
  }
}
