package ai.mastra.client.internal;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows redirects of GET requests within the same origin (scheme, host and port), at most {@value
 * #MAX_REDIRECTS} in a row; every other redirect is returned as it is, and becomes an error for the caller.
 * OkHttp's own redirect following is turned off on the SDK's clients: it would carry custom headers (an API
 * key) to another origin, and it turns a POST answered 302 into a GET whose answer would pass for the created
 * object. A POST or DELETE is never redirected: its answer is the server's own.
 */
public final class SameOriginRedirects implements Interceptor {
  static final int MAX_REDIRECTS = 5;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    for (int hops = 0; hops < MAX_REDIRECTS && "GET".equals(request.method()); hops++) {
      HttpUrl target = target(request, response);
      if (target == null) {
        return response;
      }
      response.close();
      request = request.newBuilder().url(target).build();
      response = chain.proceed(request);
    }
    return response;
  }

  /** Where {@code response} redirects to, or null if it is not a redirect to follow. */
  private static HttpUrl target(Request request, Response response) {
    int code = response.code();
    if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308) {
      return null;
    }
    String location = response.header("Location");
    HttpUrl target = location == null ? null : request.url().resolve(location);
    if (target == null
        || !target.scheme().equals(request.url().scheme())
        || !target.host().equals(request.url().host())
        || target.port() != request.url().port()) {
      return null;
    }
    return target;
  }
}
