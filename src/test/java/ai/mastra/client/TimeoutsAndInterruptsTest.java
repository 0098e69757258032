package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.RawHttpServer;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing hangs by default: a silent or stalled server ends every call by a timeout, an interrupted caller gets
 * its thread back, and a per-call timeout means the whole call. The raw server here reads a request and then
 * stays silent until the test ends (its sockets time out after 10 s at the latest).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TimeoutsAndInterruptsTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch requestRead = new CountDownLatch(1);

  @AfterEach
  void releaseServer() {
    release.countDown();
  }

  /** Reads a request, signals it, then says nothing. */
  private RawHttpServer silentServer() throws Exception {
    return new RawHttpServer((index, connection) -> {
      connection.readRequest();
      requestRead.countDown();
      release.await(10, TimeUnit.SECONDS);
    });
  }

  /** Answers a stream's headers and one event, then stalls. */
  private RawHttpServer stallingStreamServer() throws Exception {
    return new RawHttpServer((index, connection) -> {
      connection.readRequest();
      connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
      String event = "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\","
          + "\"sequence_number\":1,\"item_id\":\"m\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hi\"}\n\n";
      connection.write(Integer.toHexString(event.length()) + "\r\n" + event + "\r\n");
      requestRead.countDown();
      release.await(10, TimeUnit.SECONDS);
    });
  }

  private static ResponseCreateRequest turn() {
    return new ResponseCreateRequest().agentId("a").input("x");
  }

  @Test
  void aStreamFromASilentServerEndsByTheDefaultIdleTimeoutTheClientsReadTimeout() throws Exception {
    try (RawHttpServer server = silentServer();
        MastraClient client = MastraClient.builder().baseUrl(server.url()).readTimeout(Duration.ofMillis(300)).build()) {
      assertThatThrownBy(() -> client.responses().stream(turn()))
          .isInstanceOf(MastraTimeoutException.class);
    }
  }

  @Test
  void aStreamThatStallsMidwayEndsByTheDefaultIdleTimeout() throws Exception {
    try (RawHttpServer server = stallingStreamServer();
        MastraClient client = MastraClient.builder().baseUrl(server.url()).readTimeout(Duration.ofMillis(300)).build();
        ResponseStream stream = client.responses().stream(turn())) {
      Iterator<StreamEvent> events = stream.iterator();
      assertThat(events.next().asOutputTextDelta().getDelta()).isEqualTo("Hi");
      assertThatThrownBy(events::hasNext)
          .isInstanceOf(MastraTimeoutException.class)
          .hasMessageContaining("nothing arrived within the stream's idle timeout of 300 ms");
    }
  }

  @Test
  void aListenerStreamThatStallsEndsByItsIdleTimeoutAndCompletesTheFuture() throws Exception {
    try (RawHttpServer server = stallingStreamServer();
        MastraClient client = MastraClient.builder().baseUrl(server.url()).build()) {
      AtomicReference<MastraException> heard = new AtomicReference<>();
      CompletableFuture<?> done = client.responses().stream(turn(),
          RequestOptions.builder().timeout(Duration.ofMillis(300)).build(),
          new ResponseStreamListener() {
            @Override
            public void onError(MastraException error) {
              heard.set(error);
            }
          });

      assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(MastraTimeoutException.class);
      assertThat(heard.get()).isInstanceOf(MastraTimeoutException.class);
    }
  }

  @Test
  void aPerCallTimeoutIsReportedAsATimeoutNotACancel() throws Exception {
    try (RawHttpServer server = silentServer();
        MastraClient client = MastraClient.builder().baseUrl(server.url()).build()) {
      assertThatThrownBy(() -> client.conversations().create(new ConversationCreateRequest().agentId("a"),
              RequestOptions.builder().timeout(Duration.ofSeconds(1)).build()))
          .isInstanceOf(MastraTimeoutException.class)
          .hasMessage("POST /api/v1/conversations timed out after 1 s");
    }
  }

  @Test
  void anAsyncPerCallTimeoutIsReportedAsATimeout() throws Exception {
    try (RawHttpServer server = silentServer();
        MastraClient client = MastraClient.builder().baseUrl(server.url()).build()) {
      CompletableFuture<?> call = client.async().responses().retrieve("r1",
          RequestOptions.builder().timeout(Duration.ofMillis(500)).build());

      assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(MastraTimeoutException.class)
          .cause().hasMessage("GET /api/v1/responses/r1 timed out after 500 ms");
    }
  }

  @Test
  void aSubMillisecondTimeoutIsATimeoutNotNoTimeout() throws Exception {
    try (RawHttpServer server = silentServer();
        MastraClient client = MastraClient.builder().baseUrl(server.url()).build()) {
      assertThatThrownBy(() -> client.responses().retrieve("r1",
              RequestOptions.builder().timeout(Duration.ofNanos(1)).build()))
          .isInstanceOf(MastraTimeoutException.class)
          .hasMessage("GET /api/v1/responses/r1 timed out after 0.000001 ms");
      CompletableFuture<?> async = client.async().responses().retrieve("r1",
          RequestOptions.builder().timeout(Duration.ofNanos(500)).build());
      assertThatThrownBy(() -> async.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(MastraTimeoutException.class);
    }
  }

  @Test
  void aSubMillisecondClientReadTimeoutIsStillATimeout() throws Exception {
    try (RawHttpServer server = silentServer();
        MastraClient client = MastraClient.builder().baseUrl(server.url()).maxRetries(0)
            .readTimeout(Duration.ofNanos(1)).build()) {
      assertThatThrownBy(() -> client.responses().retrieve("r1")).isInstanceOf(MastraTimeoutException.class);
    }
  }

  @Test
  void absurdTimeoutsAreRefusedAtOnce() {
    assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout must be at most 24 hours");
    assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MastraClient.builder().readTimeout(Duration.ofDays(365)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> MastraClient.builder().connectTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout must be positive");
    assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theWholeCallTimeoutCoversRetriesAndTheirWaits() throws Exception {
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
          connection.readRequest();
          connection.write("HTTP/1.1 503 X\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n");
        });
        MastraClient client = MastraClient.builder().baseUrl(server.url()).maxRetries(10).build()) {
      // Retry-After: 1 s, but only 500 ms are left: the 503 is thrown at once rather than waited out.
      assertThatThrownBy(() -> client.responses().retrieve("r1",
              RequestOptions.builder().timeout(Duration.ofMillis(500)).build()))
          .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void interruptingABlockingCreateEndsItWithTheFlagKept() throws Exception {
    try (RawHttpServer server = silentServer();
        MastraClient client = MastraClient.builder().baseUrl(server.url()).build()) {
      assertInterruptible(() -> client.responses().create(turn()));
    }
  }

  @Test
  void interruptingABlockingRetrieveEndsIt() throws Exception {
    try (RawHttpServer server = silentServer();
        MastraClient client = MastraClient.builder().baseUrl(server.url()).build()) {
      assertInterruptible(() -> client.conversations().retrieve("c1"));
    }
  }

  @Test
  void interruptingAStreamThatWaitsForItsHeadersEndsIt() throws Exception {
    try (RawHttpServer server = silentServer();
        MastraClient client = MastraClient.builder().baseUrl(server.url()).build()) {
      assertInterruptible(() -> client.responses().stream(turn()).close());
    }
  }

  @Test
  void interruptingAReaderOfAStalledStreamEndsIt() throws Exception {
    try (RawHttpServer server = stallingStreamServer();
        MastraClient client = MastraClient.builder().baseUrl(server.url()).build();
        ResponseStream stream = client.responses().stream(turn())) {
      Iterator<StreamEvent> events = stream.iterator();
      events.next();
      assertInterruptible(events::hasNext);
    }
  }

  @Test
  void aCallOnAnAlreadyInterruptedThreadFailsAtOnce() {
    MastraClient client = MastraClient.builder().baseUrl("http://127.0.0.1:9").build();
    try {
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> client.conversations().retrieve("c1"))
          .isInstanceOf(MastraIOException.class)
          .hasMessageContaining("was interrupted");
      assertThat(Thread.interrupted()).as("the interrupt flag is kept").isTrue();
    } finally {
      Thread.interrupted();
      client.close();
    }
  }

  /** Runs {@code call} on a thread that is interrupted once the server has the request. */
  private void assertInterruptible(Runnable call) throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flagKept = new AtomicReference<>();
    CountDownLatch finished = new CountDownLatch(1);
    Thread caller = new Thread(() -> {
      try {
        call.run();
      } catch (Throwable e) {
        thrown.set(e);
      } finally {
        flagKept.set(Thread.currentThread().isInterrupted());
        finished.countDown();
      }
    });
    caller.start();
    assertThat(requestRead.await(10, TimeUnit.SECONDS)).as("the server got the request").isTrue();
    caller.interrupt();

    // 2 s: 200 times the watchdog's 10 ms poll. Short on purpose: a broken watchdog (a mutant) then fails
    // this test before PIT's timeout cuts it off, which would cost a new minion
    assertThat(finished.await(2, TimeUnit.SECONDS)).as("the call ended after the interrupt").isTrue();
    assertThat(thrown.get()).isInstanceOf(MastraIOException.class).hasMessageContaining("was interrupted")
        .hasCauseInstanceOf(InterruptedIOException.class);
    assertThat(flagKept.get()).as("the interrupt flag is kept").isTrue();
  }
}
