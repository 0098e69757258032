package ai.mastra.client;

/**
 * The arguments of a tool call could not be read as asked: they are not one JSON value, or do not fit the
 * class they were to be read into. Models write tool arguments, and a model can write broken JSON; the raw
 * text stays available here and on {@link ToolCall#arguments()}.
 */
public final class ToolArgumentsException extends MastraException {
  private static final long serialVersionUID = 1L;

  private final String toolName;
  private final String callId;
  private final String arguments;

  /**
   * Creates the exception.
   *
   * @param message what could not be read, naming the tool and the call
   * @param toolName the tool's name, or null
   * @param callId the call's {@code call_id}, or null
   * @param arguments the raw arguments, or null
   * @param cause the parse failure, or null
   */
  public ToolArgumentsException(String message, String toolName, String callId, String arguments, Throwable cause) {
    super(message, cause);
    this.toolName = toolName;
    this.callId = callId;
    this.arguments = arguments;
  }

  /** Returns the name of the tool whose arguments could not be read (null if the call had none). */
  public String toolName() {
    return toolName;
  }

  /** Returns the {@code call_id} of the call (null if it had none). */
  public String callId() {
    return callId;
  }

  /** Returns the raw arguments, as the model wrote them (null if the call had none). */
  public String arguments() {
    return arguments;
  }
}
