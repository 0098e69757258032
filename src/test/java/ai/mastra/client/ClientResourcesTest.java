package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OkHttp client the SDK builds: the documented timeouts are the ones it really uses, and {@link
 * MastraClient#close()} stops its dispatcher threads and drops its connections. The OkHttp client is found by
 * reflection (no accessor is public on purpose), so the checks read the values OkHttp itself will apply.
 */
class ClientResourcesTest {

  private MockWebServer server;

  @BeforeEach
  void setUp() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private MastraClient.Builder builder() {
    return new MastraClient.Builder(name -> null).baseUrl(server.url("/").toString());
  }

  /** The OkHttp client every call of {@code client} goes through (a field of the client or of its parts). */
  static OkHttpClient okHttpOf(MastraClient client) {
    OkHttpClient found = find(client, 3);
    assertThat(found).as("the OkHttp client inside the MastraClient").isNotNull();
    return found;
  }

  private static OkHttpClient find(Object holder, int depth) {
    for (Class<?> type = holder.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
          continue;
        }
        Object value;
        try {
          field.setAccessible(true);
          value = field.get(holder);
        } catch (ReflectiveOperationException | RuntimeException e) {
          continue;
        }
        if (value instanceof OkHttpClient) {
          return (OkHttpClient) value;
        }
        // the builder's settings hold an injected client as given, not the one the SDK derived from it
        if (depth > 0 && value != null && !(value instanceof MastraClient.Builder)
            && value.getClass().getName().startsWith("ai.mastra.client.")) {
          OkHttpClient inner = find(value, depth - 1);
          if (inner != null) {
            return inner;
          }
        }
      }
    }
    return null;
  }

  @Test
  void closeStopsTheDispatcherThreadsAndDropsTheConnectionsOfTheClientsOwnOkHttp() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"id\":\"r1\",\"object\":\"response\",\"deleted\":true}").build());
    MastraClient client = builder().build();
    OkHttpClient http = okHttpOf(client);
    // an async call starts a dispatcher thread and leaves a pooled connection behind
    assertThat(client.async().responses().delete("r1").get(10, TimeUnit.SECONDS).getDeleted()).isTrue();
    assertThat(http.connectionPool().connectionCount()).isEqualTo(1);
    assertThat(http.dispatcher().executorService().isShutdown()).isFalse();

    client.close();

    assertThat(http.dispatcher().executorService().isShutdown()).isTrue();
    assertThat(http.dispatcher().executorService().awaitTermination(10, TimeUnit.SECONDS))
        .as("the dispatcher's threads end").isTrue();
    assertThat(http.connectionPool().connectionCount()).isZero();
  }

  @Test
  void theDocumentedDefaultsAreTheTimeoutsOkHttpUses() {
    try (MastraClient client = builder().build()) {
      OkHttpClient http = okHttpOf(client);
      assertThat(http.connectTimeoutMillis()).isEqualTo(10_000);
      assertThat(http.readTimeoutMillis()).isEqualTo(300_000);
      assertThat(http.writeTimeoutMillis()).as("writes wait as long as reads").isEqualTo(300_000);
      assertThat(http.callTimeoutMillis()).isZero();
      assertThat(http.retryOnConnectionFailure()).as("OkHttp's silent repeats are off").isFalse();
    }
  }

  @Test
  void aClientForAnHttpUrlSetsUpNoTlsAndOneForHttpsDoes() throws Exception {
    try (MastraClient plain = builder().build();
        MastraClient tls = new MastraClient.Builder(name -> null).baseUrl("https://mastra.example.com").build()) {
      OkHttpClient http = okHttpOf(plain);
      assertThat(http.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
      assertThatThrownBy(http::sslSocketFactory).as("no SSLContext made").isInstanceOf(IllegalStateException.class);
      assertThat(okHttpOf(tls).connectionSpecs()).isEqualTo(new OkHttpClient().connectionSpecs());
      assertThat(okHttpOf(tls).sslSocketFactory()).isNotNull();
      // the http client still makes its calls
      server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
          .body("{\"id\":\"r1\",\"object\":\"response\",\"deleted\":true}").build());
      assertThat(plain.responses().delete("r1").getDeleted()).isTrue();
    }
    OkHttpClient mine = new OkHttpClient.Builder().build();
    try (MastraClient injected = builder().httpClient(mine).build()) {
      assertThat(okHttpOf(injected).connectionSpecs()).as("an injected client keeps its own")
          .isEqualTo(mine.connectionSpecs());
    } finally {
      mine.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void theTimeoutsOfTheBuilderAreTheOnesOkHttpUses() {
    try (MastraClient client = builder()
        .connectTimeout(Duration.ofMillis(1234))
        .readTimeout(Duration.ofMillis(5678))
        .build()) {
      OkHttpClient http = okHttpOf(client);
      assertThat(http.connectTimeoutMillis()).isEqualTo(1234);
      assertThat(http.readTimeoutMillis()).isEqualTo(5678);
      assertThat(http.writeTimeoutMillis()).isEqualTo(5678);
    }
  }

  @Test
  void anInjectedClientKeepsItsTimeoutsUnlessTheBuilderSetsThemAndIsNotChanged() {
    OkHttpClient mine = new OkHttpClient.Builder()
        .connectTimeout(777, TimeUnit.MILLISECONDS)
        .readTimeout(888, TimeUnit.MILLISECONDS)
        .build();
    try (MastraClient kept = builder().httpClient(mine).build();
        MastraClient overridden = builder().httpClient(mine).connectTimeout(Duration.ofMillis(1234)).build()) {
      assertThat(okHttpOf(kept).connectTimeoutMillis()).isEqualTo(777);
      assertThat(okHttpOf(kept).readTimeoutMillis()).isEqualTo(888);
      assertThat(okHttpOf(kept).writeTimeoutMillis()).isEqualTo(mine.writeTimeoutMillis());
      assertThat(okHttpOf(overridden).connectTimeoutMillis()).isEqualTo(1234);
      assertThat(okHttpOf(overridden).readTimeoutMillis()).isEqualTo(888);
      assertThat(okHttpOf(overridden).dispatcher()).as("same dispatcher as the caller's").isSameAs(mine.dispatcher());
      assertThat(mine.connectTimeoutMillis()).isEqualTo(777);
    } finally {
      mine.dispatcher().executorService().shutdown();
    }
    assertThat(mine.retryOnConnectionFailure()).as("the caller's client is left as it was").isTrue();
  }

  @Test
  void newBuilderKeepsTheTimeouts() {
    try (MastraClient client = builder().connectTimeout(Duration.ofMillis(4321)).build();
        MastraClient variant = client.newBuilder().build()) {
      assertThat(okHttpOf(variant).connectTimeoutMillis()).isEqualTo(4321);
      assertThat(okHttpOf(variant).readTimeoutMillis()).isEqualTo(300_000);
    }
  }

  @Test
  void newBuilderKeepsTheHeadersAndTheTokenAndBadHeadersAreRefused() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"id\":\"r1\",\"object\":\"response\",\"deleted\":true}").build());
    try (MastraClient client = builder().headers(Map.of("X-Team", "a")).bearerToken("tok").build();
        MastraClient variant = client.newBuilder().build()) {
      variant.responses().delete("r1");
    }
    mockwebserver3.RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(request.getHeaders().get("X-Team")).isEqualTo("a");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder().header(" ", "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header name");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder().header("X-A", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header value of X-A");
  }
}
