package ai.mastra.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared fixture of the contract tests: a WireMock server on a free loopback port (reset before each test)
 * and a client pointed at it with retries off, so each stubbed answer is seen exactly once.
 */
abstract class WireMockClientTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  MastraClient client;

  @BeforeEach
  void openClient() {
    client = MastraClient.builder().baseUrl(wm.baseUrl()).maxRetries(0).build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }
}
