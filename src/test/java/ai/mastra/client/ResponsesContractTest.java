package ai.mastra.client;

import static ai.mastra.client.ConversationsContractTest.recorded;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.InputContentPart;
import ai.mastra.client.model.InputMessage;
import ai.mastra.client.model.ItemStatus;
import ai.mastra.client.model.MessageRole;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.model.ResponseDeleted;
import ai.mastra.client.model.ResponseStatus;
import ai.mastra.client.model.TextConfig;
import ai.mastra.client.model.TextFormat;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every Responses operation against WireMock, with the real server's recorded requests and answers. */
class ResponsesContractTest {

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

  private Response createAndExpect(String capture, ResponseCreateRequest request) {
    wm.stubFor(post(urlEqualTo("/api/v1/responses")).willReturn(recorded(capture)));
    Response response = client.responses().create(request);
    wm.verify(postRequestedFor(urlEqualTo("/api/v1/responses"))
        .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.matching("application/json.*"))
        .withRequestBody(equalToJson(Captures.request(capture))));
    return response;
  }

  @Test
  void createWithAStringInputSendsTheRecordedBodyAndReadsEveryField() {
    Response response = createAndExpect("07",
        new ResponseCreateRequest().agentId("support-agent").input("Hello there, Mastra!"));

    assertThat(response.getId()).startsWith("msg_");
    assertThat(response.getObject()).isEqualTo("response");
    assertThat(response.getCreatedAt()).isEqualTo(1795588740L);
    assertThat(response.getCompletedAt()).isEqualTo(1795588740L);
    assertThat(response.getModel()).isEqualTo("mock/echo-model");
    assertThat(response.getStatus()).isEqualTo(ResponseStatus.COMPLETED);
    assertThat(response.getUsage().getInputTokens()).isEqualTo(19L);
    assertThat(response.getUsage().getOutputTokens()).isEqualTo(7L);
    assertThat(response.getUsage().getTotalTokens()).isEqualTo(26L);
    assertThat(response.getUsage().getInputTokensDetails().getCachedTokens()).isZero();
    assertThat(response.getUsage().getOutputTokensDetails().getReasoningTokens()).isZero();
    assertThat(response.getError()).isNull();
    assertThat(response.getConversationId()).isNull();
    assertThat(response.getStore()).isFalse();
    assertThat(response.getTools()).singleElement().satisfies(tool -> {
      assertThat(tool.getName()).isEqualTo("get_weather");
      assertThat(tool.getParameters()).containsEntry("type", "object");
    });
    OutputItem message = response.getOutput().get(0);
    assertThat(message.getType()).isEqualTo("message");
    assertThat(message.getRole()).isEqualTo(MessageRole.ASSISTANT);
    assertThat(message.getStatus()).isEqualTo(ItemStatus.COMPLETED);
    assertThat(message.getContent().get(0).getAnnotations()).isEmpty();
    assertThat(Responses.outputText(response)).isEqualTo("Echo: Hello there, Mastra!");
  }

  @Test
  void createWithAMessageArraySendsStringAndPartContents() {
    Response response = createAndExpect("08", new ResponseCreateRequest()
        .agentId("support-agent")
        .input(List.of(
            new InputMessage().role(MessageRole.USER).content("first question"),
            new InputMessage().role(MessageRole.ASSISTANT)
                .content(List.of(new InputContentPart().type("output_text").text("first answer"))),
            new InputMessage().role(MessageRole.USER)
                .content(List.of(new InputContentPart().type("input_text").text("second question"))))));

    assertThat(Responses.outputText(response)).isEqualTo("Echo: second question");
  }

  @Test
  void createWithInstructionsSendsThem() {
    Response response = createAndExpect("11",
        new ResponseCreateRequest().agentId("support-agent").input("Say hi").instructions("Be terse."));
    assertThat(response.getInstructions()).isEqualTo("Be terse.");
  }

  @Test
  void createWithAJsonObjectFormat() {
    Response response = createAndExpect("22", new ResponseCreateRequest()
        .agentId("support-agent")
        .input("give me json")
        .text(new TextConfig().format(new TextFormat().type("json_object"))));
    assertThat(response.getText().getFormat().getType()).isEqualTo("json_object");
    assertThat(Responses.outputText(response)).isEqualTo("{\"echo\":\"give me json\"}");
  }

  @Test
  void createWithAJsonSchemaFormat() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", Map.of("echo", Map.of("type", "string")));
    schema.put("required", List.of("echo"));
    schema.put("additionalProperties", false);

    Response response = createAndExpect("23", new ResponseCreateRequest()
        .agentId("support-agent")
        .input("give me structured output")
        .text(new TextConfig().format(new TextFormat()
            .type("json_schema").name("echo_result").strict(true).schema(schema))));

    TextFormat echoed = response.getText().getFormat();
    assertThat(echoed.getName()).isEqualTo("echo_result");
    assertThat(echoed.getStrict()).isTrue();
    assertThat(echoed.getSchema()).containsEntry("type", "object");
  }

  @Test
  void createContinuingAPreviousStoredResponse() {
    Response response = createAndExpect("16", new ResponseCreateRequest()
        .agentId("support-agent")
        .input("What did I ask you to remember?")
        .previousResponseId("msg_66802148-44c9-4a35-abda-3199740b8f96")
        .store(true));
    assertThat(response.getPreviousResponseId()).isEqualTo("msg_66802148-44c9-4a35-abda-3199740b8f96");
    assertThat(response.getConversationId()).isNotNull();
  }

  @Test
  void createWithModelConversationStoreAndProviderOptions() {
    wm.stubFor(post(urlEqualTo("/api/v1/responses")).willReturn(recorded("07")));
    Map<String, Object> openai = new LinkedHashMap<>();
    openai.put("previousResponseId", "resp_123");
    openai.put("maxRetries", 3);

    client.responses().create(new ResponseCreateRequest()
        .agentId("support-agent")
        .model("openai/gpt-5")
        .conversationId("conv-fixed-1")
        .store(true)
        .input("hi")
        .providerOptions(Map.of("openai", openai)));

    wm.verify(postRequestedFor(urlEqualTo("/api/v1/responses")).withRequestBody(equalToJson(
        "{\"agent_id\":\"support-agent\",\"model\":\"openai/gpt-5\",\"conversation_id\":\"conv-fixed-1\","
            + "\"store\":true,\"input\":\"hi\","
            + "\"providerOptions\":{\"openai\":{\"previousResponseId\":\"resp_123\",\"maxRetries\":3}}}")));
    assertThat(wm.getAllServeEvents().get(0).getRequest().getBodyAsString()).contains("\"maxRetries\":3");
  }

  @Test
  void createWithAToolCallReadsAllThreeItemKindsAndOnlyTheMessageIsText() {
    Response response = createAndExpect("20", new ResponseCreateRequest()
        .agentId("support-agent").input("What is the weather like today?").store(true));

    assertThat(response.getOutput()).extracting(OutputItem::getType)
        .containsExactly("function_call", "function_call_output", "message");
    assertThat(response.getOutput().get(0).getCallId()).isEqualTo(response.getOutput().get(0).getId());
    assertThat(response.getOutput().get(1).getStatus()).isNull();
    assertThat(Responses.outputText(response)).isEqualTo("The weather in Paris is sunny and 18 degrees C.");
  }

  @Test
  void retrieveGetsAStoredResponse() {
    String id = "msg_66802148-44c9-4a35-abda-3199740b8f96";
    wm.stubFor(get(urlEqualTo("/api/v1/responses/" + id)).willReturn(recorded("31")));

    Response response = client.responses().retrieve(id);

    assertThat(response.getId()).isEqualTo(id);
    assertThat(response.getStore()).isTrue();
    assertThat(Responses.outputText(response)).isEqualTo("Echo: Remember this: blue");
    wm.verify(getRequestedFor(urlEqualTo("/api/v1/responses/" + id)));
  }

  @Test
  void deleteDeletesAStoredResponse() {
    String id = "msg_66802148-44c9-4a35-abda-3199740b8f96";
    wm.stubFor(delete(urlEqualTo("/api/v1/responses/" + id)).willReturn(recorded("35")));

    ResponseDeleted deleted = client.responses().delete(id);

    assertThat(deleted.getId()).isEqualTo(id);
    assertThat(deleted.getObject()).isEqualTo("response");
    assertThat(deleted.getDeleted()).isTrue();
    wm.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/responses/" + id)));
  }

  @Test
  void unknownFieldsItemTypesPartTypesAndEnumValuesDoNotBreakReading() {
    wm.stubFor(get(urlEqualTo("/api/v1/responses/r1")).willReturn(okJson(
        "{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\",\"status\":\"queued\","
            + "\"brand_new_field\":{\"nested\":[1,2]},"
            + "\"output\":["
            + "{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"think\"}]},"
            + "{\"id\":\"m1\",\"type\":\"message\",\"role\":\"critic\",\"status\":\"paused\",\"content\":["
            + "{\"type\":\"refusal\",\"refusal\":\"no\"},"
            + "{\"type\":\"output_text\",\"text\":\"A\",\"annotations\":[{\"type\":\"url_citation\"}]}]},"
            + "{\"id\":\"m2\",\"type\":\"message\",\"role\":\"assistant\",\"content\":["
            + "{\"type\":\"output_text\",\"text\":\"B\"},{\"type\":\"output_text\",\"text\":\"C\"}]}]}")));

    Response response = client.responses().retrieve("r1");

    assertThat(response.getStatus()).isEqualTo(ResponseStatus.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(response.getOutput()).extracting(OutputItem::getType)
        .containsExactly("reasoning", "message", "message");
    assertThat(response.getOutput().get(1).getRole()).isEqualTo(MessageRole.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(response.getOutput().get(1).getStatus()).isEqualTo(ItemStatus.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(response.getOutput().get(1).getContent().get(0).getType()).isEqualTo("refusal");
    // Only assistant messages count, every output_text part in order.
    assertThat(Responses.outputText(response)).isEqualTo("BC");
  }
}
