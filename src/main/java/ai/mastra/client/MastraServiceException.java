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
 * A non-JSON body (an unknown route answers {@code text/plain} "404 Not Found") is kept raw. The message
 * names the request ({@code HTTP 404 for GET http://localhost:4111/api/v1/conversations/c1: ...}) and, for
 * the common mistakes (a route that does not exist, a response that was not stored), what to check.
 *
 * <p>Catch a subclass for one status: {@link BadRequestException} 400, {@link UnauthorizedException} 401,
 * {@link PermissionDeniedException} 403, {@link NotFoundException} 404, {@link ConflictException} 409,
 * {@link UnprocessableEntityException} 422, {@link RateLimitException} 429, {@link ServerException} 5xx and
 * {@link ApiException} for any other status.
 */
public abstract class MastraServiceException extends MastraException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String url;
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final String body;
  private final transient ErrorBody errorBody;

  /**
   * Creates the exception; the SDK calls this, with the subclass chosen by status.
   *
   * @param method the request method, e.g. {@code GET}
   * @param url the request URL
   * @param statusCode the HTTP status
   * @param headers the response headers (names lower-case)
   * @param body the raw response body, or an empty string
   * @param errorBody the parsed Mastra error body, or null when the body is not one
   */
  protected MastraServiceException(
      String method,
      String url,
      int statusCode,
      Map<String, List<String>> headers,
      String body,
      ErrorBody errorBody) {
    super(message(method, url, statusCode, headers, body, errorBody), null);
    this.method = method;
    this.url = url;
    this.statusCode = statusCode;
    this.headers = Collections.unmodifiableMap(headers);
    this.body = body == null ? "" : body;
    this.errorBody = errorBody;
  }

  private static String message(
      String method, String url, int statusCode, Map<String, List<String>> headers, String body, ErrorBody errorBody) {
    StringBuilder message =
        new StringBuilder("HTTP ").append(statusCode).append(" for ").append(method).append(' ').append(redacted(url));
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
    String hint = hint(url, statusCode, headers, body, errorBody);
    if (hint != null) {
      message.append(". ").append(hint);
    }
    return message.toString();
  }

  /** What to do about the most common mistakes, said where they show. */
  private static String hint(
      String url, int statusCode, Map<String, List<String>> headers, String body, ErrorBody errorBody) {
    List<String> location = headers.get("location");
    if (statusCode >= 300 && statusCode < 400 && location != null && !location.isEmpty()) {
      return "The redirect to " + redacted(location.get(0)) + " was not followed: the SDK follows only GET"
          + " redirects within the same origin, so that headers and bodies never reach another server";
    }
    if (statusCode == 404 && errorBody == null && body != null && body.trim().equals("404 Not Found")) {
      String hint = "There is no such route on this server: check the client's baseUrl and apiPrefix";
      String path = url.replaceFirst("^[a-z]+://[^/]*", "");
      if (path.contains("/api/api/")) {
        hint += " (the path has /api twice: the base URL seems to end in /api already, and apiPrefix adds"
            + " another; use the server's root URL, e.g. http://localhost:4111)";
      }
      return hint;
    }
    String error = errorBody == null ? null : errorBody.getError();
    if (statusCode == 404 && error != null && error.startsWith("Stored response") && error.endsWith("not found")) {
      return "Only responses created with store(true) are kept, and a deleted one is gone";
    }
    return null;
  }

  /** The URL for a message: the request context (base64 of the caller's JSON) is not repeated into logs. */
  private static String redacted(String url) {
    return url.replaceAll("([?&]requestContext=)[^&]*", "$1...");
  }

  /** Returns the method of the request that got this answer, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** Returns the URL of the request that got this answer (with its query). */
  public String url() {
    return url;
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
