package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.RawHttpServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The other side of {@link StaleConnectionTest}: a connection that is still good is used again. The idle gaps
 * are real (1.1 s), as between a user's requests; nothing else waits on time.
 */
class ConnectionReuseTest {
  private static final String RESPONSE = Capture.load("07").responseBody();

  /** Answers every request on a connection and keeps it open, announcing {@code keepAlive} if not null. */
  private static RawHttpServer server(String keepAlive) throws java.io.IOException {
    return new RawHttpServer((index, connection) -> {
      while (connection.readRequest() != null) {
        connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + (keepAlive == null ? "" : "Keep-Alive: " + keepAlive + "\r\n")
            + "Content-Length: " + RESPONSE.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + RESPONSE);
      }
    });
  }

  private static void create(MastraClient client, String input) {
    client.responses().create(new ResponseCreateRequest().agentId("a").input(input));
  }

  @Test
  void anIdleConnectionThatIsStillOpenIsProbedAndUsedAgain() throws Exception {
    try (RawHttpServer server = server(null);
        MastraClient client = MastraClient.builder().baseUrl(server.url()).maxRetries(0).build()) {
      create(client, "first");
      Thread.sleep(1100); // the idle gap itself: past the 1 s after which the connection is probed
      create(client, "after the gap");
      create(client, "at once");

      assertThat(server.connections()).as("one connection for all three").isEqualTo(1);
      assertThat(server.requests()).hasSize(3);
    }
  }

  @Test
  void aConnectionIsNotUsedOnceItsAnnouncedKeepAliveLessASecondHasPassedButIsBefore() throws Exception {
    try (RawHttpServer server = server("timeout=2");
        MastraClient client = MastraClient.builder().baseUrl(server.url()).maxRetries(0).build()) {
      create(client, "first");
      create(client, "at once, on the same connection");
      Thread.sleep(1100); // the idle gap: past 2 s less the 1 s margin, though the server has not closed yet
      create(client, "after the gap, on a fresh connection");
      create(client, "at once again");

      assertThat(server.connections()).as("the first connection, then a fresh one").isEqualTo(2);
      assertThat(server.requests()).hasSize(4);
    }
  }
}
