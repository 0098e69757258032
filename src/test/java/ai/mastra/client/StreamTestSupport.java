package ai.mastra.client;

import ai.mastra.client.internal.Json;
import ai.mastra.client.model.Response;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;

/** Helpers of the streaming tests: recorded captures, and a MockWebServer answer written step by step. */
final class StreamTestSupport {
  private StreamTestSupport() {}

  static final String SSE = "text/event-stream; charset=utf-8";

  /** Returns the whole recorded exchange {@code sse/<name>.json} (copied from the real server's captures). */
  static JsonObject capture(String name) {
    try (InputStream in = StreamTestSupport.class.getResourceAsStream("/sse/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no capture " + name);
      }
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the raw SSE body of a recorded stream. */
  static String captureBody(String name) {
    return capture(name).getAsJsonObject("response").get("body").getAsString();
  }

  /**
   * Returns the response of the {@code response.completed} frame of a raw SSE body, found by plain string
   * handling (not by the SDK's parser), to compare the SDK's results with.
   */
  static Response completedResponseOf(String sseBody) {
    for (String frame : sseBody.split("\n\n")) {
      if (frame.startsWith("event: response.completed\n")) {
        String data = frame.substring(frame.indexOf("\ndata: ") + "\ndata: ".length());
        JsonObject event = JsonParser.parseString(data).getAsJsonObject();
        return Json.GSON.fromJson(event.get("response"), Response.class);
      }
    }
    throw new IllegalArgumentException("no response.completed frame");
  }

  /** Returns the frames (each without its blank line) of a raw SSE body. */
  static List<String> frames(String sseBody) {
    List<String> frames = new ArrayList<>();
    for (String frame : sseBody.split("\n\n")) {
      if (!frame.isEmpty()) {
        frames.add(frame);
      }
    }
    return frames;
  }

  /** One SSE frame as Mastra writes it. */
  static String frame(String type, String json) {
    return "event: " + type + "\ndata: " + json + "\n\n";
  }

  static String delta(int sequence, String text) {
    return frame(
        "response.output_text.delta",
        "{\"type\":\"response.output_text.delta\",\"output_index\":0,\"content_index\":0,\"item_id\":\"msg_1\","
            + "\"delta\":" + Json.GSON.toJson(text) + ",\"sequence_number\":" + sequence + "}");
  }

  static String completed(int sequence, String status, String text) {
    return frame(
        "response.completed",
        "{\"type\":\"response.completed\",\"response\":{\"id\":\"msg_1\",\"object\":\"response\","
            + "\"created_at\":1,\"completed_at\":2,\"model\":\"mock/echo-model\",\"status\":\"" + status + "\","
            + "\"output\":[{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"status\":\"" + status
            + "\",\"content\":[{\"type\":\"output_text\",\"text\":" + Json.GSON.toJson(text)
            + ",\"annotations\":[],\"logprobs\":[]}]}]},\"sequence_number\":" + sequence + "}");
  }

  /** Writes an HTTP/1.1 chunked SSE body by hand, one flushed chunk at a time. */
  static final class Writer {
    private final BufferedSink sink;
    private final okio.Socket socket;

    Writer(okio.Socket socket) {
      this.socket = socket;
      this.sink = Okio.buffer(socket.getSink());
    }

    /** Sends {@code text} as one HTTP chunk, now. */
    Writer chunk(String text) throws IOException {
      return chunk(text.getBytes(StandardCharsets.UTF_8));
    }

    Writer chunk(byte[] bytes) throws IOException {
      sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n");
      sink.flush();
      return this;
    }

    /** Ends the body properly. */
    void end() throws IOException {
      sink.writeUtf8("0\r\n\r\n");
      sink.flush();
    }

    /** Waits until the client closes the connection; see {@link StreamTestSupport#clientLeaves}. */
    boolean clientLeaves() {
      return StreamTestSupport.clientLeaves(socket);
    }

    /** Drops the connection without ending the body. */
    void drop() {
      socket.cancel();
    }
  }

  /** What the server does with the connection once the headers are sent. */
  interface Script {
    void run(Writer writer) throws Exception;
  }

  /**
   * A 200 {@code text/event-stream} answer whose chunked body {@code script} writes on the server's thread.
   * {@code done} counts down when the script returns or fails; a failure (e.g. the client went away) is kept
   * in {@code failures}.
   */
  static MockResponse scripted(Script script, CountDownLatch done, List<Throwable> failures) {
    return new MockResponse.Builder()
        .code(200)
        .removeHeader("Content-Length")
        .setHeader("Content-Type", SSE)
        .setHeader("Transfer-Encoding", "chunked")
        .socketHandler(
            socket -> {
              try {
                script.run(new Writer(socket));
              } catch (Exception e) {
                failures.add(e);
              } finally {
                done.countDown();
              }
            })
        .build();
  }

  /**
   * Waits until the server's end of the connection sees the client go (end of stream or reset on read): the
   * client closed its socket. Bounded by a 10 s read timeout. Returns whether it saw that.
   */
  static boolean clientLeaves(okio.Socket socket) {
    okio.Source source = socket.getSource();
    source.timeout().timeout(10, TimeUnit.SECONDS);
    okio.Buffer sink = new okio.Buffer();
    try {
      while (source.read(sink, 8192) != -1) {
        sink.clear(); // the client sends nothing more on this connection; ignore it if it does
      }
      return true;
    } catch (java.io.InterruptedIOException timedOut) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  /**
   * A network interceptor that counts the body bytes the client has read, and notes each read that starts:
   * a test can then wait until the client has read up to a point and is blocked waiting for more, instead of
   * sleeping and hoping it has.
   */
  static final class BodyReads implements okhttp3.Interceptor {
    private long read; // guarded by this
    private long readStartedAt = -1; // guarded by this: the bytes read when the latest read() began

    @Override
    public okhttp3.Response intercept(Chain chain) throws IOException {
      okhttp3.Response response = chain.proceed(chain.request());
      okhttp3.ResponseBody body = response.body();
      BufferedSource counted = Okio.buffer(new okio.ForwardingSource(body.source()) {
        @Override
        public long read(okio.Buffer sink, long byteCount) throws IOException {
          started();
          long n = super.read(sink, byteCount);
          if (n > 0) {
            added(n);
          }
          return n;
        }
      });
      return response.newBuilder()
          .body(okhttp3.ResponseBody.create(counted, body.contentType(), body.contentLength()))
          .build();
    }

    private synchronized void started() {
      readStartedAt = read;
      notifyAll();
    }

    private synchronized void added(long n) {
      read += n;
      notifyAll();
    }

    /**
     * Waits (at most 10 s) until the client has read {@code bytes} body bytes and has begun another read: it
     * is blocked waiting for bytes the server has not sent yet.
     */
    synchronized boolean awaitBlockedAfter(long bytes) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (readStartedAt < bytes) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    }
  }

  static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
