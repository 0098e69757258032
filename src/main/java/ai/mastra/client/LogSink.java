package ai.mastra.client;

import ai.mastra.client.internal.LogSinks;

/**
 * Where the client's log lines go (see {@link MastraClient.Builder#logSink}). The default, {@link #slf4j()},
 * is SLF4J; give your own to send them elsewhere or to capture them in a test. Lines arrive already redacted.
 *
 * <p>Called from the threads that make the calls and read the answers (OkHttp's dispatcher threads for async
 * calls), possibly from several at once: an implementation must be thread-safe and quick. An exception it
 * throws is ignored: logging never fails a call.
 */
@FunctionalInterface
public interface LogSink {

  /**
   * Takes one log line (a stream event's line may span lines when the event does).
   *
   * @param line the line, redacted, without a trailing newline
   */
  void log(String line);

  /**
   * Returns the default sink: SLF4J's logger {@code ai.mastra.client.http}, at level INFO (you asked for the
   * log by setting a level: it is not hidden again behind DEBUG). SLF4J is looked up only when this is
   * called; without slf4j-api on the class path the lines go to {@code java.util.logging}'s logger of the same
   * name instead.
   *
   * @return the SLF4J sink
   */
  static LogSink slf4j() {
    return LogSinks.slf4j();
  }
}
