package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.RawHttpServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stream gives its connection back as soon as it can: at its end, on a failure, when its listener throws,
 * when its future is cancelled or its headers never come; and its read lock never outlives a call, so another
 * thread can always go on reading or close it. The server here keeps every connection open until the client
 * closes it, and tells the test when that happens.
 */
class StreamReleaseTest {
  private static final String COMPLETED = "{\"type\":\"response.completed\",\"sequence_number\":2,\"response\":{"
      + "\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\",\"status\":\"completed\","
      + "\"output\":[]}}";
  private static final String DELTA = "{\"type\":\"response.output_text.delta\",\"sequence_number\":1,"
      + "\"item_id\":\"m1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hi\"}";

  private final CountDownLatch clientClosed = new CountDownLatch(1);
  private final CountDownLatch requested = new CountDownLatch(1);
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "stream-release-test");
    thread.setDaemon(true);
    return thread;
  });
  private RawHttpServer server;
  private MastraClient client;

  @AfterEach
  void tearDown() throws IOException {
    threads.shutdownNow();
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static String chunk(String text) {
    int length = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    return Integer.toHexString(length) + "\r\n" + text + "\r\n";
  }

  /** Answers with these SSE data lines in one unfinished chunked body (or no answer at all for null). */
  private void serve(String... data) throws IOException {
    server = new RawHttpServer((index, connection) -> {
      connection.readRequest();
      requested.countDown();
      if (data != null) {
        StringBuilder events = new StringBuilder();
        for (String line : data) {
          events.append("data: ").append(line).append("\n\n");
        }
        connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
            + chunk(events.toString()));
      }
      try {
        connection.awaitClientClose();
        clientClosed.countDown();
      } catch (IOException e) {
        // the socket's own read timeout: the client never closed; the test's latch says so
      }
    });
    client = MastraClient.builder().baseUrl(server.url()).build();
  }

  private static ResponseCreateRequest request() {
    return new ResponseCreateRequest().agentId("support-agent").input("hi");
  }

  private void assertConnectionClosed(String when) throws InterruptedException {
    assertThat(clientClosed.await(5, TimeUnit.SECONDS)).as("the connection is closed " + when).isTrue();
  }

  @Test
  void doneFreesTheConnectionBeforeCloseIsCalled() throws Exception {
    serve(DELTA, COMPLETED, "[DONE]");
    try (ResponseStream stream = client.responses().stream(request())) {
      assertThat(stream.finalResponse().getId()).isEqualTo("r1");
      assertConnectionClosed("at [DONE]");
    }
  }

  @Test
  void aFailingEventFreesTheConnectionBeforeCloseIsCalled() throws Exception {
    serve(DELTA, "{not json");
    try (ResponseStream stream = client.responses().stream(request())) {
      assertThatThrownBy(stream::finalResponse).isInstanceOf(MastraInvalidResponseException.class);
      assertConnectionClosed("when an event fails");
    }
  }

  private <T> T onAnotherThread(java.util.concurrent.Callable<T> work) throws Exception {
    Future<T> result = threads.submit(work);
    try {
      return result.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  @Test
  void afterFinalResponseAnotherThreadCanStillAskForMore() throws Exception {
    serve(DELTA, COMPLETED, "[DONE]");
    try (ResponseStream stream = client.responses().stream(request())) {
      stream.finalResponse();
      assertThat(onAnotherThread(() -> stream.iterator().hasNext())).isFalse();
    }
  }

  @Test
  void afterHasNextAnotherThreadTakesTheEvent() throws Exception {
    serve(DELTA, COMPLETED, "[DONE]");
    try (ResponseStream stream = client.responses().stream(request())) {
      assertThat(stream.iterator().hasNext()).isTrue();
      assertThat(onAnotherThread(() -> stream.iterator().next().type())).isEqualTo("response.output_text.delta");
    }
  }

  @Test
  void afterAnotherThreadClosedTheStreamReadingFailsAtOnceAndTheConnectionIsClosed() throws Exception {
    serve(DELTA, COMPLETED);
    ResponseStream stream = client.responses().stream(request());
    Thread closer = new Thread(stream::close); // a thread of its own, gone before the next read
    closer.start();
    closer.join(5_000);
    assertThat(closer.isAlive()).isFalse();
    assertConnectionClosed("by close()");
    assertThatThrownBy(() -> onAnotherThread(() -> stream.iterator().hasNext()))
        .isInstanceOf(MastraIOException.class)
        .hasMessageContaining("was cancelled");
  }

  /** A listener that records what it heard and can be told to throw on the first event. */
  private static final class Recorder implements ResponseStreamListener {
    final List<String> heard = new CopyOnWriteArrayList<>();
    final CountDownLatch errored = new CountDownLatch(1);
    final Consumer<StreamEvent> onEvent;

    Recorder(Consumer<StreamEvent> onEvent) {
      this.onEvent = onEvent;
    }

    @Override
    public void onEvent(StreamEvent event) {
      heard.add(event.type());
      onEvent.accept(event);
    }

    @Override
    public void onComplete(Response response) {
      heard.add("complete");
    }

    @Override
    public void onError(MastraException error) {
      heard.add("error " + error.getClass().getSimpleName());
      errored.countDown();
    }
  }

  @Test
  void aListenerThatThrowsFreesTheConnection() throws Exception {
    serve(DELTA, COMPLETED); // no [DONE]: the body stays open
    Recorder listener = new Recorder(event -> {
      throw new IllegalStateException("planted");
    });
    CompletableFuture<Response> future = client.responses().stream(request(), listener);
    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    assertConnectionClosed("when the listener throws");
    assertThat(listener.heard).containsExactly("response.output_text.delta");
  }

  @Test
  void cancellingTheFutureBeforeTheHeadersCancelsTheCall() throws Exception {
    serve((String[]) null); // reads the request, never answers
    CompletableFuture<Response> future = client.responses().stream(request(), new Recorder(event -> {}));
    awaitRequest();
    assertThat(future.cancel(true)).isTrue();
    assertConnectionClosed("when the future is cancelled");
    assertThat(future.isCancelled()).isTrue();
  }

  @Test
  void cancellingAFinishedFutureReturnsFalse() throws Exception {
    serve(DELTA, COMPLETED, "[DONE]");
    CompletableFuture<Response> future = client.responses().stream(request(), new Recorder(event -> {}));
    assertThat(future.get(5, TimeUnit.SECONDS).getId()).isEqualTo("r1");
    assertThat(future.cancel(true)).isFalse();
    assertThat(future.isCancelled()).isFalse();
  }

  @Test
  void headersThatNeverComeTimeOutAndTheCallIsCancelled() throws Exception {
    serve((String[]) null);
    Recorder listener = new Recorder(event -> {});
    CompletableFuture<Response> future = client.responses().stream(
        request(), RequestOptions.builder().timeout(Duration.ofMillis(300)).build(), listener);
    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MastraTimeoutException.class);
    assertThat(listener.heard).containsExactly("error MastraTimeoutException");
    assertConnectionClosed("when the headers time out");
  }

  @Test
  void aConnectionThatCannotBeMadeReachesTheListenerAndTheFuture() throws Exception {
    java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
    int port = closed.getLocalPort();
    closed.close();
    client = MastraClient.builder().baseUrl("http://127.0.0.1:" + port).maxRetries(0).build();
    Recorder listener = new Recorder(event -> {});
    CompletableFuture<Response> future = client.responses().stream(request(), listener);
    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MastraIOException.class);
    assertThat(listener.errored.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(listener.heard).containsExactly("error MastraIOException");
  }

  private void awaitRequest() throws InterruptedException {
    assertThat(requested.await(5, TimeUnit.SECONDS)).as("the server has the request").isTrue();
  }

  @Test
  void anAnswerThatIsNotAnEventStreamIsRefusedAndItsConnectionGivenBack() throws Exception {
    server = new RawHttpServer((index, connection) -> {
      while (connection.readRequest() != null) {
        // larger than the 64 KiB the SDK peeks at for the message: the rest is never read
        connection.answerJson(200, "{\"not\":\"a stream\",\"pad\":\"" + "x".repeat(100_000) + "\"}");
      }
    });
    client = MastraClient.builder().baseUrl(server.url()).build();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> client.responses().stream(request()))
          .isInstanceOf(MastraInvalidResponseException.class)
          .hasMessageContaining("expected a text/event-stream answer, got application/json");
    }
    okhttp3.ConnectionPool pool = client.transport().httpClient().connectionPool();
    assertThat(pool.connectionCount() - pool.idleConnectionCount()).as("connections still in use").isZero();
    assertThat(server.connections()).as("the second call reused the first one's connection").isEqualTo(1);
  }

  @Test
  void aListenerStreamOnAClientWithoutReadTimeoutHasNoHeadersTimer() throws Exception {
    serve(DELTA, COMPLETED, "[DONE]");
    okhttp3.OkHttpClient noTimeout = new okhttp3.OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
    try {
      client.close();
      client = MastraClient.builder().baseUrl(server.url()).httpClient(noTimeout).build();
      Recorder listener = new Recorder(event -> {});
      CompletableFuture<Response> future = client.responses().stream(request(), listener);
      assertThat(future.get(5, TimeUnit.SECONDS).getId()).isEqualTo("r1");
      assertThat(listener.heard).containsExactly("response.output_text.delta", "response.completed", "complete");
    } finally {
      noTimeout.dispatcher().executorService().shutdown();
      noTimeout.connectionPool().evictAll();
    }
  }
}
