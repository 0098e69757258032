package ai.mastra.client;

import java.io.IOException;

/**
 * The call got no usable answer: the connection failed, was reset or timed out, or the call was cancelled.
 * The request may or may not have reached the server. Its cause is the underlying {@link IOException}.
 */
public final class MastraIOException extends MastraException {
  private static final long serialVersionUID = 1L;

  /**
   * Wraps an I/O failure.
   *
   * @param message what the SDK was doing
   * @param cause the I/O failure
   */
  public MastraIOException(String message, IOException cause) {
    super(message, cause);
  }

  /** Returns the underlying I/O failure. */
  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
