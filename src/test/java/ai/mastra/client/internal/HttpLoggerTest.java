package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.LogLevel;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The redaction rules of the HTTP log, on their own: JSON (whole and cut short), URLs, header names. */
class HttpLoggerTest {
  private final HttpLogger log = new HttpLogger(LogLevel.BODY, line -> { }, List.of("X-Tenant"), false);

  @Test
  void everyRequestContextMemberIsRedactedAtAnyDepthAndTheRestIsKept() {
    String json = "{\"a\":1.50,\"requestContext\":{\"user\":\"u-1\"},\"list\":[true,null,{\"requestContext\":[1,2]}],"
        + "\"text\":\"requestContext: é \\\"quoted\\\"\"}";
    assertThat(HttpLogger.withoutContext(json)).isEqualTo("{\"a\":1.50,\"requestContext\":\"[redacted]\",\"list\":"
        + "[true,null,{\"requestContext\":\"[redacted]\"}],\"text\":\"requestContext: é \\\"quoted\\\"\"}");
  }

  @Test
  void jsonCutShortGivesWhatCameBeforeTheCutAndNeverTheContext() {
    String whole = "{\"id\":\"c1\",\"thread\":{\"metadata\":{\"requestContext\":{\"user\":\"secret-user\"}}}}";
    for (int cut = 1; cut < whole.length(); cut++) {
      String partial = HttpLogger.withoutContext(whole.substring(0, cut));
      if (partial != null) {
        assertThat(partial).as("cut at " + cut).doesNotContain("secret-user");
      }
    }
    assertThat(HttpLogger.withoutContext(whole.substring(0, 20))).startsWith("{\"id\":\"c1\"");
    assertThat(HttpLogger.withoutContext("not json")).isNull();
  }

  @Test
  void theContextQueryParameterIsRedactedAndOtherParametersKept() {
    HttpUrl url = HttpUrl.get("http://h:1/api/v1/conversations/c/items?limit=2&requestContext=eyJ1IjoxfQ%3D%3D&after=x");
    assertThat(log.url(url))
        .isEqualTo("http://h:1/api/v1/conversations/c/items?limit=2&requestContext=[redacted]&after=x");
    assertThat(log.url(HttpUrl.get("http://h:1/a?b=c"))).isEqualTo("http://h:1/a?b=c");
    assertThat(HttpLogger.redactQuery("/x?requestContext=abc&y=1")).isEqualTo("/x?requestContext=[redacted]&y=1");
    HttpLogger shows = new HttpLogger(LogLevel.BODY, line -> { }, Set.of(), true);
    assertThat(shows.url(url)).contains("requestContext=eyJ1IjoxfQ%3D%3D");
  }

  @Test
  void secretHeadersAreTheFixedOnesTheUsersAndNamesThatSuggestASecret() {
    for (String name : List.of("Authorization", "proxy-authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Api-Key",
        "x-tenant", "X-Auth-Token", "X-Session-Id", "X-Client-Secret", "X-Db-Password", "X-Apikey", "Private-Token")) {
      assertThat(log.isSecret(name)).as(name).isTrue();
    }
    for (String name : List.of("Content-Type", "User-Agent", "X-Trace", "Accept", "Location", "Keep-Alive")) {
      assertThat(log.isSecret(name)).as(name).isFalse();
    }
  }
}
