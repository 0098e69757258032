package ai.mastra.client.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;

/**
 * Sets the client's headers on every request, replacing any header of the same name, then a request's own
 * per-call headers ({@link PerCall}, carried as a request tag), which replace both. One interceptor on the
 * one client for both: per-call headers never need a client (or a Retrofit) of their own.
 */
public final class HeadersInterceptor implements Interceptor {
  private final Map<String, String> headers;

  /** Headers of one call, set after the client's; a request carries them as its tag. */
  public static final class PerCall {
    final Map<String, String> headers;

    /**
     * Creates the tag.
     *
     * @param headers names and values to set
     */
    public PerCall(Map<String, String> headers) {
      this.headers = new LinkedHashMap<>(headers);
    }
  }

  /**
   * Creates the interceptor.
   *
   * @param headers names and values to set
   */
  public HeadersInterceptor(Map<String, String> headers) {
    this.headers = new LinkedHashMap<>(headers);
  }

  @Override
  public okhttp3.Response intercept(Chain chain) throws IOException {
    Request.Builder request = chain.request().newBuilder();
    headers.forEach(request::header);
    PerCall perCall = chain.request().tag(PerCall.class);
    if (perCall != null) {
      perCall.headers.forEach(request::header);
    }
    return chain.proceed(request.build());
  }
}
