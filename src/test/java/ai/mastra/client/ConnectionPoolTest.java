package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.RawHttpServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The client the SDK creates keeps as many idle connections as calls may run at once: many callers reuse
 * their connections instead of closing all but OkHttp's default of 5 and opening new ones.
 */
class ConnectionPoolTest {
  private static final String RESPONSE = Capture.load("07").responseBody();
  private static final int CALLERS = 12;
  private final AtomicInteger closedByTheClient = new AtomicInteger();
  private final CountDownLatch fourClosed = new CountDownLatch(CALLERS - 8);

  /**
   * Holds each request until {@code CALLERS} requests of its wave have arrived, so every wave has that many
   * connections in use at once; then answers and keeps the connection open.
   */
  private RawHttpServer server() throws java.io.IOException {
    AtomicInteger requests = new AtomicInteger();
    CountDownLatch[] waves = {new CountDownLatch(CALLERS), new CountDownLatch(CALLERS)};
    return new RawHttpServer((index, connection) -> {
      while (connection.readRequest() != null) {
        CountDownLatch wave = waves[Math.min(requests.getAndIncrement() / CALLERS, 1)];
        wave.countDown();
        wave.await(10, TimeUnit.SECONDS);
        connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + RESPONSE.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + RESPONSE);
      }
      closedByTheClient.incrementAndGet();
      fourClosed.countDown();
    });
  }

  /** {@code CALLERS} blocking calls at once, from as many threads. */
  private static void wave(MastraClient client, ExecutorService callers) throws Exception {
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      calls.add(callers.submit(() -> client.responses().create(new ResponseCreateRequest().agentId("a").input("hi"))));
    }
    for (Future<?> call : calls) {
      call.get(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void twelveCallersAtOnceReuseTheirTwelveConnections() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try (RawHttpServer server = server();
        MastraClient client = MastraClient.builder().baseUrl(server.url()).maxRetries(0).build()) {
      wave(client, callers);
      wave(client, callers);

      assertThat(server.requests()).hasSize(2 * CALLERS);
      assertThat(server.connections()).as("the first wave's connections, all kept for the second").isEqualTo(CALLERS);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void theIdleConnectionsKeptFollowMaxConcurrentRequests() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try (RawHttpServer server = server();
        MastraClient client =
            MastraClient.builder().baseUrl(server.url()).maxRetries(0).maxConcurrentRequests(8).build()) {
      wave(client, callers);
      // the pool closes the idle connections beyond 8 in a task of its own, soon after the calls end
      assertThat(fourClosed.await(10, TimeUnit.SECONDS)).as("4 idle connections closed").isTrue();
      assertThat(closedByTheClient.get()).as("idle connections closed beyond 8").isEqualTo(CALLERS - 8);
      wave(client, callers);

      assertThat(server.requests()).hasSize(2 * CALLERS);
      assertThat(server.connections()).as("8 of the first wave's connections kept, 4 opened again")
          .isEqualTo(CALLERS + 4);
    } finally {
      callers.shutdownNow();
    }
  }
}
