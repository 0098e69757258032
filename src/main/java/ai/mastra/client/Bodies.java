package ai.mastra.client;

import ai.mastra.client.internal.ModelBinder;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Puts the request context where the Mastra server reads it, and nowhere else. The server's context
 * middleware (@mastra/hono, {@code MastraServer}'s context middleware in
 * src/test/mastra-server/node_modules/@mastra/hono/dist/index.js) reads the body's {@code requestContext} when
 * the method is POST or PUT, the {@code requestContext} query parameter when it is GET, and nothing for any
 * other method (DELETE included). So: POST in the body only, GET in the query only, DELETE nowhere.
 */
final class Bodies {
  private Bodies() {}

  /**
   * The {@code requestContext} query parameter of a GET, or null to send none.
   *
   * @throws IllegalArgumentException if its URL-encoded form is longer than {@link
   *     RequestContext#MAX_QUERY_PARAMETER_LENGTH}
   */
  static String getQueryParameter(RequestOptions options) {
    if (!options.requestContext().isPresent()) {
      return null;
    }
    String value = options.requestContext().get().toQueryParameter();
    // OkHttp percent-encodes the base64 characters + / = in a query value (3 bytes each).
    int length = value.length();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '+' || c == '/' || c == '=') {
        length += 2;
      }
    }
    if (length > RequestContext.MAX_QUERY_PARAMETER_LENGTH) {
      throw new IllegalArgumentException(
          "options.requestContext is too large for a GET: Mastra reads it from the URL there, and its encoded "
              + "query parameter would be " + length + " bytes, over the limit of "
              + RequestContext.MAX_QUERY_PARAMETER_LENGTH + " bytes (8 KB) that keeps the URL within what "
              + "servers and proxies accept; send a smaller context (on POST the body has no such limit)");
    }
    return value;
  }

  /**
   * Returns the body of a POST: {@code request} itself when there is no context to add and nothing to change,
   * else a shallow copy with the context as the {@code requestContext} member (the caller's object is never
   * changed, so it can be reused from other threads).
   *
   * <p>The context comes from {@code options} or from the request's own {@code requestContext} field (never
   * both); either way it is checked as {@link RequestContext#of} checks it, now, before any I/O, and written
   * byte for byte as {@link RequestContext#toJson()}.
   *
   * @param request the caller's request model
   * @param type the request's model class
   * @param contextInRequest the request's own {@code requestContext} field, or null
   * @param setContext sets a copy's {@code requestContext} field
   * @param options the per-call options
   * @param alwaysCopy whether the caller will change the returned object (e.g. set {@code stream}), so it must
   *     be a copy even without a context
   */
  static <T> T withContext(
      T request,
      Class<T> type,
      Map<String, Object> contextInRequest,
      BiConsumer<T, Map<String, Object>> setContext,
      RequestOptions options,
      boolean alwaysCopy) {
    RequestContext context;
    if (options.requestContext().isPresent()) {
      if (contextInRequest != null) {
        throw new IllegalArgumentException(
            "requestContext is given twice: in request.requestContext and in options; give it once");
      }
      context = options.requestContext().get();
    } else {
      context = contextInRequest == null ? null : RequestContext.of(contextInRequest);
    }
    if (context == null && !alwaysCopy) {
      return request;
    }
    T copy = shallowCopy(request, type);
    if (context != null) {
      setContext.accept(copy, context.bodyValue());
    }
    return copy;
  }

  /**
   * A copy of a generated request model that shares its field values. Not Gson's deep copy, which re-reads the
   * caller's free-form values (metadata, provider options, schemas) as JSON and changes them: {@code 3} became
   * {@code 3.0}, null map entries vanished. Sharing the values sends exactly what the caller gave. Through the
   * model's binder, so that fields added to the spec later are copied too.
   */
  static <T> T shallowCopy(T request, Class<T> type) {
    try {
      return ModelBinder.shallowCopy(request, type);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot copy a " + type.getName() + " to add the request context", e);
    }
  }
}
