package ai.mastra.client;

import ai.mastra.client.model.Response;

/**
 * A streamed response ended, but not whole: its status is {@code incomplete} (Mastra: the model failed
 * mid-stream), {@code failed}, or anything else but {@code completed}. Thrown only on request, by {@link
 * ResponseStream#requireCompleted()}; {@link #response()} has what was written before the failure.
 */
public final class ResponseIncompleteException extends MastraException {
  private static final long serialVersionUID = 1L;

  private final Response response;

  /**
   * Creates the exception.
   *
   * @param response the final response, whose status is not {@code completed}
   * @throws IllegalArgumentException if {@code response} is null
   */
  public ResponseIncompleteException(Response response) {
    super(message(response), null);
    this.response = response;
  }

  /** Returns the final response: its status, and the partial output the server sent. */
  public Response response() {
    return response;
  }

  private static String message(Response response) {
    Checks.notNull(response, "response");
    String text = Responses.outputText(response);
    StringBuilder message =
        new StringBuilder("response ")
            .append(response.getId())
            .append(" ended with status ")
            .append(response.getStatus() == null ? "(none)" : response.getStatus().value())
            .append(", not completed");
    if (response.getError() != null && response.getError().getMessage() != null) {
      message.append(": ").append(response.getError().getMessage());
    }
    return message.append(" (").append(text.length()).append(" characters of partial text)").toString();
  }
}
