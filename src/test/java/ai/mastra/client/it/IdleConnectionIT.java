package ai.mastra.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.MastraClient;
import ai.mastra.client.RequestOptions;
import ai.mastra.client.ResponseStream;
import ai.mastra.client.ResponseStreamListener;
import ai.mastra.client.StreamEvent;
import ai.mastra.client.model.ContentPart;
import ai.mastra.client.model.Conversation;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.MessageRole;
import ai.mastra.client.model.ResponseCreateRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real use has idle gaps. Mastra's Node server closes a keep-alive connection after 5 s of idleness, and OkHttp
 * checks a pooled connection before a POST only after 10 s: a POST 5 to 10 s after the previous call went out
 * on a closed connection and failed. Here every POST kind follows each idle gap across that window, on its own
 * client (all run in parallel, so the suite waits for the longest gap only), and must succeed with its turn in
 * the conversation exactly once: the request that hit the closed connection is sent again on a fresh one, and
 * never twice to the agent.
 */
@ExtendWith(MastraServer.class)
class IdleConnectionIT {
  private static final String AGENT = "support-agent";
  private static final int[] GAPS_SECONDS = {0, 5, 6, 7, 9, 11};

  enum Kind {
    CONVERSATION_CREATE,
    RESPONSE_CREATE,
    STREAM,
    ASYNC_CONVERSATION_CREATE,
    ASYNC_RESPONSE_CREATE,
    LISTENER_STREAM
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS) // the longest gap is 11 s; the rest is start-up and checks
  void everyPostKindSucceedsAfterEveryIdleGapAndRunsItsTurnOnce() throws Exception {
    List<Kind> kinds = List.of(Kind.values());
    ExecutorService pool = Executors.newFixedThreadPool(GAPS_SECONDS.length * kinds.size());
    Map<String, Future<String>> outcomes = new TreeMap<>();
    try {
      for (int gap : GAPS_SECONDS) {
        for (Kind kind : kinds) {
          outcomes.put(String.format("gap %2d s, %s", gap, kind), pool.submit(() -> run(kind, gap)));
        }
      }
      List<String> failures = new ArrayList<>();
      for (Map.Entry<String, Future<String>> outcome : outcomes.entrySet()) {
        String result;
        try {
          result = outcome.getValue().get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          result = "FAILED: " + e.getCause();
          failures.add(outcome.getKey() + ": " + e.getCause());
        }
        System.out.println("[idle-gap] " + outcome.getKey() + ": " + result);
      }
      assertThat(failures).as("POSTs that failed after an idle gap").isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  /** One client: a first call opens its connection, the gap lets it idle, then the POST under test. */
  private static String run(Kind kind, int gapSeconds) throws Exception {
    try (MastraClient client =
        MastraClient.builder()
            .baseUrl(MastraServer.baseUrl())
            .readTimeout(Duration.ofSeconds(30))
            .build()) {
      Conversation conversation =
          client.conversations().create(new ConversationCreateRequest().agentId(AGENT));
      Thread.sleep(TimeUnit.SECONDS.toMillis(gapSeconds));
      String input = "turn " + UUID.randomUUID();
      ResponseCreateRequest turn =
          new ResponseCreateRequest()
              .agentId(AGENT)
              .conversationId(conversation.getId())
              .input(input)
              .store(true);
      RequestOptions options = RequestOptions.builder().timeout(Duration.ofSeconds(30)).build();
      switch (kind) {
        case CONVERSATION_CREATE:
          return created(client, client.conversations().create(newConversation(), options));
        case ASYNC_CONVERSATION_CREATE:
          return created(
              client, client.async().conversations().create(newConversation(), options).get(30, TimeUnit.SECONDS));
        case RESPONSE_CREATE:
          client.responses().create(turn, options);
          break;
        case ASYNC_RESPONSE_CREATE:
          client.async().responses().create(turn, options).get(30, TimeUnit.SECONDS);
          break;
        case STREAM:
          try (ResponseStream stream = client.responses().stream(turn, options)) {
            stream.requireCompleted();
          }
          break;
        case LISTENER_STREAM:
          client
              .async()
              .responses()
              .stream(turn, options, new ResponseStreamListener() {
                @Override
                public void onEvent(StreamEvent event) {}
              })
              .get(30, TimeUnit.SECONDS);
          break;
        default:
          throw new AssertionError(kind);
      }
      List<OutputItem> turns =
          client.conversations().items().list(conversation.getId()).autoPager().stream()
              .filter(item -> item.isMessage() && item.asMessage().getRole() == MessageRole.USER
                  && input.equals(item.asMessage().text()))
              .collect(Collectors.toList());
      assertThat(turns).as("user messages of the turn in the conversation").hasSize(1);
      return "ok, the turn is in the conversation once";
    }
  }

  private static ConversationCreateRequest newConversation() {
    return new ConversationCreateRequest().agentId(AGENT).conversationId("idle-" + UUID.randomUUID());
  }

  private static String created(MastraClient client, Conversation created) {
    assertThat(client.conversations().retrieve(created.getId()).getId()).isEqualTo(created.getId());
    return "ok, created " + created.getId();
  }

}
