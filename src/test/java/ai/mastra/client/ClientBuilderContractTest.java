package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.Wire;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Building the client: base URL and API prefix make the route, the environment default, an injected OkHttp
 * client, closing.
 */
class ClientBuilderContractTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void stub() {
    wm.stubFor(any(anyUrl()).willReturn(Capture.load("04").answer()));
  }

  private static String pathRequestedWith(String baseUrl, String apiPrefix) {
    MastraClient.Builder builder = MastraClient.builder().baseUrl(baseUrl).maxRetries(0);
    if (apiPrefix != null) {
      builder.apiPrefix(apiPrefix);
    }
    try (MastraClient client = builder.build()) {
      client.conversations().retrieve("c1");
    }
    return Wire.onlyRequest(wm).getUrl();
  }

  @Test
  void theDefaultPrefixIsApi() {
    assertThat(pathRequestedWith(wm.baseUrl(), null)).isEqualTo("/api/v1/conversations/c1");
  }

  @ParameterizedTest(name = "prefix ''{0}'' -> {1}")
  @CsvSource(delimiter = '|', value = {
    "/api        | /api/v1/conversations/c1",
    "api/        | /api/v1/conversations/c1",
    "/api/       | /api/v1/conversations/c1",
    "api         | /api/v1/conversations/c1",
    "''          | /v1/conversations/c1",
    "/           | /v1/conversations/c1",
    "/mastra/api | /mastra/api/v1/conversations/c1",
    "mastra/api/ | /mastra/api/v1/conversations/c1"
  })
  void theApiPrefixIsPutBeforeTheRoutes(String prefix, String expected) {
    assertThat(pathRequestedWith(wm.baseUrl(), prefix)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "base path ''{0}'' + prefix ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', value = {
    "/proxy         | /api        | /proxy/api/v1/conversations/c1",
    "/proxy/        | /api        | /proxy/api/v1/conversations/c1",
    "/proxy/mastra  | ''          | /proxy/mastra/v1/conversations/c1",
    "/a/b/          | /mastra/api | /a/b/mastra/api/v1/conversations/c1"
  })
  void aBaseUrlWithAPathKeepsIt(String basePath, String prefix, String expected) {
    assertThat(pathRequestedWith(wm.baseUrl() + basePath, prefix)).isEqualTo(expected);
  }

  @Test
  void theApiUrlShowsBaseAndPrefix() {
    try (MastraClient client = MastraClient.builder().baseUrl("http://mastra.internal:9000/proxy")
        .apiPrefix("/mastra/api").build()) {
      assertThat(client.apiUrl()).isEqualTo("http://mastra.internal:9000/proxy/mastra/api/");
    }
  }

  /** An environment with only {@code MASTRA_BASE_URL} set. */
  private static java.util.function.UnaryOperator<String> baseUrlEnv(String value) {
    return name -> "MASTRA_BASE_URL".equals(name) ? value : null;
  }

  @Test
  void theBaseUrlDefaultsToTheMastraBaseUrlEnvironmentVariable() {
    List<String> asked = new ArrayList<>();
    Map<String, String> env = Map.of("MASTRA_BASE_URL", " http://mastra.internal:9000 ");

    try (MastraClient client = new MastraClient.Builder(name -> {
      asked.add(name);
      return env.get(name);
    }).build()) {
      assertThat(client.apiUrl()).isEqualTo("http://mastra.internal:9000/api/");
    }
    assertThat(asked).containsExactlyInAnyOrder("MASTRA_BASE_URL", "MASTRA_LOG"); // MASTRA_LOG: see HttpLoggingTest
  }

  @Test
  void withoutTheEnvironmentVariableTheBaseUrlIsLocalhost4111() {
    try (MastraClient unset = new MastraClient.Builder(name -> null).build();
        MastraClient blank = new MastraClient.Builder(name -> "  ").build()) {
      assertThat(unset.apiUrl()).isEqualTo("http://localhost:4111/api/");
      assertThat(blank.apiUrl()).isEqualTo("http://localhost:4111/api/");
    }
  }

  @Test
  void anExplicitBaseUrlWinsOverTheEnvironment() {
    try (MastraClient client = new MastraClient.Builder(baseUrlEnv("http://from-env:1")).baseUrl(wm.baseUrl()).build()) {
      client.conversations().retrieve("c1");
    }
    assertThat(Wire.onlyRequest(wm).getUrl()).isEqualTo("/api/v1/conversations/c1");
  }

  @Test
  void theEnvironmentBaseUrlIsUsedForRequests() {
    try (MastraClient client = new MastraClient.Builder(baseUrlEnv(wm.baseUrl() + "/from-env")).build()) {
      client.conversations().retrieve("c1");
    }
    assertThat(Wire.onlyRequest(wm).getUrl()).isEqualTo("/from-env/api/v1/conversations/c1");
  }

  @Test
  void anInjectedOkHttpClientsInterceptorStillRunsAndTheSdkHeadersAreAdded() {
    // a response body for the POST (the default stub answers a conversation, which is not a valid Response)
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(anyUrl()).willReturn(Capture.load("07").answer()));
    List<String> seen = new ArrayList<>();
    OkHttpClient mine = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          seen.add(chain.request().method() + " " + chain.request().url().encodedPath());
          return chain.proceed(chain.request().newBuilder().header("X-Mine", "yes").build());
        })
        .build();

    try (MastraClient client = MastraClient.builder().baseUrl(wm.baseUrl()).httpClient(mine)
        .bearerToken("sk-test").build()) {
      client.conversations().retrieve("c1");
      client.responses().create(new ResponseCreateRequest().agentId("a").input("x"),
          RequestOptions.builder().header("X-Call", "1").build());
    }

    assertThat(seen).containsExactly("GET /api/v1/conversations/c1", "POST /api/v1/responses");
    assertThat(Wire.requests(wm)).allSatisfy(request -> {
      assertThat(request.getHeader("X-Mine")).isEqualTo("yes");
      assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test");
      assertThat(request.getHeader("User-Agent")).startsWith("mastra-client-java/");
    });
    assertThat(mine.interceptors()).hasSize(1);
  }

  @Test
  void anInjectedOkHttpClientKeepsItsOwnTimeouts() {
    wm.stubFor(any(anyUrl()).willReturn(Capture.load("04").answer().withFixedDelay(1_000)));
    OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(100, TimeUnit.MILLISECONDS).build();

    try (MastraClient client = MastraClient.builder().baseUrl(wm.baseUrl()).httpClient(impatient)
        .maxRetries(0).build()) {
      assertThatThrownBy(() -> client.conversations().retrieve("c1")).isInstanceOf(MastraIOException.class);
    }
  }

  @Test
  void closingLeavesAnInjectedOkHttpClientUsable() {
    OkHttpClient mine = new OkHttpClient();

    MastraClient client = MastraClient.builder().baseUrl(wm.baseUrl()).httpClient(mine).build();
    client.close();

    assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
  }

  @Test
  void closeIsIdempotentAndLaterCallsAreRefusedWithoutARequest() {
    MastraClient client = MastraClient.builder().baseUrl(wm.baseUrl()).build();

    client.close();
    client.close();

    assertThatThrownBy(() -> client.conversations().retrieve("c1"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().agentId("a").input("x")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void newBuilderMakesAVariantWithTheSameSettings() {
    try (MastraClient base = MastraClient.builder().baseUrl(wm.baseUrl()).apiPrefix("/mastra/api")
            .bearerToken("t1").build();
        MastraClient variant = base.newBuilder().header("X-Variant", "1").build()) {
      variant.conversations().retrieve("c1");
      assertThat(variant.apiUrl()).isEqualTo(base.apiUrl());
    }

    assertThat(Wire.onlyRequest(wm).getUrl()).isEqualTo("/mastra/api/v1/conversations/c1");
    assertThat(Wire.onlyRequest(wm).getHeader("Authorization")).isEqualTo("Bearer t1");
    assertThat(Wire.onlyRequest(wm).getHeader("X-Variant")).isEqualTo("1");
  }

  @Test
  void aReadTimeoutSetOnTheBuilderEndsASlowCall() {
    wm.stubFor(any(anyUrl()).willReturn(Capture.load("04").answer().withFixedDelay(1_000)));

    try (MastraClient client = MastraClient.builder().baseUrl(wm.baseUrl()).readTimeout(Duration.ofMillis(100))
        .maxRetries(0).build()) {
      assertThatThrownBy(() -> client.conversations().retrieve("c1")).isInstanceOf(MastraIOException.class);
    }
  }

  @Test
  void aBadMastraBaseUrlNamesTheEnvironmentVariable() {
    assertThatThrownBy(() -> new MastraClient.Builder(baseUrlEnv("localhost:4111")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the MASTRA_BASE_URL environment variable must be an http or https URL, got 'localhost:4111'");
    assertThatThrownBy(() -> new MastraClient.Builder(name -> null).baseUrl("localhost:4111"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl must be an http or https URL, got 'localhost:4111'");
  }

  @Test
  void theVersionIsTheArtifactsVersionFromTheBuild() throws Exception {
    String pom = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("pom.xml")),
        java.nio.charset.StandardCharsets.UTF_8);
    java.util.regex.Matcher version = java.util.regex.Pattern
        .compile("<artifactId>mastra-client-java</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertThat(version.find()).isTrue();

    assertThat(MastraClient.VERSION).isEqualTo(version.group(1));
  }
}
