package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.ContentPart;
import ai.mastra.client.model.Conversation;
import ai.mastra.client.model.ConversationDeleted;
import ai.mastra.client.model.FunctionCallItem;
import ai.mastra.client.model.FunctionCallOutputItem;
import ai.mastra.client.model.JsonSchemaFormat;
import ai.mastra.client.model.MessageItem;
import ai.mastra.client.model.OutputTextPart;
import ai.mastra.client.model.ItemStatus;
import ai.mastra.client.model.MessageRole;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseDeleted;
import ai.mastra.client.model.ResponseStatus;
import ai.mastra.client.model.TextFormat;
import ai.mastra.client.testing.Capture;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every shape of answer the real server gives is read into the right fields, and answers from a newer or
 * different server (unknown fields, item types, part types, enum values) are read without failing.
 */
class ResponseShapesContractTest extends WireMockClientTest {


  private void answer(String capture) {
    wm.stubFor(any(anyUrl()).willReturn(Capture.load(capture).answer()));
  }

  /**
   * Answers {@code json}; a response body that leaves out required top-level properties (created_at, model,
   * status, output) gets neutral values for them, so each test writes only what it is about. (A body that
   * truly lacks one is refused: see {@code aSuccessBodyThatLacksARequiredPropertyIsAnInvalidResponse}.)
   */
  private void answerJson(String json) {
    com.google.gson.JsonObject body = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
    if (body.has("object") && body.get("object").getAsString().equals("response")) {
      if (!body.has("created_at")) body.addProperty("created_at", 1700000000);
      if (!body.has("model")) body.addProperty("model", "mock/echo-model");
      if (!body.has("status")) body.addProperty("status", "completed");
      if (!body.has("output")) body.add("output", new com.google.gson.JsonArray());
      json = body.toString();
    }
    wm.stubFor(any(anyUrl()).willReturn(okJson(json)));
  }

  @Test
  void aPlainResponseHasEveryTopLevelFieldAndItsUsage() {
    answer("07");

    Response response = client.responses().retrieve("r1");

    assertThat(response.getId()).isEqualTo("msg_baf6fc6e-4dbc-43ed-bae6-950314b53664");
    assertThat(response.getObject()).isEqualTo("response");
    assertThat(response.getCreatedAt()).isEqualTo(1795588740L);
    assertThat(response.getCompletedAt()).isEqualTo(1795588740L);
    assertThat(response.getModel()).isEqualTo("mock/echo-model");
    assertThat(response.getStatus()).isEqualTo(ResponseStatus.COMPLETED);
    assertThat(response.getError()).isNull();
    assertThat(response.getIncompleteDetails()).isNull();
    assertThat(response.getInstructions()).isNull();
    assertThat(response.getText()).isNull();
    assertThat(response.getPreviousResponseId()).isNull();
    assertThat(response.getConversationId()).isNull();
    assertThat(response.getStore()).isFalse();
    assertThat(response.getUsage().getInputTokens()).isEqualTo(19L);
    assertThat(response.getUsage().getOutputTokens()).isEqualTo(7L);
    assertThat(response.getUsage().getTotalTokens()).isEqualTo(26L);
    assertThat(response.getUsage().getInputTokensDetails().getCachedTokens()).isZero();
    assertThat(response.getUsage().getOutputTokensDetails().getReasoningTokens()).isZero();
    assertThat(response.getTools()).singleElement().satisfies(tool -> {
      assertThat(tool.getType()).isEqualTo("function");
      assertThat(tool.getName()).isEqualTo("get_weather");
      assertThat(tool.getDescription()).startsWith("Returns the (fake, deterministic) current weather");
      assertThat(tool.getParameters()).containsEntry("type", "object").containsEntry("required", List.of("city"));
    });
  }

  @Test
  void anAssistantMessageHasItsRoleStatusAndTextPart() {
    answer("07");

    MessageItem message = client.responses().retrieve("r1").getOutput().get(0).asMessage();

    assertThat(message.getType()).isEqualTo("message");
    assertThat(message.getId()).isEqualTo("msg_baf6fc6e-4dbc-43ed-bae6-950314b53664");
    assertThat(message.getRole()).isEqualTo(MessageRole.ASSISTANT);
    assertThat(message.getStatus()).isEqualTo(ItemStatus.COMPLETED);
    OutputTextPart part = message.getContent().get(0).asOutputText();
    assertThat(part.getType()).isEqualTo("output_text");
    assertThat(part.getText()).isEqualTo("Echo: Hello there, Mastra!");
    assertThat(part.getAnnotations()).isEmpty();
    assertThat(part.getLogprobs()).isEmpty();
  }

  @Test
  void aToolCallResponseHasTheCallItsResultAndTheAnswer() {
    answer("20");

    Response response = client.responses().retrieve("r1");

    assertThat(response.getOutput()).extracting(OutputItem::getType)
        .containsExactly("function_call", "function_call_output", "message");
    FunctionCallItem call = response.getOutput().get(0).asFunctionCall();
    assertThat(call.getId()).isEqualTo("call_11");
    assertThat(call.getCallId()).isEqualTo("call_11");
    assertThat(call.getName()).isEqualTo("get_weather");
    assertThat(call.getArguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(call.getStatus()).isEqualTo(ItemStatus.COMPLETED);
    FunctionCallOutputItem result = response.getOutput().get(1).asFunctionCallOutput();
    assertThat(result.getId()).isEqualTo("call_11:output");
    assertThat(result.getCallId()).isEqualTo("call_11");
    assertThat(result.getOutput()).isEqualTo("{\"city\":\"Paris\",\"temperature\":18,\"conditions\":\"sunny\"}");
    assertThat(response.getConversationId()).isEqualTo("9308b28b-e928-4082-809a-8f154243ce2e");
  }

  @Test
  void outputTextOfAToolCallResponseIsOnlyTheAssistantsText() {
    answer("20");

    assertThat(Responses.outputText(client.responses().retrieve("r1")))
        .isEqualTo("The weather in Paris is sunny and 18 degrees C.");
  }

  @Test
  void outputTextJoinsEveryTextPartOfEveryAssistantMessageInOrder() {
    answerJson("{\"id\":\"r1\",\"object\":\"response\",\"output\":["
        + "{\"id\":\"u\",\"type\":\"message\",\"role\":\"user\","
        + "\"content\":[{\"type\":\"output_text\",\"text\":\"not mine\"}]},"
        + "{\"id\":\"m1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":["
        + "{\"type\":\"output_text\",\"text\":\"One, \"},{\"type\":\"refusal\",\"refusal\":\"no\"},"
        + "{\"type\":\"output_text\",\"text\":\"two, \"}]},"
        + "{\"id\":\"c\",\"type\":\"function_call\",\"call_id\":\"c\",\"name\":\"f\",\"arguments\":\"{}\"},"
        + "{\"id\":\"m2\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"content\":[{\"type\":\"output_text\",\"text\":\"three.\"}]}"
        + "]}");

    assertThat(Responses.outputText(client.responses().retrieve("r1"))).isEqualTo("One, two, three.");
  }

  @Test
  void outputTextOfAResponseWithoutOutputIsEmpty() {
    answerJson("{\"id\":\"r1\",\"object\":\"response\",\"status\":\"in_progress\",\"output\":[]}");

    Response response = client.responses().retrieve("r1");

    assertThat(response.getStatus()).isEqualTo(ResponseStatus.IN_PROGRESS);
    assertThat(Responses.outputText(response)).isEmpty();
  }

  @Test
  void aJsonObjectFormatIsEchoedAndTheTextIsTheJson() {
    answer("22");

    Response response = client.responses().retrieve("r1");

    assertThat(response.getText().getFormat().getType()).isEqualTo("json_object");
    assertThat(Responses.outputText(response)).isEqualTo("{\"echo\":\"give me json\"}");
  }

  @Test
  void aJsonSchemaFormatIsEchoedWithItsSchema() {
    answer("23");

    Response response = client.responses().retrieve("r1");

    JsonSchemaFormat format = response.getText().getFormat().asJsonSchema();
    assertThat(format.getType()).isEqualTo("json_schema");
    assertThat(format.getName()).isEqualTo("echo_result");
    assertThat(format.getStrict()).isTrue();
    assertThat(format.getSchema()).containsEntry("type", "object")
        .containsEntry("required", List.of("echo")).containsEntry("additionalProperties", false);
    assertThat(Responses.outputText(response)).isEqualTo("{\"echo\":\"give me structured output\"}");
  }

  @Test
  void aStoredChainedResponseNamesItsPredecessorAndConversation() {
    answer("32");

    Response response = client.responses().retrieve("msg_053684a7-83d3-4379-ba19-34cd419771f5");

    assertThat(response.getId()).isEqualTo("msg_053684a7-83d3-4379-ba19-34cd419771f5");
    assertThat(response.getPreviousResponseId()).isEqualTo("msg_66802148-44c9-4a35-abda-3199740b8f96");
    assertThat(response.getConversationId()).isEqualTo("9e142493-becd-444b-af59-17d4286f922c");
    assertThat(response.getStore()).isTrue();
  }

  @Test
  void aConversationWithMetadata() {
    answer("02");

    Conversation conversation = client.conversations().retrieve("conv-fixed-1");

    assertThat(conversation.getThread().getMetadata()).containsEntry("priority", 2L);
    assertThat(conversation.getThread().getCreatedAt())
        .isEqualTo(OffsetDateTime.of(2026, 11, 25, 6, 39, 0, 110_000_000, ZoneOffset.UTC));
  }

  @Test
  void aConversationWithoutMetadataOrTitle() {
    answer("05");

    Conversation conversation = client.conversations().retrieve("32926168-1eb1-4587-9bd3-f24277876d7d");

    assertThat(conversation.getThread().getMetadata()).isNull();
    assertThat(conversation.getThread().getTitle()).isEmpty();
    assertThat(conversation.getThread().getResourceId()).isEqualTo("32926168-1eb1-4587-9bd3-f24277876d7d");
    assertThat(conversation.getThread().getUpdatedAt())
        .isEqualTo(OffsetDateTime.of(2026, 11, 25, 6, 39, 0, 82_000_000, ZoneOffset.UTC));
  }

  @Test
  void aThreadTimestampWithAnOffsetKeepsItsInstant() {
    answerJson("{\"id\":\"c\",\"object\":\"conversation\",\"thread\":{\"id\":\"c\",\"resourceId\":\"c\","
        + "\"createdAt\":\"2026-11-25T08:39:00.5+02:00\",\"updatedAt\":\"2026-11-25T06:39:00Z\"}}");

    Conversation conversation = client.conversations().retrieve("c");

    assertThat(conversation.getThread().getCreatedAt().toInstant())
        .isEqualTo(OffsetDateTime.of(2026, 11, 25, 6, 39, 0, 500_000_000, ZoneOffset.UTC).toInstant());
    assertThat(conversation.getThread().getCreatedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
  }

  @Test
  void anEmptyItemsList() {
    answer("06");

    ConversationItemsPage page = client.conversations().items().list("conv-fixed-1");

    assertThat(page.data()).isEmpty();
    assertThat(page.firstId()).isEmpty();
    assertThat(page.lastId()).isEmpty();
    assertThat(page.hasMore()).isFalse();
    assertThat(page.hasNextPage()).isFalse();
  }

  @Test
  void anItemsListWithAToolCallAndItsResult() {
    answer("21");

    List<OutputItem> items = client.conversations().items().list("c").data();

    assertThat(items).extracting(OutputItem::getType)
        .containsExactly("message", "function_call", "function_call_output", "message");
    assertThat(items.get(0).asMessage().getRole()).isEqualTo(MessageRole.USER);
    assertThat(items.get(0).asMessage().getContent().get(0).getType()).isEqualTo("input_text");
    assertThat(items.get(0).asMessage().getContent().get(0).getText()).isEqualTo("What is the weather like today?");
    assertThat(items.get(1).asFunctionCall().getName()).isEqualTo("get_weather");
    assertThat(items.get(1).asFunctionCall().getArguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(items.get(2).asFunctionCallOutput().getCallId()).isEqualTo("call_11");
    assertThat(items.get(2).asFunctionCallOutput().getOutput()).contains("\"conditions\":\"sunny\"");
    assertThat(items.get(3).asMessage().getRole()).isEqualTo(MessageRole.ASSISTANT);
    assertThat(items.get(3).asMessage().getStatus()).isEqualTo(ItemStatus.COMPLETED);
  }

  @Test
  void deletedConfirmations() {
    wm.stubFor(delete(urlPathMatching("/api/v1/responses/.*"))
        .willReturn(Capture.load("35").answer()));
    wm.stubFor(delete(urlPathMatching("/api/v1/conversations/.*"))
        .willReturn(Capture.load("50").answer()));

    ResponseDeleted response = client.responses().delete("msg_66802148-44c9-4a35-abda-3199740b8f96");
    ConversationDeleted conversation = client.conversations().delete("conv-fixed-1");

    assertThat(response.getId()).isEqualTo("msg_66802148-44c9-4a35-abda-3199740b8f96");
    assertThat(response.getObject()).isEqualTo("response");
    assertThat(response.getDeleted()).isTrue();
    assertThat(conversation.getId()).isEqualTo("conv-fixed-1");
    assertThat(conversation.getObject()).isEqualTo("conversation.deleted");
    assertThat(conversation.getDeleted()).isTrue();
  }

  @Test
  void anIncompleteResponseHasItsReasonAndError() {
    answerJson("{\"id\":\"r1\",\"object\":\"response\",\"status\":\"incomplete\",\"output\":[],"
        + "\"error\":{\"code\":\"model_error\",\"message\":\"mock model failure\"},"
        + "\"incomplete_details\":{\"reason\":\"max_output_tokens\"},\"usage\":null}");

    Response response = client.responses().retrieve("r1");

    assertThat(response.getStatus()).isEqualTo(ResponseStatus.INCOMPLETE);
    assertThat(response.getError().getCode()).isEqualTo("model_error");
    assertThat(response.getError().getMessage()).isEqualTo("mock model failure");
    assertThat(response.getIncompleteDetails().getReason()).isEqualTo("max_output_tokens");
    assertThat(response.getUsage()).isNull();
  }

  @Test
  void unknownFieldsAtEveryLevelAreIgnored() {
    answerJson("{\"id\":\"r1\",\"object\":\"response\",\"brand_new\":{\"nested\":[1,2.5,null]},"
        + "\"usage\":{\"input_tokens\":1,\"output_tokens\":2,\"total_tokens\":3,\"cost\":0.01,"
        + "\"input_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":4}},"
        + "\"output\":[{\"id\":\"m1\",\"type\":\"message\",\"role\":\"assistant\",\"phase\":\"final\","
        + "\"content\":[{\"type\":\"output_text\",\"text\":\"Hi\",\"citations\":[{\"url\":\"u\"}]}]}],"
        + "\"background\":false,\"service_tier\":\"default\"}");

    Response response = client.responses().retrieve("r1");

    assertThat(response.getId()).isEqualTo("r1");
    assertThat(response.getUsage().getTotalTokens()).isEqualTo(3L);
    assertThat(Responses.outputText(response)).isEqualTo("Hi");
  }

  @Test
  void anUnknownOutputItemTypeIsKeptWithItsRawType() {
    answerJson("{\"id\":\"r1\",\"object\":\"response\",\"output\":["
        + "{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"thinking\"}],"
        + "\"content\":[{\"type\":\"reasoning_text\",\"text\":\"step 1\"}],\"encrypted_content\":null},"
        + "{\"id\":\"m1\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"content\":[{\"type\":\"output_text\",\"text\":\"Done\"}]}]}");

    Response response = client.responses().retrieve("r1");

    OutputItem reasoning = response.getOutput().get(0);
    assertThat(reasoning.getType()).isEqualTo("reasoning");
    assertThat(reasoning.getId()).isEqualTo("rs_1");
    assertThat(reasoning.asUnknown().rawJson().getAsJsonArray("content").get(0).getAsJsonObject()
        .get("type").getAsString()).isEqualTo("reasoning_text");
    assertThat(Responses.outputText(response)).isEqualTo("Done");
  }

  @Test
  void anUnknownOutputItemTypeWhoseMembersHaveOtherTypesIsStillRead() {
    answerJson("{\"id\":\"r1\",\"object\":\"response\",\"output\":["
        + "{\"id\":\"cc_1\",\"type\":\"computer_call_output\",\"call_id\":\"c\","
        + "\"output\":{\"type\":\"computer_screenshot\",\"image_url\":\"data:image/png;base64,AA==\"}},"
        + "{\"id\":\"m1\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"content\":[{\"type\":\"output_text\",\"text\":\"Done\"}]}]}");

    Response response = client.responses().retrieve("r1");

    assertThat(response.getOutput()).extracting(OutputItem::getType)
        .containsExactly("computer_call_output", "message");
    assertThat(Responses.outputText(response)).isEqualTo("Done");
  }

  @Test
  void anUnknownContentPartTypeIsKeptWithItsRawType() {
    answerJson("{\"id\":\"r1\",\"object\":\"response\",\"output\":[{\"id\":\"m1\",\"type\":\"message\","
        + "\"role\":\"assistant\",\"content\":[{\"type\":\"refusal\",\"refusal\":\"I cannot\"},"
        + "{\"type\":\"output_audio\",\"data\":\"AA==\"},{\"type\":\"output_text\",\"text\":\"ok\"}]}]}");

    List<ContentPart> parts = client.responses().retrieve("r1").getOutput().get(0).asMessage().getContent();

    assertThat(parts).extracting(ContentPart::getType).containsExactly("refusal", "output_audio", "output_text");
    assertThat(parts.get(0).getText()).isNull();
  }

  @Test
  void unknownEnumValuesAreKeptAsTheirString() {
    answerJson("{\"id\":\"r1\",\"object\":\"response\",\"status\":\"queued\",\"output\":["
        + "{\"id\":\"m1\",\"type\":\"message\",\"role\":\"critic\",\"status\":\"queued\","
        + "\"content\":[{\"type\":\"output_text\",\"text\":\"x\"}]}]}");

    Response response = client.responses().retrieve("r1");

    assertThat(response.getStatus()).isEqualTo(ResponseStatus.of("queued"));
    assertThat(response.getStatus().isKnown()).isFalse();
    OutputItem item = response.getOutput().get(0);
    assertThat(item.getType()).isEqualTo("message");
    assertThat(item.asMessage().getRole().value()).isEqualTo("critic");
    assertThat(item.asMessage().getStatus().value()).isEqualTo("queued");
    // Only assistant messages are the answer's text.
    assertThat(Responses.outputText(response)).isEmpty();
  }

  @Test
  void nullEnumValuesStayNull() {
    // (A null for a required property, such as the response's own status or a message's role, is refused
    // instead: see aSuccessBodyThatLacksARequiredPropertyIsAnInvalidResponse.)
    answerJson("{\"id\":\"r1\",\"object\":\"response\",\"output\":["
        + "{\"id\":\"m1\",\"type\":\"message\",\"role\":\"assistant\",\"status\":null,\"content\":[]}]}");

    Response response = client.responses().retrieve("r1");

    assertThat(response.getOutput().get(0).asMessage().getStatus()).isNull();
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "{}",
      "{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\",\"status\":null,\"output\":[]}",
      "{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\",\"status\":\"completed\"}",
      "{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\",\"status\":\"completed\","
          + "\"output\":[],\"usage\":{\"input_tokens\":1}}",
      "{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\",\"status\":\"completed\","
          + "\"output\":[{\"id\":\"m1\",\"type\":\"message\",\"role\":null,\"content\":[]}]}",
      // a required property given, then given again as null
      "{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\",\"status\":\"completed\","
          + "\"output\":[{\"id\":\"m1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"role\":null}]}",
      // a required property null before the discriminator (buffered, then set)
      "{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\",\"status\":\"completed\","
          + "\"output\":[{\"role\":null,\"id\":\"m1\",\"type\":\"message\",\"content\":[]}]}",
      // a required property missing in the second item, after a complete one
      "{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\",\"status\":\"completed\","
          + "\"output\":[{\"id\":\"m1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]},"
          + "{\"id\":\"f1\",\"type\":\"function_call\",\"call_id\":\"c1\",\"arguments\":\"{}\"}]}"})
  void aSuccessBodyThatLacksARequiredPropertyIsAnInvalidResponse(String body) {
    wm.stubFor(any(anyUrl()).willReturn(okJson(body)));

    assertThatThrownBy(() -> client.responses().retrieve("r1"))
        .isInstanceOfSatisfying(MastraInvalidResponseException.class, e -> {
          assertThat(e.getMessage()).contains("the required property").contains("is missing");
          assertThat(e.body()).isEqualTo(body);
        });
  }

  @Test
  void unknownItemTypesAndRolesInAConversationAreKept() {
    answerJson("{\"object\":\"list\",\"data\":["
        + "{\"id\":\"i1\",\"type\":\"reasoning\",\"summary\":[]},"
        + "{\"id\":\"i2\",\"type\":\"message\",\"role\":\"tool\",\"status\":\"queued\",\"extra\":1,"
        + "\"content\":[{\"type\":\"input_image\",\"image_url\":\"u\"}]}],"
        + "\"first_id\":\"i1\",\"last_id\":\"i2\",\"has_more\":false,\"next_cursor\":null}");

    List<OutputItem> items = client.conversations().items().list("c").data();

    assertThat(items).extracting(OutputItem::getType).containsExactly("reasoning", "message");
    assertThat(items.get(1).asMessage().getRole()).isEqualTo(MessageRole.of("tool"));
    assertThat(items.get(1).asMessage().getStatus()).isEqualTo(ItemStatus.of("queued"));
    assertThat(items.get(1).asMessage().getContent().get(0).getType()).isEqualTo("input_image");
    assertThat(items.get(1).asMessage().additionalProperties()).containsKey("extra");
  }
}
