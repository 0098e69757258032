package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.internal.Transport;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.RawHttpServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules with an edge, checked at the edge: redirect statuses, size limits, message hints, printable names. */
class BoundariesTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String CONVERSATION = Capture.load("04").responseBody();

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aGetIsFollowedWithinTheOriginForEveryRedirectStatus(int status) {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/old")).willReturn(aResponse().withStatus(status)
        .withHeader("Location", "/api/v1/conversations/c1")));
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1")).willReturn(Capture.load("04").answer()));
    try (MastraClient client = MastraClient.builder().baseUrl(wm.baseUrl()).maxRetries(0).build()) {
      assertThat(client.conversations().retrieve("old").getId()).isEqualTo("conv-fixed-1");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {300, 304, 305})
  void otherThreeHundredsAreNotFollowed(int status) {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/old")).willReturn(aResponse().withStatus(status)
        .withHeader("Location", "/api/v1/conversations/c1")));
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1")).willReturn(Capture.load("04").answer()));
    try (MastraClient client = MastraClient.builder().baseUrl(wm.baseUrl()).maxRetries(0).build()) {
      assertThatThrownBy(() -> client.conversations().retrieve("old")).isInstanceOf(ApiException.class);
      assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }
  }

  @Test
  void anAnswerOfExactlyMaxResponseSizeIsReadAndOneByteMoreIsNot() throws Exception {
    int size = CONVERSATION.getBytes(StandardCharsets.UTF_8).length;
    // a declared Content-Length (WireMock would gzip the body, and OkHttp's inflating hides the length)
    try (RawHttpServer declared = new RawHttpServer((index, connection) -> {
          while (connection.readRequest() != null) {
            connection.answerJson(200, CONVERSATION);
          }
        });
        MastraClient exact = MastraClient.builder().baseUrl(declared.url()).maxResponseSize(size).build();
        MastraClient under = MastraClient.builder().baseUrl(declared.url()).maxResponseSize(size - 1).build()) {
      assertThat(exact.conversations().retrieve("c1").getId()).isEqualTo("conv-fixed-1");
      assertThatThrownBy(() -> under.conversations().retrieve("c1"))
          .isInstanceOf(MastraInvalidResponseException.class).hasMessageContaining("its Content-Length is " + size);
    }
    // no length (chunked, not compressed): counted as it arrives
    try (RawHttpServer chunked = new RawHttpServer((index, connection) -> {
          while (connection.readRequest() != null) {
            String half = CONVERSATION.substring(0, CONVERSATION.length() / 2);
            String rest = CONVERSATION.substring(CONVERSATION.length() / 2);
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(half.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + half + "\r\n"
                + Integer.toHexString(rest.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + rest + "\r\n0\r\n\r\n");
          }
        });
        MastraClient exact = MastraClient.builder().baseUrl(chunked.url()).maxResponseSize(size).build();
        MastraClient under = MastraClient.builder().baseUrl(chunked.url()).maxResponseSize(size - 1).build()) {
      assertThat(exact.conversations().retrieve("c1").getId()).isEqualTo("conv-fixed-1");
      assertThatThrownBy(() -> under.conversations().retrieve("c1"))
          .isInstanceOf(MastraInvalidResponseException.class).hasMessageContaining("more than that arrived");
    }
  }

  private static MastraServiceException error(int status, Map<String, List<String>> headers) {
    return Transport.toException("GET", "http://127.0.0.1/api/v1/conversations/c1", status, headers, "");
  }

  @Test
  void theRedirectHintIsForThreeHundredsWithALocationOnly() {
    Map<String, List<String>> location = Collections.singletonMap("location", List.of("/elsewhere"));
    assertThat(error(300, location)).hasMessageContaining("was not followed");
    assertThat(error(399, location)).hasMessageContaining("was not followed");
    assertThat(error(400, location)).hasMessageNotContaining("was not followed");
    assertThat(error(404, Collections.singletonMap("location", List.of()))).hasMessageNotContaining("redirect");
  }

  @Test
  void headerNamesInMessagesArePrintableAsciiAndEveryOtherCharacterEscaped() {
    // space (0x20) and '~' (0x7e) are printed as they are; 0x1f and 0x7f are escaped
    assertThatThrownBy(() -> RequestOptions.builder().header("a b~", "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a b~'");
    assertThatThrownBy(() -> RequestOptions.builder().header("a\u001fb\u007fc", "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a\\u001Fb\\u007Fc");
  }

  @Test
  void aGetContextOfExactlyEightKilobytesEncodedIsSent() {
    // {"k":"aaa..."} of 6,144 characters: base64 of exactly 8,192 characters, none of them percent-encoded
    RequestContext exact = RequestContext.builder().set("k", "a".repeat(6144 - 8)).build();
    assertThat(exact.toJson()).hasSize(6144);
    assertThat(exact.toQueryParameter()).hasSize(8192).doesNotContain("+", "/", "=");
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1")).willReturn(Capture.load("04").answer()));
    try (MastraClient client = MastraClient.builder().baseUrl(wm.baseUrl()).build()) {
      assertThat(client.conversations().retrieve("c1", RequestOptions.of(exact)).getId()).isEqualTo("conv-fixed-1");
      RequestContext over = RequestContext.builder().set("k", "a".repeat(6144 - 7)).build();
      assertThatThrownBy(() -> client.conversations().retrieve("c1", RequestOptions.of(over)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("would be 8200 bytes") /* 8,196 with its two "=" percent-encoded */;
    }
  }

  @Test
  void theSmallestLimitsAreAccepted() {
    try (MastraClient tiny = MastraClient.builder().baseUrl(wm.baseUrl()).maxResponseSize(1).maxConcurrentRequests(1)
        .build()) {
      assertThat(tiny.apiUrl()).startsWith(wm.baseUrl());
    }
    assertThatThrownBy(() -> MastraClient.builder().maxResponseSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResponseSize");
  }
}
