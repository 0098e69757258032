package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.RawHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cancelling the future of a listener stream while it is being read closes the stream itself, not only the
 * HTTP call: events already received but not yet delivered are dropped, so the listener hears nothing more.
 */
class StreamFutureCancelTest {
  private static final String DELTA = "{\"type\":\"response.output_text.delta\",\"sequence_number\":1,"
      + "\"item_id\":\"m1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hi\"}";
  private static final String COMPLETED = "{\"type\":\"response.completed\",\"sequence_number\":2,\"response\":{"
      + "\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\",\"status\":\"completed\","
      + "\"output\":[]}}";

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

  @Test
  void cancellingTheFutureFromTheListenerDropsTheEventsAlreadyReceived() throws Exception {
    // both events arrive in one chunk, so the second is in the client's buffer when the first is delivered
    String events = "data: " + DELTA + "\n\ndata: " + COMPLETED + "\n\n";
    int length = events.getBytes(StandardCharsets.UTF_8).length;
    server = new RawHttpServer((index, connection) -> {
      connection.readRequest();
      connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
          + Integer.toHexString(length) + "\r\n" + events + "\r\n");
      connection.awaitClientClose();
    });
    client = MastraClient.builder().baseUrl(server.url()).build();
    List<String> heard = new CopyOnWriteArrayList<>();
    AtomicReference<CompletableFuture<Response>> future = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    ResponseStreamListener listener = new ResponseStreamListener() {
      @Override
      public void onEvent(StreamEvent event) {
        heard.add(event.type());
        try {
          assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        future.get().cancel(true);
      }

      @Override
      public void onComplete(Response response) {
        heard.add("complete");
        done.countDown();
      }

      @Override
      public void onError(MastraException error) {
        heard.add("error");
        done.countDown();
      }
    };
    future.set(client.responses().stream(
        new ResponseCreateRequest().agentId("support-agent").input("hi"), listener));
    started.countDown();
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(future.get().isCancelled()).isTrue();
    assertThat(heard).containsExactly("response.output_text.delta", "error");
  }
}
