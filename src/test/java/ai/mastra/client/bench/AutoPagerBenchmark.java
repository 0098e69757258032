package ai.mastra.client.bench;

import ai.mastra.client.ConversationItemsPage;
import ai.mastra.client.ItemListParams;
import ai.mastra.client.MastraClient;
import ai.mastra.client.model.OutputItem;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A benchmark main (not a test): walks 100,000 conversation items over 1,000 pages served by a loopback
 * MockWebServer through {@code autoPager()}, and prints the time taken and the heap in use after a GC at every
 * 100th page, next to the size of one page. Memory that stays flat while the pages go by is the goal.
 *
 * <p>The server is the JDK's own {@code HttpServer}: it keeps no record of the requests (MockWebServer does,
 * which would show up as growth), and it answers in well under a millisecond.
 *
 * <p>Run: {@code mvn -q -Pbench test-compile exec:java}
 */
public final class AutoPagerBenchmark {
  private static final int PAGES = 1_000;
  private static final int PAGE_SIZE = 100;

  private AutoPagerBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args ignored
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    // Without TCP_NODELAY the server's separate header and body writes meet the client's delayed ACK: 40 ms a page.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> servePage(exchange, requests));
    server.start();
    try (MastraClient client = MastraClient.builder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .build()) {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      long start = System.nanoTime();
      ConversationItemsPage first =
          client.conversations().items().list("c1", ItemListParams.builder().limit(PAGE_SIZE).build());
      long items = 0;
      long maxHeap = 0;
      long minHeap = Long.MAX_VALUE;
      for (OutputItem item : first.autoPager()) {
        items++;
        if (items % (PAGE_SIZE * 100L) == 0) {
          System.gc();
          long used = memory.getHeapMemoryUsage().getUsed();
          maxHeap = Math.max(maxHeap, used);
          minHeap = Math.min(minHeap, used);
          System.out.printf(
              "after %,7d items (%4d pages): heap in use %,d KiB%n", items, items / PAGE_SIZE, used / 1024);
        }
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("%,d items over %,d requests in %,d ms; one page is %,d bytes of JSON%n",
          items, requests.get(), millis, pageJson(0).length());
      System.out.printf("heap in use after GC: min %,d KiB, max %,d KiB (spread %,d KiB)%n",
          minHeap / 1024, maxHeap / 1024, (maxHeap - minHeap) / 1024);
    } finally {
      server.stop(0);
    }
  }

  private static void servePage(HttpExchange exchange, AtomicInteger requests) throws IOException {
    requests.incrementAndGet();
    String query = exchange.getRequestURI().getRawQuery();
    int index = 0;
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith("after=")) {
        String after = URLDecoder.decode(pair.substring("after=".length()), StandardCharsets.UTF_8);
        index = Integer.parseInt(after.substring("item-".length())) / PAGE_SIZE + 1;
      }
    }
    byte[] body = pageJson(index).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String pageJson(int index) {
    StringBuilder json = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = 0; i < PAGE_SIZE; i++) {
      int id = index * PAGE_SIZE + i;
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":\"item-").append(id)
          .append("\",\"type\":\"message\",\"role\":\"user\",\"status\":\"completed\",\"content\":")
          .append("[{\"type\":\"input_text\",\"text\":\"message number ").append(id).append("\"}]}");
    }
    return json.append("],\"first_id\":\"item-").append(index * PAGE_SIZE)
        .append("\",\"last_id\":\"item-").append(index * PAGE_SIZE + PAGE_SIZE - 1)
        .append("\",\"has_more\":").append(index < PAGES - 1).append('}').toString();
  }
}
