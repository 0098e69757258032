package ai.mastra.client.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;

/** Sets fixed headers on every request, replacing any header of the same name. */
public final class HeadersInterceptor implements Interceptor {
  private final Map<String, String> headers;

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
    return chain.proceed(request.build());
  }
}
