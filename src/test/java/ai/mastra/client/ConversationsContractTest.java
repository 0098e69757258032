package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.Conversation;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ConversationDeleted;
import ai.mastra.client.model.ListOrder;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.Wire;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every Conversations operation with every parameter, against WireMock answering what the real server
 * answered (the captures): the exact request on the wire, and the answer read back.
 */
class ConversationsContractTest extends WireMockClientTest {


  /** The recorded answer of a capture, e.g. {@code "04"}, as a WireMock response. */
  static ResponseDefinitionBuilder recorded(String capture) {
    return Capture.load(capture).answer();
  }

  private static ConversationCreateRequest fullRequest() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("ticket", "T-1");
    metadata.put("priority", 2);
    return new ConversationCreateRequest()
        .agentId("support-agent")
        .conversationId("conv-fixed-1")
        .resourceId("user-42")
        .title("Support chat")
        .metadata(metadata);
  }

  @Test
  void createPostsEveryParameterExactlyAsRecorded() {
    wm.stubFor(post(urlEqualTo("/api/v1/conversations")).willReturn(recorded("02")));

    client.conversations().create(fullRequest());

    LoggedRequest sent = Wire.onlyRequest(wm);
    assertThat(sent.getMethod().getName()).isEqualTo("POST");
    assertThat(sent.getUrl()).isEqualTo("/api/v1/conversations");
    assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
    wm.verify(postRequestedFor(urlEqualTo("/api/v1/conversations"))
        .withRequestBody(equalToJson(Capture.load("02").requestBody().get().toString(), false, false)));
  }

  @Test
  void createKeepsAnIntegerMetadataValueAnInteger() {
    wm.stubFor(post(urlEqualTo("/api/v1/conversations")).willReturn(recorded("02")));

    client.conversations().create(fullRequest());

    JsonObject metadata = Wire.body(Wire.onlyRequest(wm)).getAsJsonObject().getAsJsonObject("metadata");
    // The number's text as it was on the wire: 2, not 2.0.
    assertThat(metadata.get("priority").getAsJsonPrimitive().getAsNumber().toString()).isEqualTo("2");
  }

  @Test
  void createReadsTheRecordedConversationAndItsThread() {
    wm.stubFor(post(urlEqualTo("/api/v1/conversations")).willReturn(recorded("02")));

    Conversation conversation = client.conversations().create(fullRequest());

    assertThat(conversation.getId()).isEqualTo("conv-fixed-1");
    assertThat(conversation.getObject()).isEqualTo("conversation");
    assertThat(conversation.getThread().getId()).isEqualTo("conv-fixed-1");
    assertThat(conversation.getThread().getTitle()).isEqualTo("Support chat");
    assertThat(conversation.getThread().getResourceId()).isEqualTo("user-42");
    OffsetDateTime created = OffsetDateTime.of(2026, 11, 25, 6, 39, 0, 110_000_000, ZoneOffset.UTC);
    assertThat(conversation.getThread().getCreatedAt()).isEqualTo(created);
    assertThat(conversation.getThread().getUpdatedAt()).isEqualTo(created);
    assertThat(conversation.getThread().getMetadata())
        .containsExactly(Map.entry("ticket", "T-1"), Map.entry("priority", 2L));
  }

  @Test
  void createWithOnlyTheAgentSendsNothingElse() {
    wm.stubFor(post(urlEqualTo("/api/v1/conversations")).willReturn(recorded("01")));

    Conversation conversation =
        client.conversations().create(new ConversationCreateRequest().agentId("support-agent"));

    // Strict: no null members, no requestContext, nothing the caller did not set.
    assertThat(Wire.onlyRequest(wm).getBodyAsString()).isEqualTo("{\"agent_id\":\"support-agent\"}");
    assertThat(conversation.getId()).isEqualTo("32926168-1eb1-4587-9bd3-f24277876d7d");
    assertThat(conversation.getThread().getResourceId()).isEqualTo(conversation.getId());
    assertThat(conversation.getThread().getMetadata()).isNull();
  }

  @Test
  void retrieveGetsTheConversationByIdWithoutABody() {
    wm.stubFor(get(urlEqualTo("/api/v1/conversations/conv-fixed-1")).willReturn(recorded("04")));

    Conversation conversation = client.conversations().retrieve("conv-fixed-1");

    LoggedRequest sent = Wire.onlyRequest(wm);
    assertThat(sent.getMethod().getName()).isEqualTo("GET");
    assertThat(sent.getUrl()).isEqualTo("/api/v1/conversations/conv-fixed-1");
    assertThat(sent.getBodyAsString()).isEmpty();
    assertThat(sent.containsHeader("Content-Type")).isFalse();
    assertThat(conversation.getId()).isEqualTo("conv-fixed-1");
    assertThat(conversation.getThread().getTitle()).isEqualTo("Again");
    OffsetDateTime created = OffsetDateTime.of(2026, 11, 25, 6, 39, 0, 144_000_000, ZoneOffset.UTC);
    assertThat(conversation.getThread().getCreatedAt()).isEqualTo(created);
    assertThat(conversation.getThread().getUpdatedAt()).isEqualTo(created);
  }

  @Test
  void deleteDeletesTheConversationByIdWithoutABody() {
    wm.stubFor(delete(urlEqualTo("/api/v1/conversations/conv-fixed-1")).willReturn(recorded("50")));

    ConversationDeleted deleted = client.conversations().delete("conv-fixed-1");

    LoggedRequest sent = Wire.onlyRequest(wm);
    assertThat(sent.getMethod().getName()).isEqualTo("DELETE");
    assertThat(sent.getUrl()).isEqualTo("/api/v1/conversations/conv-fixed-1");
    assertThat(sent.getBodyAsString()).isEmpty();
    assertThat(deleted.getId()).isEqualTo("conv-fixed-1");
    assertThat(deleted.getObject()).isEqualTo("conversation.deleted");
    assertThat(deleted.getDeleted()).isTrue();
  }

  @Test
  void itemsListWithoutParamsSendsNoQueryParameter() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/conv-fixed-1/items")).willReturn(recorded("13")));

    ConversationItemsPage page = client.conversations().items().list("conv-fixed-1");

    LoggedRequest sent = Wire.onlyRequest(wm);
    assertThat(sent.getMethod().getName()).isEqualTo("GET");
    assertThat(sent.getUrl()).isEqualTo("/api/v1/conversations/conv-fixed-1/items");
    assertThat(page.data()).hasSize(2);
  }

  @Test
  void itemsListSendsAfterLimitAndOrder() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/conv-fixed-1/items")).willReturn(recorded("40")));

    ConversationItemsPage page = client.conversations().items().list("conv-fixed-1",
        ItemListParams.builder().after("x").limit(1).order(ListOrder.ASC).build());

    LoggedRequest sent = Wire.onlyRequest(wm);
    assertThat(sent.getUrl()).isEqualTo("/api/v1/conversations/conv-fixed-1/items?after=x&limit=1&order=asc");
    assertThat(page.params().after()).contains("x");
    // Mastra ignores the three and answers the whole thread (capture 40).
    assertThat(page.data()).hasSize(6);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "after  | ?after=msg_1",
    "limit  | ?limit=20",
    "order  | ?order=desc"
  })
  void itemsListSendsOnlyTheParamsThatWereSet(String which, String expectedQuery) {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1/items")).willReturn(recorded("06")));
    ItemListParams.Builder params = ItemListParams.builder();
    switch (which) {
      case "after":
        params.after("msg_1");
        break;
      case "limit":
        params.limit(20);
        break;
      default:
        params.order(ListOrder.DESC);
    }

    client.conversations().items().list("c1", params.build());

    assertThat(Wire.onlyRequest(wm).getUrl()).isEqualTo("/api/v1/conversations/c1/items" + expectedQuery);
  }

  @Test
  void itemsListReadsTheRecordedThreadInOrder() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/conv-fixed-1/items")).willReturn(recorded("13")));

    ConversationItemsPage page = client.conversations().items().list("conv-fixed-1");

    assertThat(page.data()).extracting(item -> item.asMessage().getContent().get(0).getText())
        .containsExactly("Hi inside the conversation", "Echo: Hi inside the conversation");
    assertThat(page.firstId()).contains("88e0c1a6-e462-4a4e-b08c-12b77a205989");
    assertThat(page.lastId()).contains("4a5a742b-df91-45ce-a395-cffcf64bdf85");
    assertThat(page.hasMore()).isFalse();
    assertThat(page.raw().getObject()).isEqualTo("list");
    assertThat(page.data()).isUnmodifiable();
  }
}
