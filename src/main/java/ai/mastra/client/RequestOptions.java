package ai.mastra.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-call options, the optional last argument of every operation: the request context, extra headers and a
 * timeout for the whole call. Immutable and thread-safe; {@link #none()} is the default.
 *
 * <pre>{@code
 * client.conversations().retrieve(id, RequestOptions.of(RequestContext.of(Map.of("tenant", "acme"))));
 * client.responses().create(request, RequestOptions.builder().timeout(Duration.ofMinutes(2)).build());
 * }</pre>
 */
public final class RequestOptions {

  private static final RequestOptions NONE = new Builder().build();

  private final RequestContext requestContext;
  private final Map<String, String> headers;
  private final Duration timeout;

  private RequestOptions(Builder builder) {
    this.requestContext = builder.requestContext;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    this.timeout = builder.timeout;
  }

  /** Returns the options that change nothing. */
  public static RequestOptions none() {
    return NONE;
  }

  /**
   * Returns options that carry only a request context.
   *
   * @param requestContext the context to send, not null
   * @throws IllegalArgumentException if {@code requestContext} is null
   */
  public static RequestOptions of(RequestContext requestContext) {
    return builder().requestContext(requestContext).build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts with these options. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.requestContext = requestContext;
    builder.headers.putAll(headers);
    builder.timeout = timeout;
    return builder;
  }

  /** Returns the request context to send, if any. */
  public Optional<RequestContext> requestContext() {
    return Optional.ofNullable(requestContext);
  }

  /** Returns the extra headers of this call (they replace client headers of the same name). */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Returns the timeout of the whole call (connect, write, wait, read), if set. For a stream ({@link
   * Responses#stream}) it is an idle timeout instead: the longest silence allowed between two reads.
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** Builds {@link RequestOptions}. Not thread-safe. */
  public static final class Builder {
    private RequestContext requestContext;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration timeout;

    private Builder() {}

    /**
     * Sets the request context of the call.
     *
     * @param requestContext the context, not null ({@link RequestContext#empty()} sends {@code {}})
     * @return this builder
     * @throws IllegalArgumentException if {@code requestContext} is null
     */
    public Builder requestContext(RequestContext requestContext) {
      if (requestContext == null) {
        throw new IllegalArgumentException("requestContext must not be null");
      }
      this.requestContext = requestContext;
      return this;
    }

    /**
     * Adds a header to this call, replacing a client default header of the same name.
     *
     * @param name the header name, not blank
     * @param value the value, not null
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or not an HTTP token, or the value is null or has
     *     CR, LF, NUL, another control character or non-ASCII (the message names the header, never the value)
     */
    public Builder header(String name, String value) {
      Checks.header(name, value);
      headers.put(name, value);
      return this;
    }

    /**
     * Sets a timeout for the whole call: from the call (time waiting in the async queue included) to the last
     * byte of the answer, retries and the waits between them included. Running out of it fails the call with
     * {@link MastraTimeoutException} ("timed out after ..."). A stream, which may rightly last long, takes it
     * as an idle timeout instead: the longest wait for the answer to start and then between two reads
     * (default: the client's read timeout).
     *
     * @param timeout a positive duration, at most 24 hours; sub-millisecond values are kept, not rounded to
     *     "no timeout"
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is null, zero, negative or longer than 24 hours
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Checks.timeout(timeout, "timeout");
      return this;
    }

    /** Returns the options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
