package ai.mastra.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.LogLevel;
import ai.mastra.client.MastraClient;
import ai.mastra.client.RequestContext;
import ai.mastra.client.RequestOptions;
import ai.mastra.client.ResponseStream;
import ai.mastra.client.StreamEvent;
import ai.mastra.client.model.Conversation;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP log against the real Mastra server, at the body level: every operation kind (create, retrieve with
 * the context in the query, items, a stream logged event by event, delete) is in the log, and no secret is:
 * not the bearer token, the cookie, a header marked secret, nor the request context the requests carry.
 */
@ExtendWith(MastraServer.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpLoggingIT {
  private static final String TOKEN = "sk-it-token-5b9f2c";
  private static final String COOKIE_VALUE = "it-cookie-8d1e";
  private static final String TENANT_KEY = "it-tenant-key-4471";
  private static final String CONTEXT_SECRET = "ctx-user-9a0b7c";

  @Test
  void aRealExchangeAtBodyLevelIsLoggedWithEverySecretRedacted() {
    List<String> lines = new CopyOnWriteArrayList<>();
    RequestContext context = RequestContext.builder().set("user", CONTEXT_SECRET).set("tier", "gold").build();
    String contextBase64 = Base64.getEncoder().encodeToString(context.toJson().getBytes(StandardCharsets.UTF_8));
    int events = 0;
    try (MastraClient client = MastraClient.builder()
        .baseUrl(MastraServer.baseUrl())
        .logLevel(LogLevel.BODY)
        .logSink(lines::add)
        .bearerToken(TOKEN)
        .header("Cookie", "sid=" + COOKIE_VALUE)
        .header("X-Tenant", TENANT_KEY)
        .redactHeader("X-Tenant")
        .build()) {
      Conversation conversation = client.conversations().create(
          new ConversationCreateRequest().agentId("support-agent"), RequestOptions.of(context));
      client.conversations().retrieve(conversation.getId(), RequestOptions.of(context));
      Response response = client.responses().create(new ResponseCreateRequest().agentId("support-agent")
          .conversationId(conversation.getId()).input("Hello from the logging test").store(true));
      client.conversations().items().list(conversation.getId(), RequestOptions.of(context));
      try (ResponseStream stream = client.responses().stream(new ResponseCreateRequest()
          .agentId("support-agent").input("What is the weather?"))) {
        for (StreamEvent event : stream) {
          events++;
        }
      }
      client.responses().delete(response.getId());
      client.conversations().delete(conversation.getId());
    }
    String log = String.join("\n", lines);
    int delivered = events;

    // what happened is there
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ --> POST .*/api/v1/conversations \\(\\d+-byte body\\)"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ <-- 200 OK GET .*/api/v1/conversations/[^?]+\\?requestContext=\\[redacted] \\(\\d+ ms\\)"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ --> \\{.*\"input\":\"Hello from the logging test\".*}"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ <-- \\{.*\"object\":\"response\".*"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ --> Authorization: \\[redacted]"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ --> Cookie: \\[redacted]"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ --> X-Tenant: \\[redacted]"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ --> \\{.*\"requestContext\":\"\\[redacted]\".*"));
    List<String> streamEvents = lines.stream().filter(l -> l.matches("#\\d+ <-- event: response\\..*"))
        .collect(Collectors.toList());
    assertThat(streamEvents).hasSize(delivered);
    assertThat(streamEvents).anyMatch(l -> l.contains("response.function_call_arguments.delta"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ <-- END stream \\(" + delivered + " events, \\d+ bytes, \\d+ ms\\)"));
    assertThat(lines).anyMatch(l -> l.matches("#\\d+ <-- 200 OK DELETE .*"));

    // and no secret is
    assertThat(log).doesNotContain(TOKEN, COOKIE_VALUE, TENANT_KEY, CONTEXT_SECRET, contextBase64.substring(0, 12));
  }
}
