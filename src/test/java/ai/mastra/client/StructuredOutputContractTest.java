package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.JsonObjectFormat;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.model.TextConfig;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.Wire;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** responses().create(request, Type.class), its async twin, and a stream's final output read into a class. */
class StructuredOutputContractTest extends WireMockClientTest {

  /** The real server's JSON answer: {"echo": "<the input>"}. */
  static final class Echo {
    String echo;
  }

  /** A class the JSON answer does not fit: it has no "summary". */
  static final class Summary {
    String summary;
  }

  private static ResponseCreateRequest turn() {
    return new ResponseCreateRequest().agentId("support-agent").input("give me structured output");
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }

  @Test
  void createSendsTheClassesSchemaAsTheFormatAndReadsTheAnswer() {
    wm.stubFor(post(anyUrl()).willReturn(Capture.load("23").answer()));
    ResponseCreateRequest request = turn();

    Echo echo = client.responses().create(request, Echo.class);

    assertThat(echo.echo).isEqualTo("give me structured output");
    assertThat(Wire.body(Wire.onlyRequest(wm))).isEqualTo(json("{'agent_id':'support-agent',"
        + "'input':'give me structured output','text':{'format':{'type':'json_schema','name':'Echo',"
        + "'schema':{'type':'object','properties':{'echo':{'type':'string'}},'required':['echo'],"
        + "'additionalProperties':false}}}}"));
    assertThat(request.getText()).as("the caller's request is not changed").isNull();
  }

  @Test
  void theAsyncTwinReadsTheSameAnswer() throws Exception {
    wm.stubFor(post(anyUrl()).willReturn(Capture.load("23").answer()));

    Echo echo = client.async().responses().create(turn(), Echo.class).get(10, TimeUnit.SECONDS);

    assertThat(echo.echo).isEqualTo("give me structured output");
    assertThat(Wire.body(Wire.onlyRequest(wm)).getAsJsonObject().getAsJsonObject("text").getAsJsonObject("format")
        .get("name").getAsString()).isEqualTo("Echo");
  }

  @Test
  void anAnswerThatDoesNotFitIsATypedExceptionWithTheTextAndTheResponse() {
    wm.stubFor(post(anyUrl()).willReturn(Capture.load("23").answer()));

    assertThatThrownBy(() -> client.responses().create(turn(), Summary.class))
        .isInstanceOfSatisfying(MastraStructuredOutputException.class, e -> {
          assertThat(e.text()).isEqualTo("{\"echo\":\"give me structured output\"}");
          assertThat(e.type()).isEqualTo(Summary.class);
          assertThat(e.response()).hasValueSatisfying(r -> assertThat(r.getId()).startsWith("msg_"));
          assertThat(e.getMessage()).startsWith("the answer does not match the schema of Summary: $: the required "
              + "property \"summary\" is missing; the answer of response msg_");
        });
    assertThatThrownBy(() -> client.async().responses().create(turn(), Summary.class).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(MastraStructuredOutputException.class);
  }

  @Test
  void anIncompleteResponseIsNotParsed() {
    JsonObject body = Capture.load("23").responseJson().deepCopy();
    body.addProperty("status", "incomplete");
    wm.stubFor(post(anyUrl()).willReturn(okJson(body.toString())));

    assertThatThrownBy(() -> client.responses().create(turn(), Echo.class))
        .isInstanceOf(ResponseIncompleteException.class);
  }

  @Test
  void anIncompleteResponseWhoseTextDoesNotFitIsAStructuredOutputFailure() {
    JsonObject body = Capture.load("23").responseJson().deepCopy();
    body.addProperty("status", "incomplete");
    wm.stubFor(post(anyUrl()).willReturn(okJson(body.toString())));

    assertThatThrownBy(() -> client.responses().create(turn(), Summary.class))
        .isInstanceOfSatisfying(MastraStructuredOutputException.class,
            e -> assertThat(e.response().get().getStatus().value()).isEqualTo("incomplete"));
  }

  /** Mastra checks the answer against the schema itself; its refusal (500, without the answer) is the same type. */
  @Test
  void theServersRefusalOfTheAnswerIsAStructuredOutputFailure() throws Exception {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"Structured output validation failed: - root: must have required property "
            + "'summary'\\n- root: must NOT have additional properties\"}")));

    assertThatThrownBy(() -> client.responses().create(turn(), Summary.class))
        .isInstanceOfSatisfying(MastraStructuredOutputException.class, e -> {
          assertThat(e.text()).isEmpty();
          assertThat(e.type()).isEqualTo(Summary.class);
          assertThat(e.response()).isEmpty();
          assertThat(e.getCause()).isInstanceOf(ServerException.class);
          assertThat(e.getMessage()).startsWith("the server refused the agent's answer as not matching the schema "
              + "of Summary (Structured output validation failed: - root: must have required property 'summary' "
              + "- root: must NOT have additional properties)");
        });
    assertThatThrownBy(() -> client.async().responses().create(turn(), Summary.class).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(MastraStructuredOutputException.class);
    assertThatThrownBy(() -> client.session("support-agent", "c1").send("x", Summary.class))
        .isInstanceOf(MastraStructuredOutputException.class);
    assertThatThrownBy(() -> client.session("support-agent", "c1").async().send("x", Summary.class)
        .get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(MastraStructuredOutputException.class);
  }

  @Test
  void anotherServerErrorStaysAServerError() throws Exception {
    wm.stubFor(post(anyUrl()).willReturn(Capture.load("77").answer()));

    assertThatThrownBy(() -> client.responses().create(turn(), Echo.class)).isInstanceOf(ServerException.class);
    assertThatThrownBy(() -> client.async().responses().create(turn(), Echo.class).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ServerException.class);
  }

  @Test
  void badInputIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.responses().create(turn(), (Class<?>) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("type must not be null");
    assertThatThrownBy(() -> client.responses().create(null, Echo.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("request must not be null");
    assertThatThrownBy(() -> client.responses().create(turn().text(new TextConfig().format(new JsonObjectFormat())),
            Echo.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("request.text must not be set when a "
            + "class is given: the SDK sets text.format to the JSON Schema of Echo");
    assertThatThrownBy(() -> client.responses().create(turn(), Runnable.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be the type of a structured");
    assertThatThrownBy(() -> client.responses().create(new ResponseCreateRequest().input("x"), Echo.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("request.agentId is required");
    assertThatThrownBy(() -> client.async().responses().create(turn(), (Class<?>) null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void aStreamsFinalOutputIsReadIntoTheClassAtTheEnd() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withHeader("Content-Type", StreamTestSupport.SSE)
        .withBody(StreamTestSupport.captureBody("29-response-stream-json-schema"))));
    StructuredOutput<Echo> output = StructuredOutput.of(Echo.class);

    try (ResponseStream stream = client.responses().stream(turn().text(output.textConfig()))) {
      StringBuilder text = new StringBuilder();
      stream.textDeltas().forEach(text::append);
      Echo echo = stream.finalOutput(Echo.class);

      assertThat(echo.echo).isEqualTo("stream structured");
      assertThat(text.toString()).isEqualTo("{\"echo\":\"stream structured\"}");
    }
    assertThat(Wire.body(Wire.onlyRequest(wm)).getAsJsonObject().getAsJsonObject("text").getAsJsonObject("format")
        .get("name").getAsString()).isEqualTo("Echo");
  }

  @Test
  void parsingAResponseKeptWholeWorksToo() {
    wm.stubFor(post(anyUrl()).willReturn(Capture.load("23").answer()));
    StructuredOutput<Echo> output = StructuredOutput.of(Echo.class);

    Response response = client.responses().create(turn().text(output.textConfig()));

    assertThat(output.parse(response).echo).isEqualTo("give me structured output");
    assertThatThrownBy(() -> output.parse((Response) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("response must not be null");
  }
}
