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

  static Duration positive(Duration value, String name) {
    notNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }

  static void header(String name, String value) {
    notBlank(name, "header name");
    notNull(value, "header value of " + name);
  }
}
