package ai.mastra.client.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's loopback server: HTTP/1.1 with keep-alive on raw sockets, a thread per connection, answering
 * at once with bytes prepared in advance from real Mastra answers ({@code src/test/resources/captures} and
 * {@code sse}): {@code POST /api/v1/responses} the answer of capture 07, {@code GET
 * /api/v1/conversations/{id}/items} a page of 100 items cycled from capture 21 (user and assistant messages, a
 * function call and its output), and a streamed {@code POST /api/v1/responses} the events of capture 25 with
 * as many text deltas as its input asks for ({@code "input": "deltas=1000000"}); with {@code "input":
 * "latency"} the first delta's text is the server's wall clock in microseconds when it wrote it ({@code
 * t=0001795588740123456 }), so any client, Java or Node, can tell how long it took to reach its caller.
 *
 * <p>No request is recorded and nothing is parsed beyond the request line, the Content-Length and the input:
 * the server must not be the bottleneck ({@link BenchRunner} measures and prints its ceiling).
 */
final class BenchServer implements Closeable {
  static final String[] WORDS = {"Echo: ", "Stream ", "this ", "reply ", "please "};
  private static final int BLOCK = 1000; // deltas per prepared block (a multiple of WORDS.length)
  static final int TIMESTAMP_DIGITS = 19;

  private final ServerSocket socket;
  private final byte[] createAnswer;
  private final byte[] itemsAnswer;
  private final byte[] streamHead;
  private final byte[][] deltaEvents = new byte[BLOCK][];
  private final byte[] deltaBlock;
  private final String deltaTemplate;
  private final List<String> tailTemplates = new ArrayList<>();
  private final String sampleText;
  private final Map<Integer, byte[]> tails = new ConcurrentHashMap<>();
  private final List<Socket> connections = new ArrayList<>();
  private volatile boolean closed;

  BenchServer(Path resources) throws IOException {
    JsonObject create = read(resources.resolve("captures/07-response-string-input.json"));
    createAnswer = answer("application/json", create.getAsJsonObject("response").get("body").toString());
    itemsAnswer = answer("application/json", itemsPage(resources).toString());

    String sse = read(resources.resolve("sse/25-response-stream.json"))
        .getAsJsonObject("response").get("body").getAsString();
    String head = "";
    String firstDelta = null;
    List<String> tail = new ArrayList<>();
    for (String event : sse.split("\n\n")) {
      if (event.isEmpty()) {
        continue;
      }
      if (event.startsWith("event: response.output_text.delta")) {
        if (firstDelta == null) {
          firstDelta = event;
        }
      } else if (firstDelta == null) {
        head += event + "\n\n";
      } else {
        tail.add(event + "\n\n");
      }
    }
    streamHead = head.getBytes(StandardCharsets.UTF_8);
    // the capture's first delta is "Echo: "; its text ends every event of the tail
    deltaTemplate = firstDelta.replace("\"delta\":\"Echo: \"", "\"delta\":\"%DELTA%\"")
        .replaceAll("\"sequence_number\":\\d+", "\"sequence_number\":%SEQ%") + "\n\n";
    sampleText = "Echo: Stream this reply please";
    tailTemplates.addAll(tail);
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    for (int i = 0; i < BLOCK; i++) {
      deltaEvents[i] = delta(WORDS[i % WORDS.length], 5 + i);
      block.writeBytes(deltaEvents[i]);
    }
    deltaBlock = block.toByteArray();

    socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "bench-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** The text of a stream of {@code deltas} deltas, as the clients put it together. */
  static String text(int deltas) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < deltas; i++) {
      text.append(WORDS[i % WORDS.length]);
    }
    return text.toString();
  }

  private byte[] delta(String text, int sequence) {
    return deltaTemplate.replace("%DELTA%", text).replace("%SEQ%", Integer.toString(sequence))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject read(Path file) throws IOException {
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }

  private static JsonObject itemsPage(Path resources) throws IOException {
    JsonArray source = read(resources.resolve("captures/21-conversation-items-with-tool-call.json"))
        .getAsJsonObject("response").getAsJsonObject("body").getAsJsonArray("data");
    JsonArray data = new JsonArray();
    for (int i = 0; i < 100; i++) {
      JsonObject item = source.get(i % source.size()).getAsJsonObject().deepCopy();
      item.addProperty("id", item.get("id").getAsString() + "-" + i);
      data.add(item);
    }
    JsonObject page = new JsonObject();
    page.addProperty("object", "list");
    page.add("data", data);
    page.addProperty("first_id", data.get(0).getAsJsonObject().get("id").getAsString());
    page.addProperty("last_id", data.get(99).getAsJsonObject().get("id").getAsString());
    page.addProperty("has_more", false);
    return page;
  }

  private static byte[] answer(String type, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    byte[] headers = ("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headers.length + bytes.length];
    System.arraycopy(headers, 0, all, 0, headers.length);
    System.arraycopy(bytes, 0, all, headers.length, bytes.length);
    return all;
  }

  private void accept() {
    while (!closed) {
      try {
        Socket connection = socket.accept();
        connection.setTcpNoDelay(true);
        synchronized (connections) {
          connections.add(connection);
        }
        Thread thread = new Thread(() -> serve(connection), "bench-server");
        thread.setDaemon(true);
        thread.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket connection) {
    try (Socket s = connection;
        InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        OutputStream out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024)) {
      while (true) {
        String requestLine = line(in);
        if (requestLine == null) {
          return;
        }
        int length = 0;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
          int colon = header.indexOf(':');
          if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
            length = Integer.parseInt(header.substring(colon + 1).trim());
          }
        }
        byte[] body = in.readNBytes(length);
        if (requestLine.startsWith("POST /api/v1/responses ")) {
          String json = new String(body, StandardCharsets.UTF_8);
          if (json.contains("\"stream\":true")) {
            stream(input(json), out);
          } else {
            out.write(createAnswer);
          }
        } else if (requestLine.startsWith("GET /api/v1/conversations/") && requestLine.contains("/items")) {
          out.write(itemsAnswer);
        } else {
          out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static String input(String json) {
    int start = json.indexOf("\"input\":\"");
    if (start < 0) {
      return "";
    }
    start += "\"input\":\"".length();
    return json.substring(start, json.indexOf('"', start));
  }

  private void stream(String input, OutputStream out) throws IOException {
    boolean latency = input.equals("latency");
    int deltas = latency ? 10 : Integer.parseInt(input.substring("deltas=".length()));
    byte[] tail = tails.computeIfAbsent(deltas, this::tail);
    byte[] first = latency ? delta("t=" + "0".repeat(TIMESTAMP_DIGITS) + " ", 5) : null;
    long length = streamHead.length + (long) (deltas / BLOCK) * deltaBlock.length + tail.length;
    for (int i = 0; i < deltas % BLOCK; i++) {
      length += deltaEvents[i].length;
    }
    if (latency) {
      length += first.length - deltaEvents[0].length;
    }
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nContent-Length: " + length
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(streamHead);
    int from = 0;
    if (latency) {
      out.flush();
      Instant now = Instant.now();
      long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
      String stamp = String.format("%0" + TIMESTAMP_DIGITS + "d", micros);
      out.write(delta("t=" + stamp + " ", 5));
      out.flush();
      from = 1;
    }
    for (int block = 0; block < deltas / BLOCK; block++) {
      out.write(deltaBlock);
    }
    for (int i = from; i < deltas % BLOCK; i++) {
      out.write(deltaEvents[i]);
    }
    out.write(tail);
  }

  /** The events after the deltas (text done, part done, item done, completed), each with the whole text. */
  private byte[] tail(int deltas) {
    String text = text(deltas);
    StringBuilder tail = new StringBuilder();
    for (String event : tailTemplates) {
      tail.append(event.replace(sampleText, text));
    }
    return tail.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b == -1) {
        return line.length() == 0 ? null : line.toString();
      }
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    socket.close();
    synchronized (connections) {
      for (Socket connection : connections) {
        connection.close();
      }
    }
  }

  /** Runs the server alone (for a client-js run by hand): prints its base URL and serves until killed. */
  public static void main(String[] args) throws Exception {
    BenchServer server = new BenchServer(Path.of(args.length > 0 ? args[0] : "src/test/resources"));
    System.out.println(server.baseUrl());
    Thread.currentThread().join();
  }
}
