package ai.mastra.client;

import ai.mastra.client.internal.Json;
import java.util.Map;
import java.util.function.BiConsumer;

/** Puts the request context where Mastra reads it: the JSON body on POST, the query parameter always. */
final class Bodies {
  private Bodies() {}

  /** A request body ready to send, and the query parameter that goes with it. */
  static final class Prepared<T> {
    final T body;
    final String queryParameter;

    Prepared(T body, String queryParameter) {
      this.body = body;
      this.queryParameter = queryParameter;
    }
  }

  /** A deep copy of a request model, to change without touching the caller's object. */
  static <T> T copy(T request, Class<T> type) {
    return Json.GSON.fromJson(Json.GSON.toJsonTree(request), type);
  }

  /** The {@code requestContext} query parameter of {@code options}, or null to send none. */
  static String queryParameter(RequestOptions options) {
    return options.requestContext().map(RequestContext::toQueryParameter).orElse(null);
  }

  /**
   * Returns the body to send: {@code request} itself when {@code options} has no context, else a copy with
   * the context set (the caller's object is never changed, so it can be reused from other threads). A context
   * already set in the request is also sent as the query parameter.
   */
  static <T> Prepared<T> withContext(
      T request,
      Class<T> type,
      Map<String, Object> contextInRequest,
      BiConsumer<T, Map<String, Object>> setContext,
      RequestOptions options) {
    if (!options.requestContext().isPresent()) {
      String query =
          contextInRequest == null ? null : RequestContext.of(contextInRequest).toQueryParameter();
      return new Prepared<>(request, query);
    }
    if (contextInRequest != null) {
      throw new IllegalArgumentException(
          "requestContext is given twice: in request.requestContext and in options; give it once");
    }
    RequestContext context = options.requestContext().get();
    T copy = copy(request, type);
    setContext.accept(copy, context.bodyValue());
    return new Prepared<>(copy, context.toQueryParameter());
  }
}
