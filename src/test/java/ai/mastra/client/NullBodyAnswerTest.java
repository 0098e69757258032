package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.testing.RawHttpServer;
import org.junit.jupiter.api.Test;

/** A success whose body is the JSON literal {@code null}: no model can come of it, so the call fails typed. */
class NullBodyAnswerTest {

  @Test
  void aSuccessWhoseBodyIsTheLiteralNullIsAnInvalidResponseNotANullModel() throws Exception {
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
      while (connection.readRequest() != null) {
        connection.answerJson(200, "null");
      }
    });
        MastraClient client = MastraClient.builder().baseUrl(server.url()).maxRetries(0).build()) {
      assertThatThrownBy(() -> client.conversations().retrieve("conv_1"))
          .isInstanceOf(MastraInvalidResponseException.class)
          .hasMessageContaining("GET /api/v1/conversations/conv_1");
      assertThat(server.requests()).hasSize(1);
    }
  }
}
