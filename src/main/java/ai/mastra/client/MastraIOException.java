package ai.mastra.client;

import java.io.IOException;

/**
 * The call got no usable answer: the connection failed or was reset, the call timed out ({@link
 * MastraTimeoutException}), was cancelled, or its thread was interrupted (the cause is then an {@link
 * java.io.InterruptedIOException} and the thread's interrupt flag stays set). The request may or may not have
 * reached the server. Its cause is the underlying {@link IOException}.
 */
public class MastraIOException extends MastraException {
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
