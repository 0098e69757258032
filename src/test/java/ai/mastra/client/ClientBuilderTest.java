package ai.mastra.client;

import static ai.mastra.client.ConversationsContractTest.recorded;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Building the client: URLs, prefixes, defaults, an injected OkHttp client, closing. */
class ClientBuilderTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @ParameterizedTest(name = "base {0} + prefix ''{1}''")
  @CsvSource(delimiter = '|', value = {
    "''        | /api        | /api/v1/conversations/c1",
    "''        | api/        | /api/v1/conversations/c1",
    "''        | ''          | /v1/conversations/c1",
    "''        | /mastra/api | /mastra/api/v1/conversations/c1",
    "/proxy    | /api        | /proxy/api/v1/conversations/c1",
    "/proxy/   | /api        | /proxy/api/v1/conversations/c1"
  })
  void theApiPrefixAndABasePathMakeTheRoute(String basePath, String prefix, String expectedPath) {
    wm.stubFor(any(anyUrl()).willReturn(recorded("04")));
    try (MastraClient client = new MastraClient.Builder(name -> null)
        .baseUrl(wm.baseUrl() + basePath).apiPrefix(prefix).build()) {
      client.conversations().retrieve("c1");
    }
    assertThat(wm.getAllServeEvents().get(0).getRequest().getUrl()).isEqualTo(expectedPath);
  }

  @Test
  void theBaseUrlDefaultsToTheEnvironmentThenToLocalhost() {
    try (MastraClient fromEnv = new MastraClient.Builder(
            name -> name.equals("MASTRA_BASE_URL") ? "http://mastra.internal:9000" : null).build();
        MastraClient fallback = new MastraClient.Builder(name -> null).build()) {
      assertThat(fromEnv.apiUrl()).isEqualTo("http://mastra.internal:9000/api/");
      assertThat(fallback.apiUrl()).isEqualTo("http://localhost:4111/api/");
    }
  }

  @Test
  void anInjectedOkHttpClientKeepsItsInterceptorsAndIsNotClosed() {
    wm.stubFor(any(anyUrl()).willReturn(recorded("04")));
    AtomicInteger seen = new AtomicInteger();
    OkHttpClient mine = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          seen.incrementAndGet();
          return chain.proceed(chain.request().newBuilder().header("X-Mine", "yes").build());
        })
        .build();

    MastraClient client = MastraClient.builder().baseUrl(wm.baseUrl()).httpClient(mine).build();
    client.conversations().retrieve("c1");
    client.close();
    client.close(); // idempotent

    assertThat(seen).hasValue(1);
    assertThat(wm.getAllServeEvents().get(0).getRequest().getHeader("X-Mine")).isEqualTo("yes");
    assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
    assertThat(mine.interceptors()).hasSize(1); // the SDK added its headers to a derived client
  }

  @Test
  void newBuilderMakesAVariantWithTheSameSettings() {
    wm.stubFor(any(anyUrl()).willReturn(recorded("04")));
    try (MastraClient base = new MastraClient.Builder(name -> null).baseUrl(wm.baseUrl()).bearerToken("t1").build();
        MastraClient variant = base.newBuilder().header("X-Variant", "1").build()) {
      variant.conversations().retrieve("c1");
      assertThat(variant.apiUrl()).isEqualTo(base.apiUrl());
    }
    assertThat(wm.getAllServeEvents().get(0).getRequest().getHeader("Authorization")).isEqualTo("Bearer t1");
    assertThat(wm.getAllServeEvents().get(0).getRequest().getHeader("X-Variant")).isEqualTo("1");
  }
}
