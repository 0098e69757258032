package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.internal.Json;
import ai.mastra.client.model.*;
import ai.mastra.client.testing.Capture;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated models are typed and lossless: every recorded body (answers, requests, stream events) reads
 * into the right typed variant and writes back as the same JSON; unknown kinds, enum values and properties
 * are kept; the typed setters and the generated javadoc are what the issue asked for.
 */
class ModelRoundTripTest {

  static Stream<Capture> jsonAnswers() {
    return Capture.all().stream()
        .filter(c -> c.status() < 300 && c.answersJson() && c.responseBody().trim().startsWith("{"));
  }

  /** The model class of a recorded success answer, by its {@code object}. */
  static Class<?> modelOf(JsonObject body) {
    String object = body.has("object") ? body.get("object").getAsString() : "";
    switch (object) {
      case "response":
        return body.has("deleted") ? ResponseDeleted.class : Response.class;
      case "response.deleted":
        return ResponseDeleted.class;
      case "conversation":
        return Conversation.class;
      case "conversation.deleted":
        return ConversationDeleted.class;
      case "list":
        return ConversationItemList.class;
      default:
        throw new AssertionError("unexpected answer " + body);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonAnswers")
  void everyRecordedAnswerReadsIntoTypedVariantsAndWritesBackTheSameJson(Capture capture) {
    JsonObject recorded = capture.responseJson();

    Object model = Json.GSON.fromJson(capture.responseBody(), modelOf(recorded));

    assertThat(JsonParser.parseString(Json.GSON.toJson(model))).isEqualTo(recorded);
    List<OutputItem> items = new ArrayList<>();
    if (model instanceof Response) {
      items.addAll(((Response) model).getOutput());
      if (((Response) model).getText() != null) {
        assertThat(((Response) model).getText().getFormat().isUnknown()).isFalse();
      }
    } else if (model instanceof ConversationItemList) {
      items.addAll(((ConversationItemList) model).getData());
    }
    for (OutputItem item : items) {
      assertTyped(item);
    }
  }

  private static void assertTyped(OutputItem item) {
    assertThat(item.isUnknown()).as("a known item kind: %s", item).isFalse();
    switch (item.getType()) {
      case OutputItem.MESSAGE:
        assertThat(item).isInstanceOf(MessageItem.class);
        for (ContentPart part : item.asMessage().getContent()) {
          assertThat(part.isUnknown()).as("a known part: %s", part).isFalse();
          assertThat(part.getType()).isIn(ContentPart.INPUT_TEXT, ContentPart.OUTPUT_TEXT);
          assertThat(part).isInstanceOf(part.isInputText() ? InputTextPart.class : OutputTextPart.class);
        }
        break;
      case OutputItem.FUNCTION_CALL:
        assertThat(item).isInstanceOf(FunctionCallItem.class);
        break;
      case OutputItem.FUNCTION_CALL_OUTPUT:
        assertThat(item).isInstanceOf(FunctionCallOutputItem.class);
        break;
      default:
        throw new AssertionError(item.getType());
    }
  }

  static Stream<Capture> requestBodies() {
    return Capture.all().stream().filter(c -> c.requestBody().isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestBodies")
  void everyRecordedRequestBodyReadsAndWritesBackTheSameJson(Capture capture) {
    JsonObject body = capture.requestBody().get();
    Class<?> type = capture.path().endsWith("/conversations") ? ConversationCreateRequest.class
        : ResponseCreateRequest.class;
    Object model;
    try {
      model = Json.GSON.fromJson(body, type);
    } catch (JsonParseException e) {
      // only an input the typed model cannot hold (a number) fails to read
      assertThat(capture.number()).isEqualTo("58");
      return;
    }
    assertThat(JsonParser.parseString(Json.GSON.toJson(model))).isEqualTo(body);
  }

  static Stream<String> streams() throws IOException {
    return Stream.of("25-response-stream", "26-response-stream-tool-call", "27-response-stream-store-conversation",
        "29-response-stream-json-schema", "78-error-model-failure-stream");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void everyRecordedStreamEventReadsIntoItsTypedVariantAndWritesBackTheSameJson(String name) throws IOException {
    String body;
    try (InputStream in = ModelRoundTripTest.class.getResourceAsStream("/sse/" + name + ".json")) {
      body = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject().getAsJsonObject("response").get("body").getAsString();
    }
    Matcher data = Pattern.compile("(?m)^data: (.*)$").matcher(body);
    int events = 0;
    while (data.find()) {
      JsonObject json = JsonParser.parseString(data.group(1)).getAsJsonObject();
      ResponseStreamEvent event = Json.GSON.fromJson(data.group(1), ResponseStreamEvent.class);

      assertThat(event.isUnknown()).as("a known event: %s", json).isFalse();
      assertThat(event.getType()).isEqualTo(json.get("type").getAsString());
      assertThat(event.getSequenceNumber()).isEqualTo(json.get("sequence_number").getAsLong());
      assertThat(JsonParser.parseString(Json.GSON.toJson(event))).isEqualTo(json);
      if (event.isOutputItemDone()) {
        assertTyped(event.asOutputItemDone().getItem());
      }
      if (event.isCompleted()) {
        event.asCompleted().getResponse().getOutput().forEach(ModelRoundTripTest::assertTyped);
      }
      events++;
    }
    assertThat(events).isGreaterThan(5);
  }

  @Test
  void unknownKindsEnumValuesAndPropertiesAreReadableAndWrittenBack() {
    String json = "{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\",\"status\":\"queued\","
        + "\"output\":["
        + "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"hm\"}],\"x\":null},"
        + "{\"id\":\"m1\",\"type\":\"message\",\"role\":\"critic\",\"status\":\"completed\",\"mood\":{\"a\":[1,2.5]},"
        + "\"content\":[{\"type\":\"refusal\",\"refusal\":\"no\"},{\"type\":\"output_text\",\"text\":\"Hi\","
        + "\"annotations\":[],\"lang\":\"en\"}]}],"
        + "\"service_tier\":\"flex\",\"completed_at\":null}";

    Response response = Json.GSON.fromJson(json, Response.class);

    // an unknown item kind: its type, its common id and every member
    OutputItem reasoning = response.getOutput().get(0);
    assertThat(reasoning.isUnknown()).isTrue();
    assertThat(reasoning.getType()).isEqualTo("reasoning");
    assertThat(reasoning.getId()).isEqualTo("rs_1");
    assertThat(reasoning.asUnknown().get("summary").getAsJsonArray()).hasSize(1);
    assertThat(reasoning.asUnknown().rawJson().has("x")).isTrue();
    String visited = reasoning.accept(new OutputItem.Visitor<String>() {
      @Override public String visitFunctionCall(FunctionCallItem value) { return "call"; }
      @Override public String visitFunctionCallOutput(FunctionCallOutputItem value) { return "result"; }
      @Override public String visitMessage(MessageItem value) { return "message"; }
      @Override public String visitUnknown(OutputItem.Unknown value) { return "unknown " + value.getType(); }
    });
    assertThat(visited).isEqualTo("unknown reasoning");
    // an unknown enum value, kept as its string
    MessageItem message = response.getOutput().get(1).asMessage();
    assertThat(message.getRole().value()).isEqualTo("critic");
    assertThat(message.getRole().isKnown()).isFalse();
    assertThat(message.getRole()).isEqualTo(MessageRole.of("critic")).isNotEqualTo(MessageRole.ASSISTANT);
    assertThat(response.getStatus().value()).isEqualTo("queued");
    assertThat(MessageRole.of("user")).isSameAs(MessageRole.USER);
    // an unknown content part
    assertThat(message.getContent().get(0).isUnknown()).isTrue();
    assertThat(message.getContent().get(0).getType()).isEqualTo("refusal");
    assertThat(message.getContent().get(0).asUnknown().get("refusal").getAsString()).isEqualTo("no");
    assertThat(message.text()).isEqualTo("Hi");
    // unknown properties, at every level
    assertThat(response.additionalProperties()).containsOnlyKeys("service_tier");
    assertThat(response.additionalProperties().get("service_tier").getAsString()).isEqualTo("flex");
    assertThat(message.additionalProperties().get("mood").toString()).isEqualTo("{\"a\":[1,2.5]}");
    assertThat(message.getContent().get(1).asOutputText().additionalProperties()).containsOnlyKeys("lang");
    // and all of it written back, explicit nulls included
    assertThat(JsonParser.parseString(Json.GSON.toJson(response))).isEqualTo(JsonParser.parseString(json));
  }

  @Test
  void javaSerializationKeepsUnknownKindsPropertiesAndNulls() throws Exception {
    String json = "{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\",\"status\":\"queued\","
        + "\"output\":[{\"type\":\"reasoning\",\"id\":\"rs_1\"},{\"id\":\"m1\",\"type\":\"message\","
        + "\"role\":\"critic\",\"content\":[],\"mood\":[1]}],\"service_tier\":\"flex\",\"completed_at\":null}";
    Response response = Json.GSON.fromJson(json, Response.class);

    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(response);
    }
    Response copy;
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Response) in.readObject();
    }

    assertThat(copy).isEqualTo(response);
    assertThat(copy.getOutput().get(1).asMessage().getRole()).isEqualTo(MessageRole.of("critic"));
    assertThat(copy.getOutput().get(0).asUnknown().rawJson()).isEqualTo(response.getOutput().get(0).asUnknown().rawJson());
    assertThat(JsonParser.parseString(Json.GSON.toJson(copy))).isEqualTo(JsonParser.parseString(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-01T00:00:00.000Z", "2026-11-26T07:10:42.120Z", "2026-11-26T07:10:42.123+02:00"})
  void aTimeIsWrittenBackAsMastraWroteIt(String time) {
    String json = "{\"id\":\"t\",\"resourceId\":\"r\",\"createdAt\":\"" + time + "\",\"updatedAt\":\"" + time + "\"}";

    ConversationThread thread = Json.GSON.fromJson(json, ConversationThread.class);

    assertThat(Json.GSON.toJson(thread)).isEqualTo(json);
  }

  @Test
  void anUnknownEventTypeIsReadableAndWrittenBack() {
    String json = "{\"type\":\"response.reasoning_summary_text.delta\",\"sequence_number\":7,\"item_id\":\"rs_1\","
        + "\"delta\":\"hm\"}";

    ResponseStreamEvent event = Json.GSON.fromJson(json, ResponseStreamEvent.class);

    assertThat(event.isUnknown()).isTrue();
    assertThat(event.getType()).isEqualTo("response.reasoning_summary_text.delta");
    assertThat(event.getSequenceNumber()).isEqualTo(7L);
    assertThat(event.asUnknown().get("delta").getAsString()).isEqualTo("hm");
    assertThat(JsonParser.parseString(Json.GSON.toJson(event))).isEqualTo(JsonParser.parseString(json));
  }

  @Test
  void theDiscriminatorNeedNotComeFirst() {
    String json = "{\"id\":\"m1\",\"role\":\"user\",\"content\":[{\"text\":\"a\",\"type\":\"input_text\"}],"
        + "\"type\":\"message\",\"extra\":true}";

    OutputItem item = Json.GSON.fromJson(json, OutputItem.class);

    assertThat(item.asMessage().text()).isEqualTo("a");
    assertThat(item.asMessage().getRole()).isSameAs(MessageRole.USER);
    assertThat(JsonParser.parseString(Json.GSON.toJson(item))).isEqualTo(JsonParser.parseString(json));
  }

  @Test
  void typedInputIsOnTheWireAsBefore() {
    assertThat(Json.GSON.toJson(new ResponseCreateRequest().agentId("a").input("hi")))
        .isEqualTo("{\"agent_id\":\"a\",\"input\":\"hi\"}");
    assertThat(Json.GSON.toJson(new ResponseCreateRequest().agentId("a").input(List.of(
            new InputMessage().role(MessageRole.SYSTEM).content("Be terse."),
            new InputMessage().role(MessageRole.USER)
                .content(List.of(new InputContentPart().type("input_text").text("Hello")))))))
        .isEqualTo("{\"agent_id\":\"a\",\"input\":[{\"role\":\"system\",\"content\":\"Be terse.\"},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Hello\"}]}]}");
    assertThat(Json.GSON.toJson(new TextConfig().format(new JsonSchemaFormat().name("n").schema(Map.of()))))
        .isEqualTo("{\"format\":{\"type\":\"json_schema\",\"name\":\"n\",\"schema\":{}}}");
  }

  @ParameterizedTest
  @ValueSource(classes = {ResponseCreateRequest.class, InputMessage.class})
  void noSetterTakesAnObject(Class<?> type) {
    for (Method method : type.getMethods()) {
      if (method.getName().matches("input|setInput|content|setContent")) {
        assertThat(method.getParameterTypes()).as(method.toString()).doesNotContain(Object.class);
      }
    }
  }

  @Test
  void requiredBooleansArePrimitive() throws NoSuchMethodException {
    assertThat(ResponseDeleted.class.getMethod("getDeleted").getReturnType()).isEqualTo(boolean.class);
    assertThat(ConversationItemList.class.getMethod("getHasMore").getReturnType()).isEqualTo(boolean.class);
    assertThat(new ResponseDeleted().getDeleted()).isFalse();
  }

  private static final Path MODELS = Paths.get("target/generated-sources/openapi/src/main/java/ai/mastra/client/model");

  /** The javadoc of the generated models: no placeholders, no variant's description on a union. */
  @Test
  void theGeneratedJavadocHasNoPlaceholdersAndNoVariantDocsOnAUnion() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(MODELS)) {
      files = list.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
    }
    assertThat(files).hasSizeGreaterThan(40);
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file);
      Matcher placeholder = Pattern.compile("\\* (Get|Set|Gets or Sets) [a-zA-Z_]+\\s*\\n").matcher(text);
      if (placeholder.find()) {
        problems.add(file.getFileName() + ": placeholder " + placeholder.group().trim());
      }
      if (text.contains("SERIALIZED_NAME_") || text.contains(" _object(")) {
        problems.add(file.getFileName() + ": SERIALIZED_NAME_ or _object(");
      }
      if (text.contains("public interface ") && (text.contains("Always &#x60;") || text.contains("Always `"))) {
        problems.add(file.getFileName() + ": a variant's \"Always\" on a union");
      }
      Matcher getters = Pattern.compile("/\\*\\*\\s*\\n\\s*\\*\\s*\\n[^/]*?\\n\\s*public [^(]+ get[A-Z]\\w*\\(\\)").matcher(text);
      if (getters.find()) {
        problems.add(file.getFileName() + ": a getter without a description");
      }
    }
    assertThat(problems).isEmpty();
  }
}
