package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.RawHttpServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request cut on a pooled connection that the server had already closed is sent again on a fresh
 * connection; a request that may have reached the agent never is. A raw server makes each case exactly: it
 * answers on a keep-alive connection and then closes it, as Node does after 5 s of idleness.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StaleConnectionTest {
  private static final String CONVERSATION = Capture.load("01").responseBody();
  private static final String RESPONSE = Capture.load("07").responseBody();

  private static MastraClient client(RawHttpServer server) {
    return MastraClient.builder().baseUrl(server.url()).maxRetries(0).build();
  }

  @Test
  void aPostOnAConnectionTheServerClosedWhileIdleIsSentOnceOnAFreshConnection() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
          connection.readRequest();
          connection.answerJson(200, index == 0 ? CONVERSATION : RESPONSE);
          if (index == 0) {
            connection.socket().close(); // the idle close, before the client's next request
            closed.countDown();
          }
        });
        MastraClient client = client(server)) {
      client.conversations().create(new ConversationCreateRequest().agentId("a"));
      assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();

      client.responses().create(new ResponseCreateRequest().agentId("a").input("once"));

      assertThat(server.connections()).as("connections: the first, then a fresh one").isEqualTo(2);
      assertThat(server.requests()).as("requests the server read").hasSize(2);
      assertThat(server.requests().get(1)).startsWith("POST /api/v1/responses ").contains("\"once\"");
    }
  }

  @Test
  void theAsyncAndStreamingPostsAreSentAgainToo() throws Exception {
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
          String request = connection.readRequest();
          if (request.contains("\"stream\":true")) {
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
                + "event: response.completed\ndata: {\"type\":\"response.completed\",\"sequence_number\":1,"
                + "\"response\":" + RESPONSE + "}\n\n");
          } else {
            connection.answerJson(200, request.startsWith("POST /api/v1/conversations") ? CONVERSATION : RESPONSE);
          }
          // every connection is closed after one answer: each next call finds its pooled connection dead
        });
        MastraClient client = client(server)) {
      client.conversations().create(new ConversationCreateRequest().agentId("a"));
      client.async().responses().create(new ResponseCreateRequest().agentId("a").input("async"))
          .get(10, TimeUnit.SECONDS);
      try (ResponseStream stream = client.responses().stream(new ResponseCreateRequest().agentId("a").input("s"))) {
        assertThat(stream.finalResponse().getId()).isNotNull();
      }

      assertThat(server.requests()).extracting(r -> r.substring(0, r.indexOf(' ', 6)))
          .containsExactly("POST /api/v1/conversations", "POST /api/v1/responses", "POST /api/v1/responses");
    }
  }

  @Test
  void aPostCutAfterTheServerReadItOnAFreshConnectionIsNeverSentAgain() throws Exception {
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
          connection.readRequest(); // the agent may now be running
          connection.socket().close();
        });
        MastraClient client = client(server)) {
      assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId("a").input("x")))
          .isInstanceOf(MastraIOException.class)
          .hasMessageContaining("POST /api/v1/responses failed");

      assertThat(server.requests()).hasSize(1);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void aPostThatTimesOutOnAReusedConnectionIsNeverSentAgain() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
          connection.readRequest();
          connection.answerJson(200, CONVERSATION);
          connection.readRequest(); // the second request arrives on the same connection: no answer
          release.await(20, TimeUnit.SECONDS);
        });
        MastraClient client = client(server)) {
      client.conversations().create(new ConversationCreateRequest().agentId("a"));

      assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId("a").input("x"),
              RequestOptions.builder().timeout(Duration.ofMillis(300)).build()))
          .isInstanceOf(MastraTimeoutException.class)
          .hasMessage("POST /api/v1/responses timed out after 300 ms");
      release.countDown();

      assertThat(server.requests()).hasSize(2);
      assertThat(server.connections()).isEqualTo(1);
    }
  }
}
