package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.RawHttpServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A program that uses the async API (and a stream) and never calls {@code close()} ends when its main method
 * returns: the SDK's threads (OkHttp's dispatcher, the timer, the interrupt watchdog) are daemons. Run in a
 * separate JVM, which must exit on its own well within OkHttp's 60 s thread keep-alive.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JvmExitTest {

  /** The program: one async call with a timeout (so the timer thread starts) and one blocking call. */
  public static void main(String[] args) throws Exception {
    RawHttpServer server = new RawHttpServer((index, connection) -> {
      while (connection.readRequest() != null) {
        connection.answerJson(200, Capture.load("07").responseBody());
      }
    });
    MastraClient client = MastraClient.builder().baseUrl(server.url()).build();
    client.async().responses().retrieve("r1",
        RequestOptions.builder().timeout(java.time.Duration.ofSeconds(30)).build()).get(10, TimeUnit.SECONDS);
    client.responses().retrieve("r1");
    System.out.println("main returns");
    // no client.close(), no server.close(): the JVM must end anyway
  }

  @Test
  void aProgramThatNeverClosesTheClientStillEnds() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), JvmExitTest.class.getName())
        .redirectErrorStream(true).start();

    boolean ended = process.waitFor(20, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ended) {
      process.destroyForcibly();
    }

    assertThat(ended).as("the JVM ended by itself after main returned; output: %s", output).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(output).contains("main returns");
  }
}
