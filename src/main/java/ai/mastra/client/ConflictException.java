package ai.mastra.client;

import ai.mastra.client.model.ErrorBody;
import java.util.List;
import java.util.Map;

/** HTTP 409: the request conflicts with the current state. */
public final class ConflictException extends MastraServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the SDK calls this for 409 answers.
   *
   * @param method the request method, e.g. {@code GET}
   * @param url the request URL
   * @param statusCode the HTTP status
   * @param headers the response headers (names lower-case)
   * @param body the raw response body
   * @param errorBody the parsed Mastra error body, or null
   */
  public ConflictException(
      String method, String url, int statusCode, Map<String, List<String>> headers, String body, ErrorBody errorBody) {
    super(method, url, statusCode, headers, body, errorBody);
  }
}
