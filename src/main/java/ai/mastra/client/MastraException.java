package ai.mastra.client;

/**
 * The root of every exception this SDK throws for a failed call. Unchecked: catch it (or a subclass) where a
 * failure can be handled.
 *
 * <p>Subclasses: {@link MastraServiceException} (the server answered with an error status; one subclass per
 * status family), {@link MastraIOException} (no usable answer: connection refused, reset, timed out, cancelled)
 * and {@link MastraInvalidResponseException} (a success status whose body is not what the spec promises).
 * Input checks fail earlier, before any I/O, with {@link IllegalArgumentException}.
 */
public class MastraException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message and an optional cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure, or null
   */
  public MastraException(String message, Throwable cause) {
    super(message, cause);
  }
}
