package ai.mastra.client;

import ai.mastra.client.internal.ConnectionSafety;
import ai.mastra.client.internal.Durations;
import ai.mastra.client.internal.HeadersInterceptor;
import ai.mastra.client.internal.HttpLogger;
import ai.mastra.client.internal.Limits;
import ai.mastra.client.internal.RetryPolicy;
import ai.mastra.client.internal.SameOriginRedirects;
import ai.mastra.client.internal.Transport;
import java.io.Closeable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The entry point of the SDK: a client of one Mastra server's Responses and Conversations APIs.
 *
 * <pre>{@code
 * try (MastraClient client = MastraClient.builder().baseUrl("http://localhost:4111").build()) {
 *   Conversation conversation = client.conversations().create(
 *       new ConversationCreateRequest().agentId("support-agent"));
 *   Response response = client.responses().create(new ResponseCreateRequest()
 *       .agentId("support-agent").conversationId(conversation.getId()).input("Hello").store(true));
 *   System.out.println(Responses.outputText(response));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: build one per server and share it. {@link #close()} releases the threads and
 * connections of the OkHttp client it created; a client passed in with {@link Builder#httpClient} stays the
 * caller's to close.
 */
public final class MastraClient implements Closeable {

  /** The version of this SDK (the artifact's, from the build), sent in the {@code User-Agent} header. */
  public static final String VERSION = readVersion();

  static final String DEFAULT_BASE_URL = "http://localhost:4111";
  static final String DEFAULT_API_PREFIX = "/api";
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(5);
  static final int DEFAULT_MAX_RETRIES = 2;
  static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

  private final Builder settings;
  private final Transport transport;
  private final boolean ownsHttpClient;
  private final Conversations conversations;
  private final Responses responses;
  private final MastraClientAsync async;

  private MastraClient(Builder builder) {
    OkHttpCheck.requireOkHttp5Alone();
    if (builder.httpClient != null && builder.maxConcurrentRequests != null) {
      throw new IllegalArgumentException(
          "maxConcurrentRequests applies to the HTTP client the SDK creates; with httpClient(...) set the "
              + "limits on that client's Dispatcher instead");
    }
    this.settings = builder.copy();
    this.ownsHttpClient = builder.httpClient == null;
    OkHttpClient.Builder http;
    ConnectionPool pool;
    if (ownsHttpClient) {
      // OkHttp's default pool keeps 5 idle connections: with more callers than that, every call that ends when
      // 5 are idle closes its connection and a later call opens a new one (at 16 callers, some 200 new
      // connections a second on loopback, and 10-25% fewer calls). It keeps as many as may run at once.
      pool = new ConnectionPool(maxConcurrentRequests(builder), 5, TimeUnit.MINUTES);
      http = new OkHttpClient.Builder().connectionPool(pool).dispatcher(dispatcher(builder));
    } else {
      pool = builder.httpClient.connectionPool();
      http = builder.httpClient.newBuilder();
    }
    if (builder.connectTimeout != null || ownsHttpClient) {
      Duration connect = builder.connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : builder.connectTimeout;
      http.connectTimeout(Durations.millisAtLeastOne(connect), TimeUnit.MILLISECONDS);
    }
    if (builder.readTimeout != null || ownsHttpClient) {
      Duration read = builder.readTimeout == null ? DEFAULT_READ_TIMEOUT : builder.readTimeout;
      http.readTimeout(Durations.millisAtLeastOne(read), TimeUnit.MILLISECONDS);
      // Writes wait as long as reads. With OkHttp's 10 s for writes under a 5 min read timeout, every request's
      // write timed out before all the reads in flight: okio's one timeout queue put it first and woke its
      // watchdog thread, a thread switch per call (at 16 callers 25% more CPU per create than raw OkHttp).
      http.writeTimeout(Durations.millisAtLeastOne(read), TimeUnit.MILLISECONDS);
    }
    HttpUrl apiUrl = apiUrl(builder);
    if (ownsHttpClient && !apiUrl.isHttps()) {
      // Every call goes to this http:// origin (redirects only within it), so TLS is never used. Without a TLS
      // connection spec OkHttp does not load the platform's trust store and make an SSLContext when the client
      // is built: 70-100 ms of a cold start (BENCHMARKS.md), of which a client given to httpClient(...) keeps
      // its own choice.
      http.connectionSpecs(Collections.singletonList(ConnectionSpec.CLEARTEXT));
    }
    Limits limits = new Limits(builder.maxResponseSize);
    http.addInterceptor(limits);
    HttpLogger log = logger(builder);
    // See ConnectionSafety and SameOriginRedirects for why OkHttp's own repeats and redirects are off.
    ConnectionSafety.install(http, pool, log);
    if (log.enabled()) {
      http.addNetworkInterceptor(log); // after ConnectionSafety's: it never sees a request on a stale connection
    }
    http.followRedirects(false).followSslRedirects(false).addInterceptor(new SameOriginRedirects());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("User-Agent", "mastra-client-java/" + VERSION);
    if (builder.bearerToken != null) {
      headers.put("Authorization", "Bearer " + builder.bearerToken);
    }
    headers.putAll(builder.headers);
    http.addInterceptor(new HeadersInterceptor(headers));
    if (log.enabled()) {
      http.addInterceptor(log.unsentFailures());
    }
    this.transport =
        new Transport(
            apiUrl,
            http.build(),
            new RetryPolicy(builder.maxRetries, builder.retryInitialDelay, builder.retryMaxDelay),
            limits,
            log);
    this.conversations = new Conversations(transport);
    this.responses = new Responses(transport);
    this.async = new MastraClientAsync(conversations, responses);
  }

  /** The builder's level, else {@code MASTRA_LOG}'s, else none; SLF4J is looked up only when something is logged. */
  private static HttpLogger logger(Builder builder) {
    LogLevel level = builder.logLevel;
    if (level == null && builder.logLevelFromEnv != null && !builder.logLevelFromEnv.trim().isEmpty()) {
      try {
        level = LogLevel.parse(builder.logLevelFromEnv);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "the MASTRA_LOG environment variable must be one of none, basic, headers, body or debug, got '"
                + builder.logLevelFromEnv + "'");
      }
    }
    if (level == null || level == LogLevel.NONE) {
      return HttpLogger.OFF;
    }
    LogSink sink = builder.logSink != null ? builder.logSink : LogSink.slf4j();
    return new HttpLogger(level, sink, builder.secretHeaders, builder.logRequestContext);
  }

  /** OkHttp's default dispatcher runs 5 calls per host, too few for long agent streams; its threads are daemons. */
  private static Dispatcher dispatcher(Builder builder) {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, "mastra-client-dispatcher");
              thread.setDaemon(true);
              return thread;
            });
    Dispatcher dispatcher = new Dispatcher(executor);
    int max = maxConcurrentRequests(builder);
    dispatcher.setMaxRequests(max);
    dispatcher.setMaxRequestsPerHost(max);
    return dispatcher;
  }

  private static int maxConcurrentRequests(Builder builder) {
    return builder.maxConcurrentRequests == null ? DEFAULT_MAX_CONCURRENT_REQUESTS : builder.maxConcurrentRequests;
  }

  private static String readVersion() {
    try (java.io.InputStream in = MastraClient.class.getResourceAsStream("version.properties")) {
      java.util.Properties properties = new java.util.Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** Returns a builder with the defaults (base URL from {@code MASTRA_BASE_URL}, else localhost:4111). */
  public static Builder builder() {
    return new Builder(System::getenv);
  }

  /** Returns a builder that starts with this client's settings, to make a variant of it. */
  public Builder newBuilder() {
    return settings.copy();
  }

  /** Returns the Conversations API. */
  public Conversations conversations() {
    return conversations;
  }

  /** Returns the Responses API. */
  public Responses responses() {
    return responses;
  }

  /**
   * Returns a session with {@code agentId} in a new conversation, created by its first turn (see {@link
   * AgentSession}). No I/O.
   *
   * @param agentId the agent every turn goes to
   * @return the session
   * @throws IllegalArgumentException if {@code agentId} is null or blank
   */
  public AgentSession session(String agentId) {
    return sessionBuilder(agentId).build();
  }

  /**
   * Returns a session with {@code agentId} that resumes an existing conversation. No I/O.
   *
   * @param agentId the agent every turn goes to
   * @param conversationId the conversation to continue
   * @return the session
   * @throws IllegalArgumentException if an id is null or blank
   */
  public AgentSession session(String agentId, String conversationId) {
    return sessionBuilder(agentId).conversationId(conversationId).build();
  }

  /**
   * Returns a builder of a session with {@code agentId}: its request context, the conversation to resume, or
   * the resource id, title and metadata of a new one.
   *
   * @param agentId the agent every turn goes to
   * @return the builder
   * @throws IllegalArgumentException if {@code agentId} is null or blank
   */
  public AgentSession.Builder sessionBuilder(String agentId) {
    return AgentSession.builder(this, agentId);
  }

  /**
   * Returns the non-blocking view of this client: the same operations returning {@code CompletableFuture}s,
   * over the same connections and settings.
   */
  public MastraClientAsync async() {
    return async;
  }

  /** The plumbing, for the SDK's own tests (its OkHttp client, limits and dispatcher). */
  Transport transport() {
    return transport;
  }

  /** Returns the base URL of the API routes, with the prefix, e.g. {@code http://localhost:4111/api/}. */
  public String apiUrl() {
    return transport.baseUrl().toString();
  }

  /**
   * Releases the resources of the OkHttp client this client created (its dispatcher threads and idle
   * connections). An OkHttp client given to {@link Builder#httpClient} is left alone. Calls made after
   * closing throw {@link IllegalStateException}. Idempotent.
   */
  @Override
  public void close() {
    transport.close();
    if (ownsHttpClient) {
      OkHttpClient http = transport.httpClient();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static HttpUrl apiUrl(Builder builder) {
    HttpUrl base = HttpUrl.parse(builder.baseUrl);
    if (base == null) {
      throw new IllegalArgumentException(
          (builder.baseUrlFromEnv ? "the MASTRA_BASE_URL environment variable" : "baseUrl")
              + " must be an http or https URL, got '" + builder.baseUrl + "'");
    }
    StringBuilder path = new StringBuilder(base.encodedPath());
    if (path.charAt(path.length() - 1) != '/') {
      path.append('/');
    }
    String prefix = builder.apiPrefix;
    while (prefix.startsWith("/")) {
      prefix = prefix.substring(1);
    }
    while (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    if (!prefix.isEmpty()) {
      path.append(prefix).append('/');
    }
    return base.newBuilder().encodedPath(path.toString()).query(null).fragment(null).build();
  }

  /** Builds a {@link MastraClient}. Not thread-safe; every setter checks its argument at once. */
  public static final class Builder {
    private String baseUrl;
    private boolean baseUrlFromEnv; // for the message when it is not a URL
    private String apiPrefix = DEFAULT_API_PREFIX;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String bearerToken;
    private OkHttpClient httpClient;
    private Duration connectTimeout;
    private Duration readTimeout;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration retryInitialDelay = Duration.ofMillis(100);
    private Duration retryMaxDelay = Duration.ofSeconds(1);
    private Integer maxConcurrentRequests;
    private long maxResponseSize = Limits.DEFAULT_MAX_RESPONSE_SIZE;
    private LogLevel logLevel;
    private String logLevelFromEnv;
    private LogSink logSink;
    private final Set<String> secretHeaders = new LinkedHashSet<>();
    private boolean logRequestContext;

    Builder(UnaryOperator<String> env) {
      this.logLevelFromEnv = env.apply("MASTRA_LOG");
      String fromEnv = env.apply("MASTRA_BASE_URL");
      this.baseUrlFromEnv = fromEnv != null && !fromEnv.trim().isEmpty();
      this.baseUrl = baseUrlFromEnv ? fromEnv.trim() : DEFAULT_BASE_URL;
    }

    /** For {@link #copy()}: every field is set from the original, so the environment is not read again. */
    private Builder() {}

    private Builder copy() {
      Builder copy = new Builder();
      copy.baseUrl = baseUrl;
      copy.baseUrlFromEnv = baseUrlFromEnv;
      copy.apiPrefix = apiPrefix;
      copy.headers.putAll(headers);
      copy.bearerToken = bearerToken;
      copy.httpClient = httpClient;
      copy.connectTimeout = connectTimeout;
      copy.readTimeout = readTimeout;
      copy.maxRetries = maxRetries;
      copy.retryInitialDelay = retryInitialDelay;
      copy.retryMaxDelay = retryMaxDelay;
      copy.maxConcurrentRequests = maxConcurrentRequests;
      copy.maxResponseSize = maxResponseSize;
      copy.logLevel = logLevel;
      copy.logLevelFromEnv = logLevelFromEnv;
      copy.logSink = logSink;
      copy.secretHeaders.addAll(secretHeaders);
      copy.logRequestContext = logRequestContext;
      return copy;
    }

    /**
     * Sets the server's URL, e.g. {@code http://localhost:4111}. Default: the {@code MASTRA_BASE_URL}
     * environment variable, else {@code http://localhost:4111}.
     *
     * @param baseUrl an http or https URL
     * @return this builder
     * @throws IllegalArgumentException if {@code baseUrl} is not an http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      Checks.notBlank(baseUrl, "baseUrl");
      if (HttpUrl.parse(baseUrl.trim()) == null) {
        throw new IllegalArgumentException("baseUrl must be an http or https URL, got '" + baseUrl + "'");
      }
      this.baseUrl = baseUrl.trim();
      this.baseUrlFromEnv = false;
      return this;
    }

    /**
     * Sets the path prefix of the API routes (Mastra's {@code apiPrefix}). Default {@code /api}; an empty
     * string puts the routes at the root.
     *
     * @param apiPrefix the prefix, e.g. {@code /api} or {@code /mastra/api}
     * @return this builder
     * @throws IllegalArgumentException if {@code apiPrefix} is null
     */
    public Builder apiPrefix(String apiPrefix) {
      this.apiPrefix = Checks.notNull(apiPrefix, "apiPrefix").trim();
      return this;
    }

    /**
     * Adds a header to every request (replacing one of the same name).
     *
     * @param name the header name
     * @param value the value
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
     * Adds headers to every request.
     *
     * @param headers names and values
     * @return this builder
     * @throws IllegalArgumentException if the map, a name or a value is null, or a name is blank
     */
    public Builder headers(Map<String, String> headers) {
      Checks.notNull(headers, "headers").forEach(this::header);
      return this;
    }

    /**
     * Sends {@code Authorization: Bearer <token>} with every request.
     *
     * @param token the token, not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code token} is null or blank, or has a character other than
     *     visible ASCII (a trailing newline, say); the message never shows the token
     */
    public Builder bearerToken(String token) {
      this.bearerToken = Checks.bearerToken(token);
      return this;
    }

    /**
     * Uses this OkHttp client for every call. Its interceptors, connection pool, dispatcher and proxy stay;
     * the SDK adds its headers on a derived client and leaves the given one unchanged. The caller closes it.
     *
     * @param httpClient the client
     * @return this builder
     * @throws IllegalArgumentException if {@code httpClient} is null
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Checks.notNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sets the connect timeout. Default 10 s (or the given OkHttp client's).
     *
     * @param timeout a positive duration, at most 24 hours
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is not positive, or longer than 24 hours
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Checks.timeout(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the read timeout: the longest wait for the next bytes of an answer. Default 5 min (or the given
     * OkHttp client's), since an agent may think for a while before it answers. It is also the default idle
     * timeout of a stream: the longest silence between two events (see {@link Responses#stream}), and the
     * write timeout: the longest wait for the server to take the next bytes of a request.
     *
     * @param timeout a positive duration, at most 24 hours
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is not positive, or longer than 24 hours
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Checks.timeout(timeout, "readTimeout");
      return this;
    }

    /**
     * Sets how often a failed GET or DELETE is repeated (on an I/O failure, 408, 429, 500, 502, 503, 504).
     * The wait is the server's {@code Retry-After} (or {@code retry-after-ms}) up to 60 s; a server asking
     * for longer gets no retry (the error is thrown at once). Without one it is a backoff from 100 ms
     * doubling to 1 s, less up to 25% of random jitter. A per-call timeout covers the retries and waits.
     * Default 2. POST is never retried (a request that could not have reached the server, on a connection the
     * server had closed, is sent again: see the README).
     *
     * @param maxRetries 0 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code maxRetries} is negative
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets how many calls may run at once on the HTTP client the SDK creates: async calls and listener streams
     * beyond it wait in a queue (their timeout counts the wait). Default 64. A blocking call runs on its
     * caller's thread and is not limited. The connection pool keeps as many idle connections open (for 5
     * minutes, or until the server's keep-alive timeout), so that many callers reuse their connections. Not
     * allowed with {@link #httpClient}: that client's {@code Dispatcher} and {@code ConnectionPool} have their
     * own limits.
     *
     * @param maxConcurrentRequests 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code maxConcurrentRequests} is less than 1
     */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      if (maxConcurrentRequests < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, got " + maxConcurrentRequests);
      }
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /**
     * Sets the largest answer accepted: a JSON body, or one event of a stream (a stream as a whole has no
     * limit), counted after decompression. A larger one fails with {@link MastraInvalidResponseException}
     * without being read further. Default 64 MiB. (The body kept in an error exception is cut at 64 KiB.)
     *
     * @param bytes 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is less than 1
     */
    public Builder maxResponseSize(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxResponseSize must be at least 1 byte, got " + bytes);
      }
      this.maxResponseSize = bytes;
      return this;
    }

    /**
     * Turns the HTTP log on (see {@link LogLevel}): {@code BASIC} a line per request and answer, {@code
     * HEADERS} their headers too, {@code BODY} the bodies and each event of a stream as well. Default: the
     * {@code MASTRA_LOG} environment variable ({@code none}, {@code basic}, {@code headers}, {@code body} or
     * {@code debug}, which is {@code body}; another value makes {@link #build()} throw), else {@code NONE}. A
     * level set here wins over the variable. The values of {@code Authorization}, {@code
     * Proxy-Authorization}, cookie headers, headers whose name suggests a secret (containing {@code auth},
     * {@code token}, {@code secret}, {@code password}, {@code session}, {@code api-key} or {@code apikey}) and
     * those named with {@link #redactHeader} are never logged, nor the request context unless {@link
     * #logRequestContext} says so.
     *
     * @param level the level; {@code NONE} turns the log off whatever the environment says
     * @return this builder
     * @throws IllegalArgumentException if {@code level} is null
     */
    public Builder logLevel(LogLevel level) {
      this.logLevel = Checks.notNull(level, "logLevel");
      return this;
    }

    /**
     * Sends the log lines to {@code sink} instead of SLF4J (logger {@code ai.mastra.client.http}, level INFO).
     * Setting a sink does not turn the log on: {@link #logLevel} or {@code MASTRA_LOG} does.
     *
     * @param sink where the lines go; thread-safe
     * @return this builder
     * @throws IllegalArgumentException if {@code sink} is null
     */
    public Builder logSink(LogSink sink) {
      this.logSink = Checks.notNull(sink, "logSink");
      return this;
    }

    /**
     * Marks a header as secret: the log shows its name with the value {@code [redacted]}. Authorization,
     * cookies and names that suggest a secret are redacted anyway (see {@link #logLevel}).
     *
     * @param name the header name, any case
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public Builder redactHeader(String name) {
      secretHeaders.add(Checks.notBlank(name, "name").trim());
      return this;
    }

    /**
     * Logs the request context as it is sent (the body's {@code requestContext}, the URL's {@code
     * requestContext} parameter) instead of {@code [redacted]}. Off by default: a context often holds user and
     * tenant ids.
     *
     * @param show whether to show the context in the log
     * @return this builder
     */
    public Builder logRequestContext(boolean show) {
      this.logRequestContext = show;
      return this;
    }

    Builder retryDelays(Duration initial, Duration max) {
      this.retryInitialDelay = initial;
      this.retryMaxDelay = max;
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalArgumentException if the base URL and prefix do not make a valid URL
     */
    public MastraClient build() {
      return new MastraClient(this);
    }

    Map<String, String> headers() {
      return Collections.unmodifiableMap(headers);
    }
  }
}
