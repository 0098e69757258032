package ai.mastra.client.internal;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Gson {@link JsonReader} over a whole UTF-8 body in memory, for the answers {@link
 * StrictGsonConverterFactory} decodes. Gson's own reader works on chars: the body is decoded to a String, copied
 * into its 1 KiB char buffer piece by piece and scanned char by char, and every string it returns is made from
 * chars again; that scanning was about 80% of decoding a 100-item page. This one scans the bytes and makes each
 * string straight from them (the JDK copies an ASCII run as it is), in about a third of the time.
 *
 * <p>Every adapter sees the same reader: the same tokens, values, paths ({@link #getPath()}), nesting limit
 * and error messages as Gson's at {@link Strictness#LEGACY_STRICT} (the strictness {@code Gson.newJsonReader}
 * gives) and {@link Strictness#STRICT}; {@code Utf8JsonReaderTest} holds the two readers to that over the
 * recorded answers and malformed variants of them. The differences: columns in error messages count bytes, not
 * chars (they differ after a non-ASCII character on the same line); a number literal is not limited to 1024
 * chars; lenient syntax (comments, unquoted or single-quoted strings, {@code ;} separators and the like) is an
 * error even at {@link Strictness#LENIENT}, which this SDK never sets. Gson reads a map's keys through its
 * internal access to its own reader's state, which this reader does not have: {@link Json#GSON} reads maps with
 * {@link StringMapAdapterFactory} instead.
 */
public final class Utf8JsonReader extends JsonReader {
  private static final Reader NO_INPUT =
      new Reader() {
        @Override
        public int read(char[] chars, int offset, int length) {
          return -1;
        }

        @Override
        public void close() {}
      };

  private static final String LENIENT_HINT =
      "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON";
  private static final String GUIDE = "https://github.com/google/gson/blob/main/Troubleshooting.md#";
  private static final long MIN_INCOMPLETE_INTEGER = Long.MIN_VALUE / 10;
  private static final int LONGEST_NUMBER = 1024; // Gson's buffer: a longer literal is not read as a number

  // what the next token is, once peeked (as in Gson's reader)
  private static final int PEEKED_NONE = 0;
  private static final int PEEKED_BEGIN_OBJECT = 1;
  private static final int PEEKED_END_OBJECT = 2;
  private static final int PEEKED_BEGIN_ARRAY = 3;
  private static final int PEEKED_END_ARRAY = 4;
  private static final int PEEKED_TRUE = 5;
  private static final int PEEKED_FALSE = 6;
  private static final int PEEKED_NULL = 7;
  private static final int PEEKED_DOUBLE_QUOTED = 9;
  private static final int PEEKED_BUFFERED = 11; // the value is in peekedString
  private static final int PEEKED_DOUBLE_QUOTED_NAME = 13;
  private static final int PEEKED_LONG = 15; // the value is in peekedLong
  private static final int PEEKED_NUMBER = 16; // peekedNumberLength bytes at pos
  private static final int PEEKED_EOF = 17;

  // the scopes of the nesting stack
  private static final int EMPTY_ARRAY = 1;
  private static final int NONEMPTY_ARRAY = 2;
  private static final int EMPTY_OBJECT = 3;
  private static final int DANGLING_NAME = 4;
  private static final int NONEMPTY_OBJECT = 5;
  private static final int EMPTY_DOCUMENT = 6;
  private static final int NONEMPTY_DOCUMENT = 7;
  private static final int CLOSED = 8;

  // number literal states
  private static final int NUMBER_CHAR_NONE = 0;
  private static final int NUMBER_CHAR_SIGN = 1;
  private static final int NUMBER_CHAR_DIGIT = 2;
  private static final int NUMBER_CHAR_DECIMAL = 3;
  private static final int NUMBER_CHAR_FRACTION_DIGIT = 4;
  private static final int NUMBER_CHAR_EXP_E = 5;
  private static final int NUMBER_CHAR_EXP_SIGN = 6;
  private static final int NUMBER_CHAR_EXP_DIGIT = 7;

  /** The bytes a string runs over without a second look: all but the quote, the backslash and controls. */
  private static final boolean[] ORDINARY = new boolean[256];

  static {
    Arrays.fill(ORDINARY, true);
    Arrays.fill(ORDINARY, 0, 0x20, false);
    ORDINARY['"'] = false;
    ORDINARY['\\'] = false;
  }

  /** The longest string {@link #shared} looks up: names and kinds; texts and most ids are longer. */
  private static final int SHARED_LENGTH = 20;

  /**
   * Each thread's table of shared strings: one table for all threads was slower at 16 callers than none (every
   * miss a write to lines the other core reads). A reader used by another thread later (a stream's) keeps its
   * first thread's table: both may then write it, harmlessly (its entries never change).
   */
  private static final ThreadLocal<Shared[]> SHARED = ThreadLocal.withInitial(() -> new Shared[512]);

  private final Shared[] shared = SHARED.get();

  private byte[] bytes;
  private int offset;
  private int limit;
  private int pos;
  private int lineNumber;
  private int lineStart;

  private int peeked = PEEKED_NONE;
  private long peekedLong;
  private int peekedNumberLength;
  private String peekedString;

  private int[] stack = new int[8]; // grown by push: an answer nests 5 deep, an event 3
  private int stackSize;
  private String[] pathNames = new String[8];
  private int[] pathIndices = new int[8];

  /**
   * Reads {@code length} bytes of {@code bytes} from {@code offset} (not copied: they must not change while
   * read), after a UTF-8 byte order mark if they start with one. Malformed UTF-8 in a string becomes U+FFFD, as
   * in {@code new String(bytes, UTF_8)}.
   *
   * @param bytes the UTF-8 text of one JSON document
   * @param offset where the text starts
   * @param length how many bytes it has
   */
  public Utf8JsonReader(byte[] bytes, int offset, int length) {
    super(NO_INPUT);
    reset(bytes, offset, length);
  }

  /**
   * Starts over on another document, as a new reader would (strictness and nesting limit stay as set): a stream
   * reads each of its events with one reader, where a new one would allocate Gson's 2 KiB char buffer, which
   * this reader never uses, per event.
   *
   * @param bytes the UTF-8 text of one JSON document
   * @param offset where the text starts
   * @param length how many bytes it has
   */
  public void reset(byte[] bytes, int offset, int length) {
    if (offset < 0 || length < 0 || offset > bytes.length - length) {
      throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", of " + bytes.length);
    }
    this.bytes = bytes;
    this.offset = offset;
    this.limit = offset + length;
    int start = offset;
    if (length >= 3 && bytes[start] == (byte) 0xEF && bytes[start + 1] == (byte) 0xBB && bytes[start + 2] == (byte) 0xBF) {
      start += 3;
    }
    this.pos = start;
    this.lineStart = start;
    this.lineNumber = 0;
    this.peeked = PEEKED_NONE;
    this.peekedString = null;
    Arrays.fill(pathNames, 0, stackSize, null);
    this.stackSize = 0;
    stack[stackSize++] = EMPTY_DOCUMENT;
    pathIndices[0] = 0;
  }

  @Override
  public void beginArray() throws IOException {
    int p = peeked == PEEKED_NONE ? doPeek() : peeked;
    if (p != PEEKED_BEGIN_ARRAY) {
      throw unexpectedTokenError("BEGIN_ARRAY");
    }
    push(EMPTY_ARRAY);
    pathIndices[stackSize - 1] = 0;
    peeked = PEEKED_NONE;
  }

  @Override
  public void endArray() throws IOException {
    int p = peeked == PEEKED_NONE ? doPeek() : peeked;
    if (p != PEEKED_END_ARRAY) {
      throw unexpectedTokenError("END_ARRAY");
    }
    stackSize--;
    pathIndices[stackSize - 1]++;
    peeked = PEEKED_NONE;
  }

  @Override
  public void beginObject() throws IOException {
    int p = peeked == PEEKED_NONE ? doPeek() : peeked;
    if (p != PEEKED_BEGIN_OBJECT) {
      throw unexpectedTokenError("BEGIN_OBJECT");
    }
    push(EMPTY_OBJECT);
    peeked = PEEKED_NONE;
  }

  @Override
  public void endObject() throws IOException {
    int p = peeked == PEEKED_NONE ? doPeek() : peeked;
    if (p != PEEKED_END_OBJECT) {
      throw unexpectedTokenError("END_OBJECT");
    }
    stackSize--;
    pathNames[stackSize] = null;
    pathIndices[stackSize - 1]++;
    peeked = PEEKED_NONE;
  }

  @Override
  public boolean hasNext() throws IOException {
    int p = peeked == PEEKED_NONE ? doPeek() : peeked;
    return p != PEEKED_END_OBJECT && p != PEEKED_END_ARRAY && p != PEEKED_EOF;
  }

  @Override
  public JsonToken peek() throws IOException {
    int p = peeked == PEEKED_NONE ? doPeek() : peeked;
    switch (p) {
      case PEEKED_BEGIN_OBJECT:
        return JsonToken.BEGIN_OBJECT;
      case PEEKED_END_OBJECT:
        return JsonToken.END_OBJECT;
      case PEEKED_BEGIN_ARRAY:
        return JsonToken.BEGIN_ARRAY;
      case PEEKED_END_ARRAY:
        return JsonToken.END_ARRAY;
      case PEEKED_DOUBLE_QUOTED_NAME:
        return JsonToken.NAME;
      case PEEKED_TRUE:
      case PEEKED_FALSE:
        return JsonToken.BOOLEAN;
      case PEEKED_NULL:
        return JsonToken.NULL;
      case PEEKED_DOUBLE_QUOTED:
      case PEEKED_BUFFERED:
        return JsonToken.STRING;
      case PEEKED_LONG:
      case PEEKED_NUMBER:
        return JsonToken.NUMBER;
      case PEEKED_EOF:
        return JsonToken.END_DOCUMENT;
      default:
        throw new AssertionError(p);
    }
  }

  private int doPeek() throws IOException {
    int peekStack = stack[stackSize - 1];
    if (peekStack == EMPTY_ARRAY) {
      stack[stackSize - 1] = NONEMPTY_ARRAY;
    } else if (peekStack == NONEMPTY_ARRAY) {
      int c = nextNonWhitespace(true);
      if (c == ']') {
        return peeked = PEEKED_END_ARRAY;
      } else if (c == ';') {
        throw syntaxError(LENIENT_HINT);
      } else if (c != ',') {
        throw syntaxError("Unterminated array");
      }
    } else if (peekStack == EMPTY_OBJECT || peekStack == NONEMPTY_OBJECT) {
      stack[stackSize - 1] = DANGLING_NAME;
      if (peekStack == NONEMPTY_OBJECT) {
        int c = nextNonWhitespace(true);
        if (c == '}') {
          return peeked = PEEKED_END_OBJECT;
        } else if (c == ';') {
          throw syntaxError(LENIENT_HINT);
        } else if (c != ',') {
          throw syntaxError("Unterminated object");
        }
      }
      int c = nextNonWhitespace(true);
      if (c == '"') {
        return peeked = PEEKED_DOUBLE_QUOTED_NAME;
      } else if (c == '}' && peekStack != NONEMPTY_OBJECT) {
        return peeked = PEEKED_END_OBJECT;
      } else if (c == '}') {
        throw syntaxError("Expected name");
      }
      throw syntaxError(LENIENT_HINT); // a single-quoted or unquoted name
    } else if (peekStack == DANGLING_NAME) {
      stack[stackSize - 1] = NONEMPTY_OBJECT;
      int c = nextNonWhitespace(true);
      if (c == '=') {
        throw syntaxError(LENIENT_HINT);
      } else if (c != ':') {
        throw syntaxError("Expected ':'");
      }
    } else if (peekStack == EMPTY_DOCUMENT) {
      stack[stackSize - 1] = NONEMPTY_DOCUMENT;
    } else if (peekStack == NONEMPTY_DOCUMENT) {
      if (nextNonWhitespace(false) == -1) {
        return peeked = PEEKED_EOF;
      }
      throw syntaxError(LENIENT_HINT); // a second top-level value
    } else if (peekStack == CLOSED) {
      throw new IllegalStateException("JsonReader is closed");
    }

    int c = nextNonWhitespace(true);
    switch (c) {
      case ']':
        if (peekStack == EMPTY_ARRAY) {
          return peeked = PEEKED_END_ARRAY;
        }
        // fall through: ",]" is an empty value
      case ';':
      case ',':
        if (peekStack == EMPTY_ARRAY || peekStack == NONEMPTY_ARRAY) {
          throw syntaxError(LENIENT_HINT);
        }
        throw syntaxError("Unexpected value");
      case '\'':
        throw syntaxError(LENIENT_HINT);
      case '"':
        return peeked = PEEKED_DOUBLE_QUOTED;
      case '[':
        return peeked = PEEKED_BEGIN_ARRAY;
      case '{':
        return peeked = PEEKED_BEGIN_OBJECT;
      default:
        pos--; // the first character of a literal
    }
    int result = peekKeyword();
    if (result != PEEKED_NONE) {
      return result;
    }
    result = peekNumber();
    if (result != PEEKED_NONE) {
      return result;
    }
    if (!isLiteral(bytes[pos])) {
      throw syntaxError("Expected value");
    }
    throw syntaxError(LENIENT_HINT); // an unquoted string
  }

  private int peekKeyword() throws IOException {
    byte c = bytes[pos];
    String keyword;
    int peeking;
    if (c == 't' || c == 'T') {
      keyword = "true";
      peeking = PEEKED_TRUE;
    } else if (c == 'f' || c == 'F') {
      keyword = "false";
      peeking = PEEKED_FALSE;
    } else if (c == 'n' || c == 'N') {
      keyword = "null";
      peeking = PEEKED_NULL;
    } else {
      return PEEKED_NONE;
    }
    boolean upperCaseToo = getStrictness() != Strictness.STRICT;
    int length = keyword.length();
    for (int i = 0; i < length; i++) {
      if (pos + i >= limit) {
        return PEEKED_NONE;
      }
      int b = bytes[pos + i];
      char lower = keyword.charAt(i);
      if (b != lower && !(upperCaseToo && b == lower - ('a' - 'A'))) {
        return PEEKED_NONE;
      }
    }
    if (pos + length < limit && isLiteral(bytes[pos + length])) {
      return PEEKED_NONE; // trues, falsey, nullsoft
    }
    pos += length;
    return peeked = peeking;
  }

  private int peekNumber() throws IOException {
    byte[] buffer = this.bytes;
    int p = pos;
    int l = limit;
    long value = 0; // negative, to hold Long.MIN_VALUE
    boolean negative = false;
    boolean fitsInLong = true;
    int last = NUMBER_CHAR_NONE;
    int i = 0;
    charactersOfNumber:
    for (; p + i < l; i++) {
      if (i == LONGEST_NUMBER) {
        return PEEKED_NONE;
      }
      byte c = buffer[p + i];
      switch (c) {
        case '-':
          if (last == NUMBER_CHAR_NONE) {
            negative = true;
            last = NUMBER_CHAR_SIGN;
            continue;
          } else if (last == NUMBER_CHAR_EXP_E) {
            last = NUMBER_CHAR_EXP_SIGN;
            continue;
          }
          return PEEKED_NONE;
        case '+':
          if (last == NUMBER_CHAR_EXP_E) {
            last = NUMBER_CHAR_EXP_SIGN;
            continue;
          }
          return PEEKED_NONE;
        case 'e':
        case 'E':
          if (last == NUMBER_CHAR_DIGIT || last == NUMBER_CHAR_FRACTION_DIGIT) {
            last = NUMBER_CHAR_EXP_E;
            continue;
          }
          return PEEKED_NONE;
        case '.':
          if (last == NUMBER_CHAR_DIGIT) {
            last = NUMBER_CHAR_DECIMAL;
            continue;
          }
          return PEEKED_NONE;
        default:
          if (c < '0' || c > '9') {
            if (!isLiteral(c)) {
              break charactersOfNumber;
            }
            return PEEKED_NONE;
          }
          if (last == NUMBER_CHAR_SIGN || last == NUMBER_CHAR_NONE) {
            value = -(c - '0');
            last = NUMBER_CHAR_DIGIT;
          } else if (last == NUMBER_CHAR_DIGIT) {
            if (fitsInLong && value == 0) {
              return PEEKED_NONE; // a leading 0
            }
            long newValue = value * 10 - (c - '0');
            fitsInLong &= value > MIN_INCOMPLETE_INTEGER || (value == MIN_INCOMPLETE_INTEGER && newValue < value);
            value = newValue;
          } else if (last == NUMBER_CHAR_DECIMAL) {
            last = NUMBER_CHAR_FRACTION_DIGIT;
          } else if (last == NUMBER_CHAR_EXP_E || last == NUMBER_CHAR_EXP_SIGN) {
            last = NUMBER_CHAR_EXP_DIGIT;
          }
      }
    }
    // -0 stays a double; Long.MIN_VALUE cannot be made positive
    if (last == NUMBER_CHAR_DIGIT && fitsInLong && (value != Long.MIN_VALUE || negative) && (value != 0 || !negative)) {
      peekedLong = negative ? value : -value;
      pos += i;
      return peeked = PEEKED_LONG;
    } else if (last == NUMBER_CHAR_DIGIT || last == NUMBER_CHAR_FRACTION_DIGIT || last == NUMBER_CHAR_EXP_DIGIT) {
      peekedNumberLength = i;
      return peeked = PEEKED_NUMBER;
    }
    return PEEKED_NONE;
  }

  /** Whether {@code c} may be inside a literal; the characters only lenient JSON gives a meaning fail. */
  private boolean isLiteral(int c) throws IOException {
    switch (c) {
      case '/':
      case '\\':
      case ';':
      case '#':
      case '=':
        throw syntaxError(LENIENT_HINT);
      case '{':
      case '}':
      case '[':
      case ']':
      case ':':
      case ',':
      case ' ':
      case '\t':
      case '\f':
      case '\r':
      case '\n':
        return false;
      default:
        return true;
    }
  }

  @Override
  public String nextName() throws IOException {
    int p = peeked == PEEKED_NONE ? doPeek() : peeked;
    if (p != PEEKED_DOUBLE_QUOTED_NAME) {
      throw unexpectedTokenError("a name");
    }
    String result = nextQuotedValue(true);
    peeked = PEEKED_NONE;
    pathNames[stackSize - 1] = result;
    return result;
  }

  /**
   * Reads the next name if it is {@code expected}, written without escapes, and returns true; otherwise reads
   * nothing and returns false. A model's reader knows which name most likely comes next (a server writes a
   * kind's members in one order): comparing its bytes in place makes no string and looks up no table, where
   * {@link #nextName()} does both for each of a page's 650 names.
   *
   * @param expected the name's UTF-8 bytes; none of them a quote, a backslash or a control character
   * @param name the same name as a string, for {@link #getPath()}
   * @return whether the name was read
   * @throws IllegalStateException if the next token is not a name
   */
  public boolean nextNameIs(byte[] expected, String name) throws IOException {
    int p = peeked == PEEKED_NONE ? doPeek() : peeked;
    if (p != PEEKED_DOUBLE_QUOTED_NAME) {
      throw unexpectedTokenError("a name");
    }
    if (!startsAt(pos, expected)) {
      return false;
    }
    pos += expected.length + 1;
    peeked = PEEKED_NONE;
    pathNames[stackSize - 1] = name;
    return true;
  }

  /**
   * Reads the next value if it is the string {@code expected}, written without escapes, and returns true;
   * otherwise reads nothing and returns false. For values that come back in item after item (a variant's kind,
   * an enum's constant): compared in place, no string is made and no table of shared strings looked up.
   *
   * @param expected the string's UTF-8 bytes; none of them a quote, a backslash or a control character
   * @return whether the value was read
   */
  public boolean nextStringIs(byte[] expected) throws IOException {
    int p = peeked == PEEKED_NONE ? doPeek() : peeked;
    if (p != PEEKED_DOUBLE_QUOTED || !startsAt(pos, expected)) {
      return false;
    }
    pos += expected.length + 1;
    peeked = PEEKED_NONE;
    pathIndices[stackSize - 1]++;
    return true;
  }

  /**
   * Whether the text at {@code start} is {@code expected} and a quote: no escape can end inside it, as the bytes
   * before the quote are the expected ones, none a backslash.
   */
  private boolean startsAt(int start, byte[] expected) {
    byte[] buffer = bytes;
    int length = expected.length;
    if (limit - start <= length || buffer[start + length] != '"') {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (buffer[start + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Looks ahead, without reading anything, for the string value of the member {@code name} of the object whose
   * first member is next: a union then knows its variant before it reads a member (Mastra writes an item's
   * {@code id} before its {@code type}), where it would otherwise keep each earlier member as a JSON tree.
   *
   * <p>Null when the object has no such member, its value is not a string without escapes, or the text ahead is
   * not plain JSON: the caller then reads as it would have, and the reader reports what it finds there. The look
   * ahead stops at the member: its cost is a scan over the members before it (an item's id).
   *
   * @param name the member's name as UTF-8 bytes; none of them a quote, a backslash or a control character
   * @param likely the value most likely found (the kind read last), returned itself when found: no string
   *     made, none looked up; or null
   * @param likelyBytes its UTF-8 bytes (null with it)
   * @return the member's value, or null
   */
  public String peekMemberString(byte[] name, String likely, byte[] likelyBytes) throws IOException {
    int peekedNow = peeked == PEEKED_NONE ? doPeek() : peeked;
    if (peekedNow != PEEKED_DOUBLE_QUOTED_NAME || getStrictness() == Strictness.STRICT) {
      return null; // an empty object; strict mode checks strings as they are read, left to the reader
    }
    byte[] buffer = bytes;
    int l = limit;
    int p = pos; // at the first byte of a name
    while (true) {
      int nameStart = p;
      p = plainStringEnd(buffer, p, l);
      if (p < 0) {
        return null;
      }
      boolean found = Arrays.equals(buffer, nameStart, p, name, 0, name.length);
      p = skipWhitespace(buffer, p + 1, l);
      if (p >= l || buffer[p] != ':') {
        return null;
      }
      p = skipWhitespace(buffer, p + 1, l);
      if (p >= l) {
        return null;
      }
      if (found) {
        int valueStart = p + 1;
        int valueEnd = buffer[p] == '"' ? plainStringEnd(buffer, valueStart, l) : -1;
        if (valueEnd < 0) {
          return null;
        }
        if (likelyBytes != null && Arrays.equals(buffer, valueStart, valueEnd, likelyBytes, 0, likelyBytes.length)) {
          return likely;
        }
        return valueEnd - valueStart <= SHARED_LENGTH
            ? shared(buffer, valueStart, valueEnd, false)
            : utf8(buffer, valueStart, valueEnd);
      }
      p = skipWhitespace(buffer, valueEnd(buffer, p, l), l);
      if (p >= l || buffer[p] != ',') {
        return null; // the object's end, or not JSON
      }
      p = skipWhitespace(buffer, p + 1, l);
      if (p >= l || buffer[p] != '"') {
        return null;
      }
      p++;
    }
  }

  /** Where the string whose first byte is at {@code p} ends (its closing quote); -1 if it has an escape or a control. */
  private static int plainStringEnd(byte[] buffer, int p, int l) {
    while (p < l && ORDINARY[buffer[p] & 0xff]) {
      p++;
    }
    return p < l && buffer[p] == '"' ? p : -1;
  }

  private static int skipWhitespace(byte[] buffer, int p, int l) {
    while (p < l && (buffer[p] == ' ' || buffer[p] == '\n' || buffer[p] == '\r' || buffer[p] == '\t')) {
      p++;
    }
    return p;
  }

  /**
   * Where the value starting at {@code p} ends (after it), or {@code l} when it does not end: strings with
   * their escapes, arrays and objects to their matching bracket, any other run up to a delimiter.
   */
  private static int valueEnd(byte[] buffer, int p, int l) {
    int depth = 0;
    while (p < l) {
      byte c = buffer[p];
      if (c == '"') {
        p++;
        while (p < l && buffer[p] != '"') {
          p += buffer[p] == '\\' ? 2 : 1;
        }
        p++;
        if (depth == 0) {
          return Math.min(p, l);
        }
      } else if (c == '{' || c == '[') {
        depth++;
        p++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return p;
        }
        depth--;
        p++;
        if (depth == 0) {
          return p;
        }
      } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
        return p;
      } else {
        p++;
      }
    }
    return l;
  }

  @Override
  public String nextString() throws IOException {
    int p = peeked == PEEKED_NONE ? doPeek() : peeked;
    String result;
    if (p == PEEKED_DOUBLE_QUOTED) {
      result = nextQuotedValue(false);
    } else if (p == PEEKED_BUFFERED) {
      result = peekedString;
      peekedString = null;
    } else if (p == PEEKED_LONG) {
      result = Long.toString(peekedLong);
    } else if (p == PEEKED_NUMBER) {
      result = numberText();
    } else {
      throw unexpectedTokenError("a string");
    }
    peeked = PEEKED_NONE;
    pathIndices[stackSize - 1]++;
    return result;
  }

  private String numberText() {
    String text = new String(bytes, pos, peekedNumberLength, StandardCharsets.ISO_8859_1); // ASCII by peekNumber
    pos += peekedNumberLength;
    return text;
  }

  @Override
  public boolean nextBoolean() throws IOException {
    int p = peeked == PEEKED_NONE ? doPeek() : peeked;
    if (p != PEEKED_TRUE && p != PEEKED_FALSE) {
      throw unexpectedTokenError("a boolean");
    }
    peeked = PEEKED_NONE;
    pathIndices[stackSize - 1]++;
    return p == PEEKED_TRUE;
  }

  @Override
  public void nextNull() throws IOException {
    int p = peeked == PEEKED_NONE ? doPeek() : peeked;
    if (p != PEEKED_NULL) {
      throw unexpectedTokenError("null");
    }
    peeked = PEEKED_NONE;
    pathIndices[stackSize - 1]++;
  }

  @Override
  public double nextDouble() throws IOException {
    int p = peeked == PEEKED_NONE ? doPeek() : peeked;
    if (p == PEEKED_LONG) {
      peeked = PEEKED_NONE;
      pathIndices[stackSize - 1]++;
      return (double) peekedLong;
    }
    if (p == PEEKED_NUMBER) {
      peekedString = numberText();
    } else if (p == PEEKED_DOUBLE_QUOTED) {
      peekedString = nextQuotedValue(false);
    } else if (p != PEEKED_BUFFERED) {
      throw unexpectedTokenError("a double");
    }
    peeked = PEEKED_BUFFERED;
    double result;
    try {
      result = Double.parseDouble(peekedString);
    } catch (NumberFormatException e) {
      NumberFormatException rethrown =
          new NumberFormatException("Expected a double but was " + peekedString + locationString());
      rethrown.initCause(e);
      throw rethrown;
    }
    if (getStrictness() != Strictness.LENIENT && (Double.isNaN(result) || Double.isInfinite(result))) {
      throw syntaxError("JSON forbids NaN and infinities: " + result);
    }
    peekedString = null;
    peeked = PEEKED_NONE;
    pathIndices[stackSize - 1]++;
    return result;
  }

  @Override
  public long nextLong() throws IOException {
    return nextIntegral("a long", Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public int nextInt() throws IOException {
    return (int) nextIntegral("an int", Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /**
   * A long or an int ({@code expected}), as Gson's reader reads each: a number literal, or a string of one; a
   * value with a fraction or out of range is refused, and stays to be read as a string.
   */
  private long nextIntegral(String expected, long min, long max) throws IOException {
    int p = peeked == PEEKED_NONE ? doPeek() : peeked;
    if (p == PEEKED_LONG) {
      if (peekedLong < min || peekedLong > max) {
        throw new NumberFormatException("Expected " + expected + " but was " + peekedLong + locationString());
      }
      peeked = PEEKED_NONE;
      pathIndices[stackSize - 1]++;
      return peekedLong;
    }
    if (p == PEEKED_NUMBER) {
      peekedString = numberText();
    } else if (p == PEEKED_DOUBLE_QUOTED) {
      peekedString = nextQuotedValue(false);
      validateAscii(peekedString);
      try {
        long result = Long.parseLong(peekedString);
        if (result >= min && result <= max) {
          peeked = PEEKED_NONE;
          pathIndices[stackSize - 1]++;
          return result;
        }
      } catch (NumberFormatException ignored) {
        // read as a double below
      }
    } else { // a value refused before is a string now, as in Gson's reader
      throw unexpectedTokenError(expected);
    }
    peeked = PEEKED_BUFFERED;
    double asDouble;
    try {
      asDouble = Double.parseDouble(peekedString);
    } catch (NumberFormatException e) {
      NumberFormatException rethrown =
          new NumberFormatException("Expected " + expected + " but was " + peekedString + locationString());
      rethrown.initCause(e);
      throw rethrown;
    }
    long result = max == Integer.MAX_VALUE ? (int) asDouble : (long) asDouble;
    if (result != asDouble) { // a fraction, or out of range
      throw new NumberFormatException("Expected " + expected + " but was " + peekedString + locationString());
    }
    peekedString = null;
    peeked = PEEKED_NONE;
    pathIndices[stackSize - 1]++;
    return result;
  }

  private void validateAscii(String text) throws IOException {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        throw syntaxError("String contains non-ASCII characters: " + text);
      }
    }
  }

  /**
   * The string whose opening quote was read. A run without escapes is one {@code new String} of its bytes; the
   * JDK copies an ASCII run as it is.
   */
  private String nextQuotedValue(boolean name) throws IOException {
    byte[] buffer = this.bytes;
    int p = pos;
    int l = limit;
    int start = p;
    StringBuilder builder = null;
    while (true) {
      while (p < l && ORDINARY[buffer[p] & 0xff]) {
        p++; // one test per byte: most strings have no escape and end at the first quote
      }
      if (p == l) {
        pos = p;
        throw syntaxError("Unterminated string");
      }
      byte c = buffer[p++];
      if (c == '"') {
        pos = p;
        if (builder == null) {
          String result = p - 1 - start <= SHARED_LENGTH ? shared(buffer, start, p - 1, name) : utf8(buffer, start, p - 1);
          return getStrictness() == Strictness.STRICT ? validateString(result) : result;
        }
        String result = builder.append(utf8(buffer, start, p - 1)).toString();
        return getStrictness() == Strictness.STRICT ? validateString(result) : result;
      } else if (c == '\\') {
        if (builder == null) {
          builder = new StringBuilder(Math.max((p - start) * 2, 16));
        }
        builder.append(utf8(buffer, start, p - 1));
        pos = p;
        builder.append(readEscapeCharacter());
        p = pos;
        start = p;
      } else { // a control character
        if (getStrictness() == Strictness.STRICT) {
          // reported at the run's start, where Gson's reader reports it
          throw syntaxError("Unescaped control characters (\\u0000-\\u001F) are not allowed in strict mode");
        }
        if (c == '\n') {
          lineNumber++;
          lineStart = p;
        }
      }
    }
  }

  private static String utf8(byte[] buffer, int start, int end) {
    return new String(buffer, start, end - start, StandardCharsets.UTF_8);
  }

  /**
   * The string of a short run without escapes, from this thread's table when it holds it: the same property
   * names and kinds ({@code "type"}, {@code "message"}, {@code "completed"}...) come back in every item of every
   * answer. A 100-item page then allocates 112 KB instead of 150, and a stream's names come with their hash
   * computed; calls/s the same within the noise (paired JVMs). An overwritten slot only costs a new String.
   */
  private String shared(byte[] buffer, int start, int end, boolean name) {
    int length = end - start;
    if (length == 0) {
      return "";
    }
    // a hash of four bytes: names and kinds differ in their length or ends; a clash costs one compare
    int hash = length * 0x9E3779B1 ^ buffer[start] * 31 ^ buffer[end - 1] * 961 ^ buffer[start + (length >> 1)] * 29791;
    int slot = (hash ^ (hash >>> 15)) & (shared.length - 1);
    Shared known = shared[slot];
    if (known != null && known.bytes.length == length) {
      byte[] bytes = known.bytes;
      int i = 0;
      while (i < length && bytes[i] == buffer[start + i]) { // a plain loop: Arrays.equals is slower this short
        i++;
      }
      if (i == length) {
        return known.string;
      }
    }
    String made = utf8(buffer, start, end);
    if (name || !hasDigit(buffer, start, end)) { // a value with a digit is most likely an id: seen once
      shared[slot] = new Shared(Arrays.copyOfRange(buffer, start, end), made);
    }
    return made;
  }

  private static boolean hasDigit(byte[] buffer, int start, int end) {
    for (int i = start; i < end; i++) {
      if (buffer[i] >= '0' && buffer[i] <= '9') {
        return true;
      }
    }
    return false;
  }

  /** A string and the bytes it was made from: one object, so that no thread sees one without the other. */
  private static final class Shared {
    final byte[] bytes;
    final String string;

    Shared(byte[] bytes, String string) {
      this.bytes = bytes;
      this.string = string;
    }
  }

  private String validateString(String text) throws IOException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          throw syntaxError("Unpaired surrogate characters are not allowed in strict mode");
        }
      }
    }
    return text;
  }

  private void skipQuotedValue() throws IOException {
    byte[] buffer = this.bytes;
    int p = pos;
    int l = limit;
    while (p < l) {
      byte c = buffer[p++];
      if (c == '"') {
        pos = p;
        return;
      } else if (c == '\\') {
        pos = p;
        readEscapeCharacter();
        p = pos;
      } else if (c == '\n') {
        lineNumber++;
        lineStart = p;
      }
    }
    pos = p;
    throw syntaxError("Unterminated string");
  }

  @Override
  public void close() {
    peeked = PEEKED_NONE;
    stack[0] = CLOSED;
    stackSize = 1;
  }

  @Override
  public void skipValue() throws IOException {
    int count = 0;
    do {
      int p = peeked == PEEKED_NONE ? doPeek() : peeked;
      switch (p) {
        case PEEKED_BEGIN_ARRAY:
          push(EMPTY_ARRAY);
          count++;
          break;
        case PEEKED_BEGIN_OBJECT:
          push(EMPTY_OBJECT);
          count++;
          break;
        case PEEKED_END_ARRAY:
          stackSize--;
          count--;
          break;
        case PEEKED_END_OBJECT:
          if (count == 0) {
            pathNames[stackSize - 1] = null;
          }
          stackSize--;
          count--;
          break;
        case PEEKED_DOUBLE_QUOTED:
          skipQuotedValue();
          break;
        case PEEKED_DOUBLE_QUOTED_NAME:
          skipQuotedValue();
          if (count == 0) {
            pathNames[stackSize - 1] = "<skipped>";
          }
          break;
        case PEEKED_NUMBER:
          pos += peekedNumberLength;
          break;
        case PEEKED_EOF:
          return;
        default:
          // the token is consumed already
      }
      peeked = PEEKED_NONE;
    } while (count > 0);
    pathIndices[stackSize - 1]++;
  }

  private void push(int newTop) throws MalformedJsonException {
    if (stackSize - 1 >= getNestingLimit()) {
      throw new MalformedJsonException("Nesting limit " + getNestingLimit() + " reached" + locationString());
    }
    if (stackSize == stack.length) {
      int newLength = stackSize * 2;
      stack = Arrays.copyOf(stack, newLength);
      pathIndices = Arrays.copyOf(pathIndices, newLength);
      pathNames = Arrays.copyOf(pathNames, newLength);
    }
    stack[stackSize++] = newTop;
  }

  /** The next byte that is not white space (consumed), or -1 at the end when {@code throwOnEof} is false. */
  private int nextNonWhitespace(boolean throwOnEof) throws IOException {
    byte[] buffer = this.bytes;
    int p = pos;
    int l = limit;
    while (p < l) {
      int c = buffer[p++];
      if (c == '\n') {
        lineNumber++;
        lineStart = p;
      } else if (c != ' ' && c != '\r' && c != '\t') {
        pos = p;
        if (c == '/' || c == '#') {
          throw syntaxError(LENIENT_HINT); // a comment
        }
        return c;
      }
    }
    pos = p;
    if (throwOnEof) {
      throw new EOFException("End of input" + locationString());
    }
    return -1;
  }

  private char readEscapeCharacter() throws IOException {
    if (pos == limit) {
      throw syntaxError("Unterminated escape sequence");
    }
    byte escaped = bytes[pos++];
    switch (escaped) {
      case 'u':
        if (pos + 4 > limit) {
          throw syntaxError("Unterminated escape sequence");
        }
        int result = 0;
        for (int i = pos, end = i + 4; i < end; i++) {
          int c = bytes[i];
          result <<= 4;
          if (c >= '0' && c <= '9') {
            result += c - '0';
          } else if (c >= 'a' && c <= 'f') {
            result += c - 'a' + 10;
          } else if (c >= 'A' && c <= 'F') {
            result += c - 'A' + 10;
          } else {
            throw syntaxError(
                "Malformed Unicode escape \\u" + new String(bytes, pos, 4, StandardCharsets.UTF_8));
          }
        }
        pos += 4;
        return (char) result;
      case 't':
        return '\t';
      case 'b':
        return '\b';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 'f':
        return '\f';
      case '\n':
        if (getStrictness() == Strictness.STRICT) {
          throw syntaxError("Cannot escape a newline character in strict mode");
        }
        lineNumber++;
        lineStart = pos;
        return '\n';
      case '\'':
        if (getStrictness() == Strictness.STRICT) {
          throw syntaxError("Invalid escaped character \"'\" in strict mode");
        }
        return '\'';
      case '"':
      case '\\':
      case '/':
        return (char) escaped;
      default:
        throw syntaxError("Invalid escape sequence");
    }
  }

  @Override
  public String toString() {
    return "JsonReader" + locationString(); // what Gson's reader says: messages name no class of ours
  }

  private String locationString() {
    return " at line " + (lineNumber + 1) + " column " + (pos - lineStart + 1) + " path " + getPath();
  }

  private String path(boolean previous) {
    StringBuilder result = new StringBuilder().append('$');
    for (int i = 0; i < stackSize; i++) {
      int scope = stack[i];
      if (scope == EMPTY_ARRAY || scope == NONEMPTY_ARRAY) {
        int index = pathIndices[i];
        if (previous && index > 0 && i == stackSize - 1) {
          index--;
        }
        result.append('[').append(index).append(']');
      } else if (scope == EMPTY_OBJECT || scope == DANGLING_NAME || scope == NONEMPTY_OBJECT) {
        result.append('.');
        if (pathNames[i] != null) {
          result.append(pathNames[i]);
        }
      }
    }
    return result.toString();
  }

  /** The chars (UTF-16 units, a byte order mark included) read so far, as Gson's reader counts them. */
  @Override
  public long getCharacterOffset() {
    long chars = 0;
    for (int i = offset; i < pos; i++) {
      int b = bytes[i] & 0xff;
      if (b < 0x80 || b >= 0xc0) {
        chars += b >= 0xf0 ? 2 : 1; // a 4-byte sequence is a surrogate pair; a continuation byte is no char
      }
    }
    return chars;
  }

  @Override
  public String getPath() {
    return path(false);
  }

  @Override
  public String getPreviousPath() {
    return path(true);
  }

  private MalformedJsonException syntaxError(String message) {
    return new MalformedJsonException(message + locationString() + "\nSee " + GUIDE + "malformed-json");
  }

  private IllegalStateException unexpectedTokenError(String expected) throws IOException {
    JsonToken token = peek();
    String guide = token == JsonToken.NULL ? "adapter-not-null-safe" : "unexpected-json-structure";
    return new IllegalStateException(
        "Expected " + expected + " but was " + token + locationString() + "\nSee " + GUIDE + guide);
  }
}
