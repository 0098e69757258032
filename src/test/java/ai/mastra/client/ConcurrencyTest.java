package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.RawHttpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Async calls and listener streams run many at once (OkHttp's default of 5 per host would queue the sixth
 * behind five long agent streams), a queued call's timeout counts its time in the queue, and the SDK's threads
 * never keep a JVM alive.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConcurrencyTest {
  private static final String RESPONSE = Capture.load("07").responseBody();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseServer() {
    release.countDown();
  }

  @Test
  void twentyAsyncCallsAreAllInFlightAtOnce() throws Exception {
    CountDownLatch allArrived = new CountDownLatch(20);
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
          connection.readRequest();
          allArrived.countDown();
          // answer only once all 20 are in: with fewer running at once this never happens
          if (allArrived.await(10, TimeUnit.SECONDS)) {
            connection.answerJson(200, RESPONSE);
          }
        });
        MastraClient client = MastraClient.builder().baseUrl(server.url()).build()) {
      List<CompletableFuture<Response>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(client.async().responses().create(new ResponseCreateRequest().agentId("a").input("n" + i)));
      }

      for (CompletableFuture<Response> call : calls) {
        assertThat(call.get(15, TimeUnit.SECONDS).getId()).isNotNull();
      }
      assertThat(allArrived.getCount()).isZero();
    }
  }

  @Test
  void aQueuedCallsTimeoutCountsItsTimeInTheQueue() throws Exception {
    CountDownLatch streamsOpen = new CountDownLatch(2);
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
          connection.readRequest();
          connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
          streamsOpen.countDown();
          release.await(10, TimeUnit.SECONDS); // a long agent stream
        });
        MastraClient client = MastraClient.builder().baseUrl(server.url()).maxConcurrentRequests(2).build()) {
      for (int i = 0; i < 2; i++) {
        client.async().responses().stream(new ResponseCreateRequest().agentId("a").input("long"),
            RequestOptions.builder().timeout(Duration.ofSeconds(20)).build(), new ResponseStreamListener() {});
      }
      assertThat(streamsOpen.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Response> queued = client.async().responses().retrieve("r1",
          RequestOptions.builder().timeout(Duration.ofMillis(500)).build());

      assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(MastraTimeoutException.class)
          .cause().hasMessage("GET /api/v1/responses/r1 timed out after 500 ms");
    }
  }

  @Test
  void aQueuedListenerStreamTimesOutByItsIdleTimeout() throws Exception {
    CountDownLatch streamOpen = new CountDownLatch(1);
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
          connection.readRequest();
          connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
          streamOpen.countDown();
          release.await(10, TimeUnit.SECONDS);
        });
        MastraClient client = MastraClient.builder().baseUrl(server.url()).maxConcurrentRequests(1).build()) {
      client.async().responses().stream(new ResponseCreateRequest().agentId("a").input("long"),
          RequestOptions.builder().timeout(Duration.ofSeconds(20)).build(), new ResponseStreamListener() {});
      assertThat(streamOpen.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Response> queued = client.async().responses().stream(
          new ResponseCreateRequest().agentId("a").input("queued"),
          RequestOptions.builder().timeout(Duration.ofMillis(300)).build(), new ResponseStreamListener() {});

      assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(MastraTimeoutException.class)
          .cause().hasMessageContaining("idle timeout of 300 ms (time queued included)");
    }
  }

  @Test
  void theDefaultLimitIs64CallsAndTheBuilderSetsIt() {
    try (MastraClient defaults = MastraClient.builder().build();
        MastraClient eight = MastraClient.builder().maxConcurrentRequests(8).build()) {
      Dispatcher dispatcher = defaults.transport().httpClient().dispatcher();
      assertThat(dispatcher.getMaxRequests()).isEqualTo(64);
      assertThat(dispatcher.getMaxRequestsPerHost()).isEqualTo(64);
      assertThat(eight.transport().httpClient().dispatcher().getMaxRequestsPerHost()).isEqualTo(8);
      assertThat(eight.transport().httpClient().dispatcher().getMaxRequests()).isEqualTo(8);
    }
    assertThatThrownBy(() -> MastraClient.builder().maxConcurrentRequests(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConcurrentRequests");
    OkHttpClient own = new OkHttpClient();
    assertThatThrownBy(() -> MastraClient.builder().httpClient(own).maxConcurrentRequests(8).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Dispatcher");
  }

  @Test
  void theSdksDispatcherThreadsAreDaemonsAndEndWithClose() throws Exception {
    CountDownLatch attached = new CountDownLatch(1);
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
          connection.readRequest();
          // answers only once the test's callback is attached: a callback attached to a completed future
          // would run on the test's own (non-daemon) thread
          attached.await(10, TimeUnit.SECONDS);
          connection.answerJson(200, RESPONSE);
        })) {
      MastraClient client = MastraClient.builder().baseUrl(server.url()).build();
      List<Thread> seen = new ArrayList<>();
      CompletableFuture<Void> done = client.async().responses().retrieve("r1")
          .thenRun(() -> seen.add(Thread.currentThread()));
      attached.countDown();
      done.get(10, TimeUnit.SECONDS);
      assertThat(seen).singleElement().satisfies(thread -> assertThat(thread.isDaemon()).isTrue());

      client.close();
      assertThat(client.transport().httpClient().dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS))
          .as("the dispatcher's threads end after close()").isTrue();
    }
  }
}
