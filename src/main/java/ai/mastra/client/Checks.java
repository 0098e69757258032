package ai.mastra.client;

import java.time.Duration;

/** Input checks that fail before any I/O with an {@link IllegalArgumentException} naming the parameter. */
final class Checks {
  private Checks() {}

  static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  static String notBlank(String value, String name) {
    notNull(value, name);
    if (value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /**
   * An id that becomes one path segment. Every character is allowed and percent-encoded, except that the
   * whole id must not be {@code .} or {@code ..}, which would address another route.
   */
  static String id(String value, String name) {
    notBlank(value, name);
    if (value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(name + " must not be '.' or '..', got '" + value + "'");
    }
    return value;
  }

  /**
   * A timeout: positive and at most {@link #MAX_TIMEOUT}. A sub-millisecond timeout is kept as it is (it is
   * never rounded down to OkHttp's 0, which would mean "no timeout").
   */
  static Duration timeout(Duration value, String name) {
    notNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    if (value.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(name + " must be at most 24 hours, got " + value);
    }
    return value;
  }

  /** The longest timeout accepted; anything longer is a mistake (a unit mix-up), not a wish to wait. */
  static final Duration MAX_TIMEOUT = Duration.ofHours(24);

  /**
   * A header name (an RFC 9110 token) and value (visible ASCII, space and tab). CR, LF, NUL or non-ASCII
   * would split or corrupt the request. The value is never put in the message: it may be a secret.
   */
  static void header(String name, String value) {
    notBlank(name, "header name");
    for (int i = 0; i < name.length(); i++) {
      if (!isTokenChar(name.charAt(i))) {
        throw new IllegalArgumentException(
            "header name '" + printable(name) + "' has a character not allowed in a header name ("
                + codePoint(name.charAt(i)) + " at index " + i + ")");
      }
    }
    notNull(value, "header value of " + name);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        throw new IllegalArgumentException(
            "header " + name + " has a value with a character not allowed in a header ("
                + codePoint(c) + " at index " + i + "); the value is not shown");
      }
    }
  }

  /** A bearer token: visible ASCII only (RFC 6750 token68 and more), never echoed in the message. */
  static String bearerToken(String token) {
    notBlank(token, "bearerToken");
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException(
            "bearerToken has a character not allowed in a header (" + codePoint(c) + " at index " + i
                + "), e.g. a trailing newline; the token is not shown");
      }
    }
    return token;
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }

  /** The name with control and non-ASCII characters escaped, safe to print in one log line. */
  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(c >= 0x20 && c <= 0x7e ? String.valueOf(c) : "\\u" + String.format("%04X", (int) c));
    }
    return out.toString();
  }
}
