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
 * A request never goes out on a pooled connection that the server has closed while it was idle: it goes on a
 * fresh one. A request whose bytes were sent is never sent again. A raw server makes each case exactly: it
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
      // The server announced no keep-alive timeout: the connection is probed once it has been idle 1 s.
      Thread.sleep(1100); // the idle gap itself, not a wait for another thread

      client.responses().create(new ResponseCreateRequest().agentId("a").input("once"));

      assertThat(server.connections()).as("connections: the first, then a fresh one").isEqualTo(2);
      assertThat(server.requests()).as("requests the server read").hasSize(2);
      assertThat(server.requests().get(1)).startsWith("POST /api/v1/responses ").contains("\"once\"");
    }
  }

  @Test
  void aConnectionIdleForTheServersAnnouncedKeepAliveLessASecondIsNotUsed() throws Exception {
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
          connection.readRequest();
          // Node's answer: it will close the connection after 1 s of idleness (this server does so at once)
          connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nKeep-Alive: timeout=1\r\n"
              + "Content-Length: " + RESPONSE.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n"
              + RESPONSE);
        });
        MastraClient client = client(server)) {
      for (int i = 0; i < 3; i++) {
        client.responses().create(new ResponseCreateRequest().agentId("a").input("n" + i));
      }

      assertThat(server.connections()).isEqualTo(3);
      assertThat(server.requests()).hasSize(3);
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
            String body = request.startsWith("POST /api/v1/conversations") ? CONVERSATION : RESPONSE;
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nKeep-Alive: timeout=1\r\n"
                + "Content-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n"
                + body);
          }
          // every connection is closed after one answer, as announced: each next call needs a fresh one
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
  void aPostCutAfterTheServerReadItOnAReusedConnectionIsNeverSentAgain() throws Exception {
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
          connection.readRequest();
          connection.answerJson(200, CONVERSATION);
          connection.readRequest(); // the second request, on the same connection: the agent may now run
          connection.socket().setSoLinger(true, 0);
          connection.socket().close(); // a reset, with no answer
        });
        MastraClient client = client(server)) {
      client.conversations().create(new ConversationCreateRequest().agentId("a"));

      assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId("a").input("x")))
          .isInstanceOf(MastraIOException.class);

      assertThat(server.requests()).hasSize(2);
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
