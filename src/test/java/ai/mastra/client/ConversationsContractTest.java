package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.Conversation;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ConversationDeleted;
import ai.mastra.client.model.ConversationItem;
import ai.mastra.client.model.ItemStatus;
import ai.mastra.client.model.ListOrder;
import ai.mastra.client.model.MessageRole;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every Conversations operation against WireMock, with the real server's recorded answers. */
class ConversationsContractTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private MastraClient client;

  @BeforeEach
  void setUp() {
    client = new MastraClient.Builder(name -> null).baseUrl(wm.baseUrl()).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder recorded(String capture) {
    return aResponse()
        .withStatus(Captures.status(capture))
        .withHeader("Content-Type", Captures.contentType(capture))
        .withBody(Captures.answer(capture));
  }

  @Test
  void createSendsEveryParameterAsTheRecordedRequestAndReadsTheThread() {
    wm.stubFor(post(urlEqualTo("/api/v1/conversations")).willReturn(recorded("02")));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("ticket", "T-1");
    metadata.put("priority", 2);

    Conversation conversation = client.conversations().create(new ConversationCreateRequest()
        .agentId("support-agent")
        .conversationId("conv-fixed-1")
        .resourceId("user-42")
        .title("Support chat")
        .metadata(metadata));

    LoggedRequest sent = wm.getAllServeEvents().get(0).getRequest();
    assertThat(sent.getMethod().getName()).isEqualTo("POST");
    assertThat(sent.getUrl()).isEqualTo("/api/v1/conversations"); // no requestContext parameter
    assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
    // Byte-level: the integer stays an integer.
    assertThat(sent.getBodyAsString()).contains("\"priority\":2").doesNotContain("2.0");
    wm.verify(postRequestedFor(urlEqualTo("/api/v1/conversations"))
        .withRequestBody(equalToJson(Captures.request("02"))));

    assertThat(conversation.getId()).isEqualTo("conv-fixed-1");
    assertThat(conversation.getObject()).isEqualTo("conversation");
    assertThat(conversation.getThread().getTitle()).isEqualTo("Support chat");
    assertThat(conversation.getThread().getResourceId()).isEqualTo("user-42");
    assertThat(conversation.getThread().getCreatedAt())
        .isEqualTo(OffsetDateTime.of(2026, 11, 25, 6, 39, 0, 110_000_000, ZoneOffset.UTC));
    assertThat(conversation.getThread().getMetadata()).containsEntry("ticket", "T-1").containsEntry("priority", 2L);
  }

  @Test
  void createWithOnlyTheAgentSendsOnlyTheAgent() {
    wm.stubFor(post(urlEqualTo("/api/v1/conversations")).willReturn(recorded("01")));

    Conversation conversation =
        client.conversations().create(new ConversationCreateRequest().agentId("support-agent"));

    wm.verify(postRequestedFor(urlEqualTo("/api/v1/conversations"))
        .withRequestBody(equalToJson("{\"agent_id\":\"support-agent\"}", false, false)));
    assertThat(conversation.getThread().getMetadata()).isNull();
    assertThat(conversation.getThread().getTitle()).isEmpty();
  }

  @Test
  void retrieveGetsTheConversationById() {
    wm.stubFor(get(urlEqualTo("/api/v1/conversations/conv-fixed-1")).willReturn(recorded("04")));

    Conversation conversation = client.conversations().retrieve("conv-fixed-1");

    assertThat(conversation.getThread().getTitle()).isEqualTo("Again");
    assertThat(conversation.getThread().getUpdatedAt()).isNotNull();
    LoggedRequest sent = wm.getAllServeEvents().get(0).getRequest();
    assertThat(sent.getMethod().getName()).isEqualTo("GET");
    assertThat(sent.getHeader("Content-Type")).isNull();
    assertThat(sent.getBodyAsString()).isEmpty();
  }

  @Test
  void deleteDeletesTheConversationById() {
    wm.stubFor(delete(urlEqualTo("/api/v1/conversations/conv-fixed-1")).willReturn(recorded("50")));

    ConversationDeleted deleted = client.conversations().delete("conv-fixed-1");

    assertThat(deleted.getId()).isEqualTo("conv-fixed-1");
    assertThat(deleted.getObject()).isEqualTo("conversation.deleted");
    assertThat(deleted.getDeleted()).isTrue();
    wm.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/conversations/conv-fixed-1")));
  }

  @Test
  void itemsListReadsMessagesToolCallsAndToolResults() {
    String path = "/api/v1/conversations/9308b28b-e928-4082-809a-8f154243ce2e/items";
    wm.stubFor(get(urlEqualTo(path)).willReturn(recorded("21")));

    ConversationItemsPage page = client.conversations().items().list("9308b28b-e928-4082-809a-8f154243ce2e");

    List<ConversationItem> items = page.data();
    assertThat(items).extracting(ConversationItem::getType)
        .containsExactly("message", "function_call", "function_call_output", "message");
    assertThat(items.get(0).getRole()).isEqualTo(MessageRole.USER);
    assertThat(items.get(0).getStatus()).isEqualTo(ItemStatus.COMPLETED);
    assertThat(items.get(0).getContent().get(0).getType()).isEqualTo("input_text");
    assertThat(items.get(0).getContent().get(0).getText()).isEqualTo("What is the weather like today?");
    assertThat(items.get(1).getCallId()).isEqualTo("call_11");
    assertThat(items.get(1).getName()).isEqualTo("get_weather");
    assertThat(items.get(1).getArguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(items.get(2).getId()).isEqualTo("call_11:output");
    assertThat(items.get(2).getOutput()).contains("\"temperature\":18");
    assertThat(items.get(3).getRole()).isEqualTo(MessageRole.ASSISTANT);
    assertThat(page.firstId()).contains(items.get(0).getId());
    assertThat(page.lastId()).contains("msg_495babd0-fc2a-4caa-b8eb-ac91b9872252");
    assertThat(page.hasMore()).isFalse();
    assertThat(page.hasNextPage()).isFalse();
    // No paging parameter unless asked for.
    wm.verify(getRequestedFor(urlEqualTo(path)));
  }

  @Test
  void itemsListOfAnEmptyConversationHasNoIds() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1/items")).willReturn(recorded("06")));

    ConversationItemsPage page = client.conversations().items().list("c1");

    assertThat(page.data()).isEmpty();
    assertThat(page.firstId()).isEmpty();
    assertThat(page.lastId()).isEmpty();
    assertThat(page.autoPager()).isEmpty();
  }

  @Test
  void itemsListSendsAfterLimitAndOrder() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1/items")).willReturn(recorded("06")));

    client.conversations().items().list("c1",
        ItemListParams.builder().after("msg_1").limit(20).order(ListOrder.DESC).build());

    wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/conversations/c1/items"))
        .withQueryParam("after", equalTo("msg_1"))
        .withQueryParam("limit", equalTo("20"))
        .withQueryParam("order", equalTo("desc"))
        .withQueryParam("requestContext", absent()));
  }

  @Test
  void headersAreSentOnEveryCallAndPerCallHeadersWin() {
    wm.stubFor(any(anyUrl()).willReturn(recorded("04")));
    MastraClient authed = new MastraClient.Builder(name -> null)
        .baseUrl(wm.baseUrl())
        .bearerToken("sk-test")
        .header("X-Team", "payments")
        .header("X-Trace", "client")
        .build();

    authed.conversations().retrieve("conv-fixed-1",
        RequestOptions.builder().header("X-Trace", "call").build());

    LoggedRequest sent = wm.getAllServeEvents().get(0).getRequest();
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer sk-test");
    assertThat(sent.getHeader("X-Team")).isEqualTo("payments");
    assertThat(sent.getHeaders().getHeader("X-Trace").values()).containsExactly("call");
    assertThat(sent.getHeader("User-Agent")).isEqualTo("mastra-client-java/" + MastraClient.VERSION);
    authed.close();
  }
}
