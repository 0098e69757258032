package ai.mastra.client;

import ai.mastra.client.model.Response;
import java.util.Optional;

/**
 * The agent's answer could not be read into the class asked for: it is not JSON, does not match the class's
 * schema (a required property missing or null, a value of the wrong type, an unknown enum constant), or Gson
 * could not bind it. {@link #text()} is the raw answer, {@link #type()} the class, {@link #response()} the
 * response it came in (when there was one).
 */
public final class MastraStructuredOutputException extends MastraException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_TEXT_IN_MESSAGE = 200;

  private final String text;
  private final Class<?> type;
  private final Response response;

  /**
   * Creates the exception.
   *
   * @param reason why the text does not fit, e.g. {@code "$.priority: expected integer, got the string \"high\""}
   * @param text the raw answer
   * @param type the class it was to be read into
   * @param response the response the answer came in, or null
   * @param cause the parse failure, or null
   */
  public MastraStructuredOutputException(
      String reason, String text, Class<?> type, Response response, Throwable cause) {
    super(reason + "; the answer" + (response == null ? "" : " of response " + response.getId()) + " was: "
        + shorten(text), cause);
    this.text = text == null ? "" : text;
    this.type = type;
    this.response = response;
  }

  /** Returns the raw text of the answer, whole. */
  public String text() {
    return text;
  }

  /** Returns the class the answer was to be read into. */
  public Class<?> type() {
    return type;
  }

  /** Returns the response the answer came in; empty when only a text was parsed. */
  public Optional<Response> response() {
    return Optional.ofNullable(response);
  }

  private static String shorten(String text) {
    if (text == null) {
      return "(none)";
    }
    return text.length() <= MAX_TEXT_IN_MESSAGE ? text
        : text.substring(0, MAX_TEXT_IN_MESSAGE) + "... (" + text.length() + " characters)";
  }
}
