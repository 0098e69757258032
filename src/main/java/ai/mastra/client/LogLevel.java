package ai.mastra.client;

import java.util.Locale;

/**
 * How much of each HTTP exchange the client logs (see {@link MastraClient.Builder#logLevel}). Each level
 * includes the ones before it. Whatever the level, the values of secret headers ({@code Authorization},
 * cookies, the names marked with {@link MastraClient.Builder#redactHeader}) and the request context are
 * replaced by {@code [redacted]}.
 */
public enum LogLevel {
  /** Nothing is logged (the default). */
  NONE,
  /**
   * One line when a request leaves ({@code --> POST url}) and one when its answer's headers arrive ({@code <--
   * 200 OK POST url (12 ms)}), or when it fails; a line for each retry and each request moved off a stale
   * pooled connection.
   */
  BASIC,
  /** {@link #BASIC}, and the request's and the answer's headers. */
  HEADERS,
  /**
   * {@link #HEADERS}, and the bodies: the request's, the answer's once read, and each event of a stream as
   * it arrives (a body or event beyond 64 KiB is cut in the log, never in what the SDK reads).
   */
  BODY;

  /**
   * Returns the level named by {@code value}, as the {@code MASTRA_LOG} environment variable gives it: {@code
   * none}, {@code basic}, {@code headers}, {@code body} or {@code debug} (the same as {@code body}), in any
   * case, surrounding blanks ignored.
   *
   * @param value the name
   * @return the level
   * @throws IllegalArgumentException if {@code value} is null or names no level (the message lists the names)
   */
  public static LogLevel parse(String value) {
    Checks.notNull(value, "value");
    String name = value.trim().toLowerCase(Locale.ROOT);
    switch (name) {
      case "none":
        return NONE;
      case "basic":
        return BASIC;
      case "headers":
        return HEADERS;
      case "body":
      case "debug":
        return BODY;
      default:
        throw new IllegalArgumentException(
            "a log level must be one of none, basic, headers, body or debug, got '" + value + "'");
    }
  }
}
