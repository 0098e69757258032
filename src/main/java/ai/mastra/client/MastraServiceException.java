package ai.mastra.client;

import ai.mastra.client.model.ErrorBody;
import ai.mastra.client.model.ErrorIssue;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with an error status (not 2xx). Carries the status, the headers, the raw body and,
 * when the body is Mastra's JSON error ({@code {"error": "...", "issues": [...]}}), its message and issues.
 * A non-JSON body (an unknown route answers {@code text/plain} "404 Not Found") is kept raw.
 *
 * <p>Catch a subclass for one status: {@link BadRequestException} 400, {@link UnauthorizedException} 401,
 * {@link PermissionDeniedException} 403, {@link NotFoundException} 404, {@link ConflictException} 409,
 * {@link UnprocessableEntityException} 422, {@link RateLimitException} 429, {@link ServerException} 5xx and
 * {@link ApiException} for any other status.
 */
public abstract class MastraServiceException extends MastraException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final String body;
  private final transient ErrorBody errorBody;

  /**
   * Creates the exception; the SDK calls this, with the subclass chosen by status.
   *
   * @param statusCode the HTTP status
   * @param headers the response headers (names lower-case)
   * @param body the raw response body, or an empty string
   * @param errorBody the parsed Mastra error body, or null when the body is not one
   */
  protected MastraServiceException(
      int statusCode, Map<String, List<String>> headers, String body, ErrorBody errorBody) {
    super(message(statusCode, body, errorBody), null);
    this.statusCode = statusCode;
    this.headers = Collections.unmodifiableMap(headers);
    this.body = body == null ? "" : body;
    this.errorBody = errorBody;
  }

  private static String message(int statusCode, String body, ErrorBody errorBody) {
    StringBuilder message = new StringBuilder("HTTP ").append(statusCode);
    if (errorBody != null && errorBody.getError() != null) {
      message.append(": ").append(errorBody.getError());
      List<ErrorIssue> issues = errorBody.getIssues();
      if (issues != null && !issues.isEmpty()) {
        message.append(" (");
        for (int i = 0; i < issues.size(); i++) {
          ErrorIssue issue = issues.get(i);
          message.append(i == 0 ? "" : "; ").append(issue.getField()).append(": ").append(issue.getMessage());
        }
        message.append(')');
      }
    } else if (body != null && !body.isEmpty()) {
      message.append(": ").append(body.length() > 500 ? body.substring(0, 500) + "..." : body);
    }
    return message.toString();
  }

  /** Returns the HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns the response headers; names are lower-case, values in the order received. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Returns the raw response body, or an empty string when there was none. */
  public String body() {
    return body;
  }

  /** Returns Mastra's parsed error body, when the body was one. */
  public Optional<ErrorBody> errorBody() {
    return Optional.ofNullable(errorBody);
  }

  /** Returns the server's error message ({@code error} of the body), when the body was Mastra's JSON. */
  public Optional<String> error() {
    return errorBody().map(ErrorBody::getError);
  }

  /** Returns the validation issues of the body (field and message each); empty when there were none. */
  public List<ErrorIssue> issues() {
    List<ErrorIssue> issues = errorBody == null ? null : errorBody.getIssues();
    return issues == null ? Collections.emptyList() : Collections.unmodifiableList(issues);
  }
}
