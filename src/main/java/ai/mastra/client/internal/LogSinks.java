package ai.mastra.client.internal;

import ai.mastra.client.LogSink;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The default log sinks. SLF4J's classes are touched only here and only when a sink is asked for, so a client
 * that logs nothing never initialises SLF4J (which would print its "no providers" warning on a class path
 * without a logging backend).
 */
public final class LogSinks {
  /** The logger name of the HTTP log, in SLF4J and in {@code java.util.logging}. */
  public static final String LOGGER_NAME = "ai.mastra.client.http";

  private LogSinks() {}

  /** Returns the SLF4J sink, or the {@code java.util.logging} one when slf4j-api is not on the class path. */
  public static LogSink slf4j() {
    try {
      return Slf4j.sink();
    } catch (LinkageError e) {
      Logger logger = Logger.getLogger(LOGGER_NAME);
      return line -> logger.log(Level.INFO, line);
    }
  }

  /** Holds the SLF4J references, so that loading {@link LogSinks} does not load SLF4J. */
  public static final class Slf4j {
    private Slf4j() {}

    static LogSink sink() {
      return sink(org.slf4j.LoggerFactory.getLogger(LOGGER_NAME));
    }

    /**
     * Returns a sink that logs each line at INFO on {@code logger}.
     *
     * @param logger the SLF4J logger
     * @return the sink
     */
    public static LogSink sink(org.slf4j.Logger logger) {
      return logger::info;
    }
  }
}
