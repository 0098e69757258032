package example;

import ai.mastra.client.MastraClient;
import java.net.URL;
import java.util.Collections;
import java.util.List;

/**
 * Builds a client as a user's program would, and checks what the classpath ended up with: with "one-okhttp"
 * exactly one OkHttp (version 5) and a working client; with "refused" the SDK's loud refusal of a second OkHttp.
 */
public final class Consumer {
  public static void main(String[] args) throws Exception {
    List<URL> okhttps = Collections.list(Consumer.class.getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    System.out.println("consumer: OkHttp classes from " + okhttps);
    String expect = args[0];
    try (MastraClient client = MastraClient.builder().baseUrl("http://127.0.0.1:9").build()) {
      if (!expect.equals("one-okhttp") || okhttps.size() != 1) {
        throw new AssertionError("expected " + expect + ", but a client was built with " + okhttps.size() + " OkHttp jars");
      }
      System.out.println("consumer: mastra-client-java " + MastraClient.VERSION + " built a client for " + client.apiUrl());
    } catch (IllegalStateException e) {
      if (!expect.equals("refused") || !e.getMessage().contains("needs OkHttp 5")) {
        throw e;
      }
      System.out.println("consumer: refused as expected: " + e.getMessage());
    }
  }
}
