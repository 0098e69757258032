package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.internal.Transport;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.RawHttpServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The transport's decisions at their edges: which status is a server error, which timeout is which, what an
 * interrupt during a retry wait does, and that a failed or cancelled async call lets go of its connection.
 */
class TransportEdgesTest {
  private final CountDownLatch clientClosed = new CountDownLatch(1);
  private final CountDownLatch requested = new CountDownLatch(1);
  private RawHttpServer server;
  private MastraClient client;

  @AfterEach
  void tearDown() throws IOException {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** A server that reads each request and never answers; it records when the client closes the connection. */
  private String silentServer() throws IOException {
    server = new RawHttpServer((index, connection) -> {
      connection.readRequest();
      requested.countDown();
      try {
        connection.awaitClientClose();
        clientClosed.countDown();
      } catch (IOException e) {
        // the socket's read timeout: the client never closed
      }
    });
    return server.url();
  }

  private static ResponseCreateRequest request() {
    return new ResponseCreateRequest().agentId("support-agent").input("hi");
  }

  @Test
  void statusesFrom500To599AreServerErrorsAndOthersApiErrors() {
    for (int status : new int[] {500, 503, 599}) {
      assertThat(Transport.toException("GET", "http://x/api", status, Collections.emptyMap(), ""))
          .as("HTTP %d", status).isInstanceOf(ServerException.class);
    }
    for (int status : new int[] {418, 499, 600}) {
      assertThat(Transport.toException("GET", "http://x/api", status, Collections.emptyMap(), ""))
          .as("HTTP %d", status).isNotInstanceOf(ServerException.class).isInstanceOf(ApiException.class);
    }
  }

  @Test
  void aReadTimeoutIsTheClientsTimeoutNotTheCallsEvenWithAPerCallTimeout() throws Exception {
    client = MastraClient.builder().baseUrl(silentServer()).readTimeout(Duration.ofMillis(300)).maxRetries(0).build();
    RequestOptions tenSeconds = RequestOptions.builder().timeout(Duration.ofSeconds(10)).build();
    assertThatThrownBy(() -> client.responses().retrieve("resp_1", tenSeconds))
        .isInstanceOf(MastraTimeoutException.class)
        .hasMessageContaining("no answer within the client's timeout")
        .hasMessageNotContaining("after 10 s");
  }

  @Test
  void theOkHttpClientsOwnCallTimeoutIsNamedAsSuch() throws Exception {
    OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofMillis(300)).build();
    try {
      client = MastraClient.builder().baseUrl(silentServer()).httpClient(http).maxRetries(0).build();
      assertThatThrownBy(() -> client.responses().retrieve("resp_1"))
          .isInstanceOf(MastraTimeoutException.class)
          .hasMessageContaining("the OkHttp client's call timeout");
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Test
  void aRefusedConnectionUnderAPerCallTimeoutIsAnIoFailureNotATimeout() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    client = MastraClient.builder().baseUrl("http://127.0.0.1:" + port).maxRetries(0).build();
    RequestOptions tenSeconds = RequestOptions.builder().timeout(Duration.ofSeconds(10)).build();
    assertThatThrownBy(() -> client.responses().retrieve("resp_1", tenSeconds))
        .isInstanceOf(MastraIOException.class)
        .isNotInstanceOf(MastraTimeoutException.class)
        .hasMessageContaining("GET /api/v1/responses/resp_1 failed");
    assertThatThrownBy(() -> client.async().responses().retrieve("resp_1", tenSeconds).get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(MastraIOException.class)
        .cause().isNotInstanceOf(MastraTimeoutException.class);
  }

  @Test
  void anInterruptDuringARetryWaitEndsTheCallWithTheFlagKept() throws Exception {
    CountDownLatch answered = new CountDownLatch(1);
    server = new RawHttpServer((index, connection) -> {
      connection.readRequest();
      connection.write("HTTP/1.1 503 Busy\r\nRetry-After: 30\r\nContent-Length: 0\r\n\r\n");
      answered.countDown();
      connection.readRequest(); // a retry would come here; none must
    });
    client = MastraClient.builder().baseUrl(server.url()).maxRetries(2).build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flagKept = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        client.responses().retrieve("resp_1");
      } catch (Throwable e) {
        thrown.set(e);
      }
      flagKept.set(Thread.currentThread().isInterrupted());
    });
    caller.setDaemon(true);
    caller.start();
    assertThat(answered.await(5, TimeUnit.SECONDS)).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (caller.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // until the caller is in its 30 s wait before the retry
    }
    caller.interrupt();
    caller.join(2_000); // short on purpose, see TimeoutsAndInterruptsTest.assertInterruptible
    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get())
        .isInstanceOf(MastraIOException.class)
        .hasMessageContaining("(while waiting to retry) was interrupted")
        .hasCauseInstanceOf(InterruptedIOException.class);
    assertThat(flagKept.get()).isTrue();
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void anAsyncCallThatTimesOutLetsGoOfItsConnection() throws Exception {
    client = MastraClient.builder().baseUrl(silentServer()).build();
    CompletableFuture<Response> future = client.async().responses()
        .create(request(), RequestOptions.builder().timeout(Duration.ofMillis(300)).build());
    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MastraTimeoutException.class);
    assertThat(clientClosed.await(5, TimeUnit.SECONDS)).as("the timed-out call's connection is closed").isTrue();
  }

  @Test
  void cancellingAnAsyncCallClosesItsConnection() throws Exception {
    client = MastraClient.builder().baseUrl(silentServer()).build();
    CompletableFuture<Response> pending = client.async().responses().create(request());
    assertThat(requested.await(5, TimeUnit.SECONDS)).as("the server has the request").isTrue();
    assertThat(pending.cancel(true)).isTrue();
    assertThat(clientClosed.await(5, TimeUnit.SECONDS)).as("the cancelled call's connection is closed").isTrue();
    assertThat(pending.isCancelled()).isTrue();
  }

  @Test
  void cancellingAFinishedAsyncCallReturnsFalseAndKeepsItsValue() throws Exception {
    server = new RawHttpServer((index, connection) -> {
      connection.readRequest();
      connection.answerJson(200, "{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\","
          + "\"status\":\"completed\",\"output\":[]}");
    });
    client = MastraClient.builder().baseUrl(server.url()).build();
    CompletableFuture<Response> done = client.async().responses().create(request());
    assertThat(done.get(5, TimeUnit.SECONDS).getId()).isEqualTo("r1");
    assertThat(done.cancel(true)).isFalse();
    assertThat(done.isCancelled()).isFalse();
  }
}
