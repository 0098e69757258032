package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.testing.RawHttpServer;
import java.io.IOException;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * What {@link ConnectionSafety} remembers of each connection: the map of connections is pruned of closed ones
 * once it outgrows its bound (else every connection a long-lived client ever made would stay in it), and a
 * connection whose server announced {@code Keep-Alive: timeout=0} is never reused.
 */
class ConnectionSafetyTrackingTest {

  private static OkHttpClient client(ConnectionSafety safety, ConnectionPool pool) {
    OkHttpClient.Builder builder = new OkHttpClient.Builder().connectionPool(pool);
    safety.installOn(builder);
    return builder.build();
  }

  private static void get(OkHttpClient client, String url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.body().string()).isEqualTo("ok");
    }
  }

  @Test
  void closedConnectionsLeaveTheMapOnceItHoldsMoreThanItsBound() throws Exception {
    // every answer closes its connection, so every request is on a fresh one
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
      if (connection.readRequest() != null) {
        connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
      }
    })) {
      ConnectionPool pool = new ConnectionPool();
      ConnectionSafety safety = ConnectionSafety.create(pool, HttpLogger.OFF);
      OkHttpClient client = client(safety, pool);
      int bound = ConnectionSafety.MIN_PRUNE_AT;
      for (int i = 0; i < bound; i++) {
        get(client, server.url() + "/r");
      }
      assertThat(server.connections()).isEqualTo(bound);
      assertThat(safety.trackedConnections()).isEqualTo(bound); // at the bound: nothing pruned yet

      get(client, server.url() + "/r");
      assertThat(safety.trackedConnections()).isEqualTo(1); // past it: only the one then in use stayed

      for (int i = bound + 1; i < 100; i++) {
        get(client, server.url() + "/r");
      }
      assertThat(server.connections()).isEqualTo(100);
      // pruned again at the 65th and the 97th connection: 97..100 are left
      assertThat(safety.trackedConnections()).isEqualTo(4);
      assertThat(server.failures()).isEmpty();
    }
  }

  @Test
  void aConnectionWhoseServerAnnouncedAKeepAliveTimeoutOfZeroIsNotReused() throws Exception {
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
      while (connection.readRequest() != null) {
        connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nKeep-Alive: timeout=0\r\n\r\nok");
      }
    })) {
      ConnectionPool pool = new ConnectionPool();
      OkHttpClient client = client(ConnectionSafety.create(pool, HttpLogger.OFF), pool);
      get(client, server.url() + "/a");
      get(client, server.url() + "/b");
      assertThat(server.connections()).isEqualTo(2);
      assertThat(server.requests()).containsExactly("GET /a ", "GET /b ");
      pool.evictAll(); // so the server's reads end and it stops at once
    }
  }

  @Test
  void aConnectionWithoutAKeepAliveTimeoutIsReusedAtOnce() throws Exception {
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
      while (connection.readRequest() != null) {
        connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
      }
    })) {
      ConnectionPool pool = new ConnectionPool();
      ConnectionSafety safety = ConnectionSafety.create(pool, HttpLogger.OFF);
      OkHttpClient client = client(safety, pool);
      get(client, server.url() + "/a");
      get(client, server.url() + "/b");
      assertThat(server.connections()).isEqualTo(1);
      assertThat(safety.trackedConnections()).isEqualTo(1);
      pool.evictAll(); // so the server's read ends and it stops at once
    }
  }
}
