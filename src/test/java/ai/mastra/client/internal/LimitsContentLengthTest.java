package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.testing.RawHttpServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.Test;

/**
 * The length {@link Limits} reports for the body it wraps: a success body keeps its declared length (it is
 * read whole or refused), an error body reports none, because only its first {@link Limits#MAX_ERROR_BODY}
 * bytes are read and a declared length would then disagree with what arrives.
 */
class LimitsContentLengthTest {

  private static RawHttpServer answering(int status, String body) throws Exception {
    return new RawHttpServer((index, connection) -> {
      if (connection.readRequest() != null) {
        connection.answerJson(status, body);
      }
    });
  }

  private static OkHttpClient client() {
    return new OkHttpClient.Builder().addInterceptor(new Limits(Limits.DEFAULT_MAX_RESPONSE_SIZE)).build();
  }

  @Test
  void aSuccessBodyKeepsItsDeclaredLength() throws Exception {
    try (RawHttpServer server = answering(200, "{\"a\":1}");
        Response response = client().newCall(new Request.Builder().url(server.url() + "/x").build()).execute()) {
      assertThat(response.body().contentLength()).isEqualTo(7);
      assertThat(response.body().string()).isEqualTo("{\"a\":1}");
    }
  }

  @Test
  void anErrorBodyLongerThanTheKeptPartIsReadCutWithoutALengthMismatch() throws Exception {
    String big = "{\"e\":\"" + "x".repeat((int) Limits.MAX_ERROR_BODY) + "\"}";
    try (RawHttpServer server = answering(500, big);
        Response response = client().newCall(new Request.Builder().url(server.url() + "/x").build()).execute()) {
      assertThat(response.body().contentLength()).isEqualTo(-1);
      BufferedSource source = response.body().source();
      assertThat(source.readUtf8(Limits.MAX_ERROR_BODY)).startsWith("{\"e\":\"xxx");
      assertThat(source.exhausted()).isTrue(); // the body ends there, though the server sent more
    }
  }

  @Test
  void aSuccessBodyDeclaredExactlyAtTheLimitIsReadAndOneByteMoreIsRefused() throws Exception {
    OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new Limits(7)).build();
    try (RawHttpServer server = answering(200, "{\"a\":1}");
        Response response = client.newCall(new Request.Builder().url(server.url() + "/x").build()).execute()) {
      assertThat(response.body().string()).isEqualTo("{\"a\":1}");
    }
    try (RawHttpServer server = answering(200, "{\"a\":12}");
        Response response = client.newCall(new Request.Builder().url(server.url() + "/x").build()).execute()) {
      assertThatThrownBy(() -> response.body().string())
          .isInstanceOf(Limits.TooLargeException.class)
          .hasMessageContaining("its Content-Length is 8");
    }
  }
}
