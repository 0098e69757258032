package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.JsonObjectFormat;
import ai.mastra.client.model.JsonSchemaFormat;
import ai.mastra.client.model.InputContentPart;
import ai.mastra.client.model.InputMessage;
import ai.mastra.client.model.MessageRole;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.model.ResponseDeleted;
import ai.mastra.client.model.ResponseStatus;
import ai.mastra.client.model.TextConfig;
import ai.mastra.client.model.TextFormat;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.Wire;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every Responses operation with every parameter, against WireMock answering what the real server answered:
 * each create request must be, member for member, the body recorded from the real exchange.
 */
class ResponsesContractTest extends WireMockClientTest {

  private static final String STORED_ID = "msg_66802148-44c9-4a35-abda-3199740b8f96";


  /** Creates through the SDK and checks the one POST carried exactly the capture's recorded body. */
  private Response createExpectingTheRecordedBody(String capture, ResponseCreateRequest request) {
    Capture recorded = Capture.load(capture);
    wm.stubFor(post(urlEqualTo("/api/v1/responses")).willReturn(recorded.answer()));

    Response response = client.responses().create(request);

    LoggedRequest sent = Wire.onlyRequest(wm);
    assertThat(sent.getMethod().getName()).isEqualTo("POST");
    assertThat(sent.getUrl()).isEqualTo("/api/v1/responses");
    assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
    wm.verify(postRequestedFor(urlEqualTo("/api/v1/responses"))
        .withRequestBody(equalToJson(recorded.requestBody().get().toString(), false, false)));
    return response;
  }

  @Test
  void createWithAStringInput() {
    Response response = createExpectingTheRecordedBody("07",
        new ResponseCreateRequest().agentId("support-agent").input("Hello there, Mastra!"));

    assertThat(response.getStatus()).isEqualTo(ResponseStatus.COMPLETED);
    assertThat(Responses.outputText(response)).isEqualTo("Echo: Hello there, Mastra!");
  }

  @Test
  void createWithAMessageArrayOfStringAndPartListContents() {
    Response response = createExpectingTheRecordedBody("08", new ResponseCreateRequest()
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
  void createWithOpenAiStyleTypedMessageItems() {
    Response response = createExpectingTheRecordedBody("09", new ResponseCreateRequest()
        .agentId("support-agent")
        .input(List.of(new InputMessage().type("message").role(MessageRole.USER).content("typed item"))));

    assertThat(Responses.outputText(response)).isEqualTo("Echo: typed item");
  }

  @Test
  void createWithInstructions() {
    Response response = createExpectingTheRecordedBody("11",
        new ResponseCreateRequest().agentId("support-agent").input("Say hi").instructions("Be terse."));

    assertThat(response.getInstructions()).isEqualTo("Be terse.");
  }

  @Test
  void createWithTheJsonObjectTextFormat() {
    Response response = createExpectingTheRecordedBody("22", new ResponseCreateRequest()
        .agentId("support-agent")
        .input("give me json")
        .text(new TextConfig().format(new JsonObjectFormat())));

    assertThat(response.getText().getFormat().getType()).isEqualTo("json_object");
  }

  @Test
  void createWithTheJsonSchemaTextFormat() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", Map.of("echo", Map.of("type", "string")));
    schema.put("required", List.of("echo"));
    schema.put("additionalProperties", false);

    Response response = createExpectingTheRecordedBody("23", new ResponseCreateRequest()
        .agentId("support-agent")
        .input("give me structured output")
        .text(new TextConfig().format(new JsonSchemaFormat()
            .name("echo_result").strict(true).schema(schema))));

    assertThat(response.getText().getFormat().asJsonSchema().getName()).isEqualTo("echo_result");
  }

  @Test
  void createInAConversation() {
    Response response = createExpectingTheRecordedBody("12", new ResponseCreateRequest()
        .agentId("support-agent").input("Hi inside the conversation").conversationId("conv-fixed-1"));

    assertThat(response.getConversationId()).isEqualTo("conv-fixed-1");
    assertThat(response.getStore()).isFalse();
  }

  @Test
  void createStoredInAConversation() {
    Response response = createExpectingTheRecordedBody("19", new ResponseCreateRequest()
        .agentId("support-agent").input("Stored inside the conversation").conversationId("conv-fixed-1")
        .store(true));

    assertThat(response.getStore()).isTrue();
  }

  @Test
  void createStored() {
    Response response = createExpectingTheRecordedBody("15",
        new ResponseCreateRequest().agentId("support-agent").input("Remember this: blue").store(true));

    assertThat(response.getId()).isEqualTo(STORED_ID);
    assertThat(response.getConversationId()).isEqualTo("9e142493-becd-444b-af59-17d4286f922c");
  }

  @Test
  void createContinuingAPreviousResponse() {
    Response response = createExpectingTheRecordedBody("16", new ResponseCreateRequest()
        .agentId("support-agent")
        .input("What did I ask you to remember?")
        .previousResponseId(STORED_ID)
        .store(true));

    assertThat(response.getPreviousResponseId()).isEqualTo(STORED_ID);
  }

  @Test
  void createContinuingAPreviousResponseWithoutAnAgent() {
    Response response = createExpectingTheRecordedBody("17", new ResponseCreateRequest()
        .input("Chained without agent_id")
        .previousResponseId("msg_053684a7-83d3-4379-ba19-34cd419771f5")
        .store(true));

    assertThat(Responses.outputText(response)).isEqualTo("Echo: Chained without agent_id");
  }

  @Test
  void createWithAModelOverride() {
    wm.stubFor(post(urlEqualTo("/api/v1/responses")).willReturn(Capture.load("07").answer()));

    client.responses().create(
        new ResponseCreateRequest().agentId("support-agent").input("hi").model("openai/gpt-4o-mini"));

    // Capture 79 is the real server's answer to this body (an error: no API key there).
    assertThat(Wire.body(Wire.onlyRequest(wm))).isEqualTo(Capture.load("79").requestBody().get());
  }

  @Test
  void createWithProviderOptionsKeepsTheirCamelCaseKeyAndIntegers() {
    wm.stubFor(post(urlEqualTo("/api/v1/responses")).willReturn(Capture.load("07").answer()));
    Map<String, Object> openai = new LinkedHashMap<>();
    openai.put("reasoningEffort", "low");
    openai.put("maxRetries", 3);
    openai.put("temperature", 0.5);

    client.responses().create(new ResponseCreateRequest()
        .agentId("support-agent").input("hi").providerOptions(Map.of("openai", openai)));

    LoggedRequest sent = Wire.onlyRequest(wm);
    wm.verify(postRequestedFor(urlEqualTo("/api/v1/responses")).withRequestBody(equalToJson(
        "{\"agent_id\":\"support-agent\",\"input\":\"hi\","
            + "\"providerOptions\":{\"openai\":{\"reasoningEffort\":\"low\",\"maxRetries\":3,\"temperature\":0.5}}}",
        false, false)));
    JsonObject sentOptions = Wire.body(sent).getAsJsonObject().getAsJsonObject("providerOptions")
        .getAsJsonObject("openai");
    assertThat(sentOptions.get("maxRetries").getAsNumber().toString()).isEqualTo("3");
  }

  @Test
  void createWithEveryParameterAtOnce() {
    wm.stubFor(post(urlEqualTo("/api/v1/responses")).willReturn(Capture.load("07").answer()));

    client.responses().create(new ResponseCreateRequest()
        .agentId("support-agent")
        .model("mock/echo-model")
        .input("hi")
        .instructions("Be terse.")
        .text(new TextConfig().format(new JsonObjectFormat()))
        .conversationId("conv-fixed-1")
        .previousResponseId(STORED_ID)
        .store(false)
        .providerOptions(Map.of("mock", Map.of("seed", 7))));

    wm.verify(postRequestedFor(urlEqualTo("/api/v1/responses")).withRequestBody(equalToJson(
        "{\"agent_id\":\"support-agent\",\"model\":\"mock/echo-model\",\"input\":\"hi\","
            + "\"instructions\":\"Be terse.\",\"text\":{\"format\":{\"type\":\"json_object\"}},"
            + "\"conversation_id\":\"conv-fixed-1\",\"previous_response_id\":\"" + STORED_ID + "\","
            + "\"store\":false,\"providerOptions\":{\"mock\":{\"seed\":7}}}",
        false, false)));
  }

  @Test
  void retrieveGetsAStoredResponseByIdWithoutABody() {
    wm.stubFor(get(urlEqualTo("/api/v1/responses/" + STORED_ID)).willReturn(Capture.load("31").answer()));

    Response response = client.responses().retrieve(STORED_ID);

    LoggedRequest sent = Wire.onlyRequest(wm);
    assertThat(sent.getMethod().getName()).isEqualTo("GET");
    assertThat(sent.getUrl()).isEqualTo("/api/v1/responses/" + STORED_ID);
    assertThat(sent.getBodyAsString()).isEmpty();
    assertThat(sent.containsHeader("Content-Type")).isFalse();
    assertThat(response.getId()).isEqualTo(STORED_ID);
    assertThat(Responses.outputText(response)).isEqualTo("Echo: Remember this: blue");
  }

  @Test
  void deleteDeletesAStoredResponseByIdWithoutABody() {
    wm.stubFor(delete(urlEqualTo("/api/v1/responses/" + STORED_ID)).willReturn(Capture.load("35").answer()));

    ResponseDeleted deleted = client.responses().delete(STORED_ID);

    LoggedRequest sent = Wire.onlyRequest(wm);
    assertThat(sent.getMethod().getName()).isEqualTo("DELETE");
    assertThat(sent.getUrl()).isEqualTo("/api/v1/responses/" + STORED_ID);
    assertThat(sent.getBodyAsString()).isEmpty();
    assertThat(deleted.getId()).isEqualTo(STORED_ID);
    assertThat(deleted.getObject()).isEqualTo("response");
    assertThat(deleted.getDeleted()).isTrue();
  }
}
