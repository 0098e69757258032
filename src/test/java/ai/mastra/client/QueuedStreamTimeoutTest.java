package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.RawHttpServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A listener stream that timed out while queued behind others is never sent: its call is cancelled, so when a
 * slot frees the dispatcher runs the next call instead (it runs queued calls in order, so the server's record
 * of requests shows it).
 */
class QueuedStreamTimeoutTest {
  private static final String RESPONSE = Capture.load("07").responseBody();

  @Test
  void aStreamThatTimedOutInTheQueueIsNeverSent() throws Exception {
    CountDownLatch streamOpen = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
          for (String request = connection.readRequest(); request != null; request = connection.readRequest()) {
            if (request.contains("\"long\"")) {
              connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: 14\r\n\r\n");
              streamOpen.countDown();
              release.await(10, TimeUnit.SECONDS);
              connection.write("data: [DONE]\n\n");
            } else {
              connection.answerJson(200, RESPONSE);
            }
          }
        });
        MastraClient client = MastraClient.builder().baseUrl(server.url()).maxConcurrentRequests(1).build()) {
      CompletableFuture<Response> first = client.async().responses().stream(
          new ResponseCreateRequest().agentId("a").input("long"), new ResponseStreamListener() {});
      assertThat(streamOpen.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Response> queued = client.async().responses().stream(
          new ResponseCreateRequest().agentId("a").input("queued"),
          RequestOptions.builder().timeout(Duration.ofMillis(200)).build(), new ResponseStreamListener() {});
      assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(MastraTimeoutException.class);
      CompletableFuture<Response> next = client.async().responses().create(
          new ResponseCreateRequest().agentId("a").input("next"));

      release.countDown();
      first.handle((r, e) -> null).get(10, TimeUnit.SECONDS);
      next.get(10, TimeUnit.SECONDS);

      assertThat(server.requests()).extracting(r -> r.replaceAll("(?s).*\"input\":\"([a-z]+)\".*", "$1"))
          .containsExactly("long", "next");
    }
  }
}
