package ai.mastra.client.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server driven by a script per connection, for faults that WireMock and MockWebServer
 * cannot make exactly: a keep-alive connection closed between two requests, silence, half answers. Every
 * socket has a read timeout, so nothing here can hang a test.
 */
public final class RawHttpServer implements AutoCloseable {

  /** What to do with one accepted connection. */
  @FunctionalInterface
  public interface Script {
    /**
     * Handles the connection; it is closed afterwards.
     *
     * @param index the connection's number, from 0
     * @param connection the connection
     */
    void handle(int index, Connection connection) throws Exception;
  }

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "raw-http-server");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();

  /**
   * Starts the server on a free loopback port.
   *
   * @param script what to do with each connection
   */
  public RawHttpServer(Script script) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(() -> {
      while (!server.isClosed()) {
        Socket socket;
        try {
          socket = server.accept();
        } catch (IOException e) {
          return;
        }
        int index = connections.getAndIncrement();
        threads.execute(() -> {
          try (Socket s = socket) {
            s.setSoTimeout(10_000);
            script.handle(index, new Connection(s));
          } catch (SocketException e) {
            // the client went away: part of several scripts
          } catch (Throwable e) {
            failures.add(e);
          }
        });
      }
    });
  }

  /** Returns the base URL, e.g. {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Returns how many connections were accepted. */
  public int connections() {
    return connections.get();
  }

  /** Returns the request lines and bodies read so far, each as "METHOD /path body". */
  public List<String> requests() {
    return requests;
  }

  /** Returns what the scripts threw (other than a client going away). */
  public List<Throwable> failures() {
    return failures;
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One accepted connection. */
  public final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    /**
     * Reads one whole request (headers and a Content-Length body) and records it.
     *
     * @return "METHOD /path body", or null if the client closed the connection first
     */
    public String readRequest() throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b == -1) {
          return null;
        }
        head.write(b);
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String headers = head.toString(StandardCharsets.ISO_8859_1);
      int length = 0;
      for (String line : headers.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      byte[] body = in.readNBytes(length);
      String requestLine = headers.substring(0, headers.indexOf("\r\n"));
      String[] parts = requestLine.split(" ");
      String request = parts[0] + " " + parts[1] + " " + new String(body, StandardCharsets.UTF_8);
      requests.add(request);
      return request;
    }

    /**
     * Writes raw bytes.
     *
     * @param text the bytes, as ISO-8859-1 text (CRLFs included)
     */
    public void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    /**
     * Writes a whole keep-alive answer with a JSON body.
     *
     * @param status the status code
     * @param json the body
     */
    public void answerJson(int status, String json) throws IOException {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      write("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + body.length
          + "\r\n\r\n" + json);
    }

    /** Blocks until the client closes the connection (or the read timeout passes). */
    public void awaitClientClose() throws IOException {
      while (in.read() != -1) {
        // drain
      }
    }

    /** Returns the socket, e.g. to close it abruptly. */
    public Socket socket() {
      return socket;
    }
  }
}
