package ai.mastra.client;

/**
 * The server answered with a success status, but the body could not be read as the model the spec promises
 * (not JSON, the wrong shape, or empty). The SDK never returns a null or half-read model instead.
 */
public final class MastraInvalidResponseException extends MastraException {
  private static final long serialVersionUID = 1L;

  private final String body;

  /**
   * Creates the exception.
   *
   * @param message what could not be read
   * @param body the raw body (possibly shortened), or an empty string
   * @param cause the parse failure, or null
   */
  public MastraInvalidResponseException(String message, String body, Throwable cause) {
    super(message, cause);
    this.body = body == null ? "" : body;
  }

  /** Returns the raw body that could not be read (possibly shortened). */
  public String body() {
    return body;
  }
}
