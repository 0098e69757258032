package ai.mastra.client;

import java.io.IOException;

/**
 * The call ran out of time: the whole-call timeout of {@link RequestOptions.Builder#timeout} (its message
 * says "timed out after" that duration), the idle timeout of a stream, or the client's connect or read
 * timeout. The request may or may not have reached the server.
 */
public final class MastraTimeoutException extends MastraIOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what timed out, and after how long
   * @param cause the I/O failure that the timeout caused
   */
  public MastraTimeoutException(String message, IOException cause) {
    super(message, cause);
  }
}
