package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.testing.Capture;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ModelAdapterFactory} and {@link RequiredFields} on model classes loaded afresh for each test, read and
 * written by a Gson of the test's own.
 *
 * <p>Why: both keep what they learn of a class for the life of the JVM (Gson caches adapters, a {@link
 * ClassValue} the reflective facts), which is right for the SDK but means the shared {@code Json.GSON} and the
 * generated classes meet this code once per JVM. Here every test meets it again, so a change in how a class is
 * inspected or an adapter chosen fails a test, not only the first test that happens to run.
 */
class FreshModelsTest {
  private static final String MODEL_PACKAGE = "ai.mastra.client.model.";

  /** Defines the generated model classes anew (child first), and takes every other class from the SDK's loader. */
  private static final class FreshModels extends ClassLoader {
    FreshModels() {
      super(FreshModelsTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(MODEL_PACKAGE)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          String resource = name.replace('.', '/') + ".class";
          try (InputStream in = getParent().getResourceAsStream(resource)) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            loaded = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        return loaded;
      }
    }
  }

  private final ClassLoader models = new FreshModels();
  /** The SDK's configuration, with an empty adapter cache; the models name their adapter themselves. */
  private final Gson gson = Json.GSON.newBuilder().create();

  private Class<?> model(String simpleName) {
    try {
      Class<?> type = models.loadClass(MODEL_PACKAGE + simpleName);
      assertThat(type.getClassLoader()).isSameAs(models);
      return type;
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private Object read(String json, String simpleName) {
    return gson.fromJson(json, model(simpleName));
  }

  private JsonElement write(Object value) {
    return JsonParser.parseString(gson.toJson(value));
  }

  private static Object call(Object target, String method) {
    try {
      Method m = target.getClass().getMethod(method);
      return m.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(method, e);
    }
  }

  static Stream<Capture> jsonAnswers() {
    return Capture.all().stream()
        .filter(c -> c.status() < 300 && c.answersJson() && c.responseBody().trim().startsWith("{"))
        .filter(c -> {
          JsonObject body = c.responseJson();
          return body.has("object") && (body.get("object").getAsString().equals("response")
              || body.get("object").getAsString().equals("list")) && !body.has("deleted");
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonAnswers")
  void recordedResponsesAndItemListsReadAndWriteBackTheSameJson(Capture capture) {
    JsonObject recorded = capture.responseJson();
    String type = recorded.get("object").getAsString().equals("list") ? "ConversationItemList" : "Response";

    Object model = read(capture.responseBody(), type);

    assertThat(model.getClass().getClassLoader()).isSameAs(models);
    assertThat(write(model)).isEqualTo(recorded);
    assertThat(RequiredFields.firstMissing(model)).isNull();
  }

  private static final String MESSAGE = "{\"type\":\"message\",\"id\":\"m1\",\"role\":\"assistant\","
      + "\"status\":\"completed\",\"content\":[{\"type\":\"output_text\",\"text\":\"Hi\",\"annotations\":[]}]}";

  private static String response(String output, String extra) {
    return "{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\",\"status\":\"completed\","
        + "\"output\":[" + output + "]" + extra + "}";
  }

  @Test
  void unionsBindTheirVariantEvenWhenTheDiscriminatorComesLast() {
    String itemTypeLast = "{\"id\":\"m2\",\"role\":\"assistant\",\"status\":\"completed\",\"content\":[],"
        + "\"type\":\"message\"}";
    String call = "{\"type\":\"function_call\",\"id\":\"fc1\",\"call_id\":\"c1\",\"name\":\"weather\","
        + "\"arguments\":\"{}\",\"status\":\"completed\"}";
    String json = response(MESSAGE + "," + itemTypeLast + "," + call, "");

    Object response = read(json, "Response");

    List<?> output = (List<?>) call(response, "getOutput");
    assertThat(output).extracting(o -> o.getClass().getSimpleName())
        .containsExactly("MessageItem", "MessageItem", "FunctionCallItem");
    assertThat(call(output.get(1), "getId")).isEqualTo("m2");
    assertThat(call(output.get(2), "getCallId")).isEqualTo("c1");
    Object part = ((List<?>) call(output.get(0), "getContent")).get(0);
    assertThat(part.getClass().getSimpleName()).isEqualTo("OutputTextPart");
    assertThat(call(part, "getText")).isEqualTo("Hi");
    assertThat(write(response)).isEqualTo(JsonParser.parseString(json));
  }

  @Test
  void unknownKindsAndNonStringDiscriminatorsAreKeptWhole() {
    String unknown = "{\"summary\":[1],\"type\":\"reasoning\",\"id\":\"rs1\",\"x\":null}";
    String numberKind = "{\"type\":7,\"id\":\"odd\"}";
    String json = response(unknown + "," + numberKind, "");

    Object response = read(json, "Response");

    List<?> output = (List<?>) call(response, "getOutput");
    assertThat(output).extracting(o -> o.getClass().getName())
        .containsExactly(MODEL_PACKAGE + "OutputItem$Unknown", MODEL_PACKAGE + "OutputItem$Unknown");
    assertThat(call(output.get(0), "rawJson")).isEqualTo(JsonParser.parseString(unknown));
    assertThat(write(response)).isEqualTo(JsonParser.parseString(json));
    assertThat(write(output.get(0)).toString()).as("nulls inside an unknown item are written")
        .contains("\"x\":null");
  }

  @Test
  void aUnionMemberWithoutItsDiscriminatorOrNotAnObjectIsRefused() {
    assertThatThrownBy(() -> read(response("{\"id\":\"x\"}", ""), "Response"))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("the required property type is missing at $.output[0]");
    assertThatThrownBy(() -> read(response("\"text\"", ""), "Response"))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("expected a JSON object at $.output[0]");
  }

  @Test
  void unknownPropertiesAndExplicitNullsAreWrittenBackAndAbsentOnesAreNot() {
    String json = response(MESSAGE, ",\"service_tier\":\"flex\",\"completed_at\":null,\"usage\":null,"
        + "\"extra\":{\"a\":[1,null]}");

    Object response = read(json, "Response");

    JsonObject written = write(response).getAsJsonObject();
    assertThat(written).isEqualTo(JsonParser.parseString(json));
    assertThat(written.has("usage")).isTrue();
    assertThat(written.get("usage").isJsonNull()).isTrue();
    assertThat(written.has("error")).as("a property that was absent stays absent").isFalse();
    Object again = read(written.toString(), "Response");
    assertThat(write(again)).isEqualTo(written);
  }

  @Test
  void openEnumsKeepAnyStringAndReturnTheConstantForAKnownOne() {
    Object response = read(response("", "").replace("\"completed\"", "\"queued\""), "Response");
    Object status = call(response, "getStatus");
    assertThat(status.getClass().getSimpleName()).isEqualTo("ResponseStatus");
    assertThat(call(status, "value")).isEqualTo("queued");
    assertThat(call(status, "isKnown")).isEqualTo(false);
    Object completed = call(read(response("", ""), "Response"), "getStatus");
    assertThat(call(completed, "isKnown")).isEqualTo(true);
    assertThat(write(status).getAsString()).isEqualTo("queued");
    assertThat(read("null", "ResponseStatus")).isNull();
  }

  @Test
  void aOneOfValueTakesTheBranchOfTheJsonToken() {
    Object text = read("{\"model\":\"m\",\"input\":\"hello\"}", "ResponseCreateRequest");
    Object input = call(text, "getInput");
    assertThat(call(input, "value")).isEqualTo("hello");
    Object list = read("{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "ResponseCreateRequest");
    assertThat(call(call(list, "getInput"), "value")).isInstanceOf(List.class);
    assertThat(write(list)).isEqualTo(JsonParser.parseString(
        "{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
    assertThat(write(text)).isEqualTo(JsonParser.parseString("{\"model\":\"m\",\"input\":\"hello\"}"));
    for (String wrong : new String[] {"7", "true", "{\"a\":1}"}) {
      assertThatThrownBy(() -> read("{\"model\":\"m\",\"input\":" + wrong + "}", "ResponseCreateRequest"))
          .as(wrong)
          .isInstanceOf(JsonParseException.class)
          .hasMessageContaining("a ResponseInput cannot be a JSON")
          .hasMessageContaining("at $.input");
    }
    assertThat(call(read("{\"model\":\"m\",\"input\":null}", "ResponseCreateRequest"), "getInput")).isNull();
  }

  @Test
  void nullsReadAsNullForEveryKind() {
    assertThat(read("null", "Response")).isNull();
    assertThat(read("null", "OutputItem")).isNull();
    assertThat(read("null", "ResponseInput")).isNull();
    Object response = read(response("null", ""), "Response");
    assertThat((List<?>) call(response, "getOutput")).hasSize(1).containsOnlyNulls();
  }

  @Test
  void theCountOfRequiredPropertiesTellsACompleteAnswerFromOneThatMayLackOneOnFreshClasses() {
    // StrictGsonConverterFactory walks an answer for a missing required property only when the count made while
    // decoding says one may be missing: the count must never call an incomplete model complete
    String call = "\"id\":\"fc1\",\"name\":\"w\",\"arguments\":\"{}\"";
    Map<String, Boolean> incomplete = new LinkedHashMap<>();
    incomplete.put(response(MESSAGE, ""), false);
    incomplete.put(response(MESSAGE + ",{\"type\":\"function_call\"," + call + ",\"call_id\":\"c\"}", ""), false);
    incomplete.put(response("{" + call + ",\"call_id\":\"c\",\"type\":\"function_call\"}", ""), false);
    incomplete.put(response("", ",\"usage\":{\"input_tokens\":1,\"output_tokens\":2,\"total_tokens\":3}"), false);
    incomplete.put("{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"status\":\"completed\",\"output\":[]}", true);
    incomplete.put("{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":null,\"status\":\"completed\","
        + "\"output\":[]}", true);
    incomplete.put(response("{\"type\":\"function_call\"," + call + "}", ""), true);
    incomplete.put(response("{" + call + ",\"type\":\"function_call\"}", ""), true);
    incomplete.put(response("{\"type\":\"function_call\"," + call + ",\"call_id\":null}", ""), true);
    incomplete.put(response("", ",\"usage\":{\"input_tokens\":1,\"total_tokens\":3}"), true);
    incomplete.forEach((json, expected) -> {
      ModelAdapterFactory.startDecoding();
      Object model = read(json, "Response");
      assertThat(ModelAdapterFactory.mayBeIncomplete()).as(json).isEqualTo(expected);
      assertThat(RequiredFields.firstMissing(model) != null).as(json).isEqualTo(expected);
    });
  }

  @Test
  void requiredPropertiesAreCheckedOnFreshClassesToo() {
    Object missingModel = read("{\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"status\":\"completed\","
        + "\"output\":[]}", "Response");
    assertThat(RequiredFields.firstMissing(missingModel)).isEqualTo("model");
    Object missingInItem = read(response("{\"type\":\"function_call\",\"id\":\"fc1\",\"name\":\"w\","
        + "\"arguments\":\"{}\"}", ""), "Response");
    assertThat(RequiredFields.firstMissing(missingInItem)).isEqualTo("output[0].call_id");
    assertThat(RequiredFields.firstMissing(read(response(MESSAGE, ""), "Response"))).isNull();
    Object secondItem = read(response(MESSAGE + ",{\"type\":\"function_call\",\"id\":\"fc1\",\"name\":\"w\","
        + "\"arguments\":\"{}\"}", ""), "Response");
    assertThat(RequiredFields.firstMissing(secondItem)).isEqualTo("output[1].call_id");
  }

  @Test
  void theUnknownVariantReadsAndWritesOnItsOwn() {
    Object unknown = read("{\"type\":\"reasoning\",\"n\":null}", "OutputItem");
    assertThat(unknown.getClass().getName()).isEqualTo(MODEL_PACKAGE + "OutputItem$Unknown");
    Object direct = gson.fromJson("{\"type\":\"x\",\"n\":null}", unknown.getClass());
    assertThat(write(direct).toString()).isEqualTo("{\"type\":\"x\",\"n\":null}");
    assertThat(gson.fromJson("null", unknown.getClass())).isNull();
    assertThatThrownBy(() -> gson.fromJson("[1]", unknown.getClass()))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("expected a JSON object");
    try {
      assertThat(gson.toJson(null, unknown.getClass())).isEqualTo("null");
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }

  @Test
  void membersBeforeTheDiscriminatorKeepTheirExplicitNulls() {
    String item = "{\"status\":null,\"id\":\"m3\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}";
    Object response = read(response(item, ""), "Response");
    Object message = ((List<?>) call(response, "getOutput")).get(0);
    assertThat(message.getClass().getSimpleName()).isEqualTo("MessageItem");
    assertThat(call(message, "getStatus")).isNull();
    assertThat(write(message)).isEqualTo(JsonParser.parseString(item));
    // a null after another member that came before the discriminator nulls its own property only
    String functionCall = "{\"name\":\"w\",\"status\":null,\"type\":\"function_call\",\"id\":\"fc1\","
        + "\"call_id\":\"c\",\"arguments\":\"{}\"}";
    Object call = ((List<?>) call(read(response(functionCall, ""), "Response"), "getOutput")).get(0);
    assertThat(call(call, "getName")).isEqualTo("w");
    assertThat(call(call, "getStatus")).isNull();
    assertThat(write(call)).isEqualTo(JsonParser.parseString(functionCall));
  }

  @Test
  void anUnknownVariantsCommonPropertiesAreTypedOrNull() {
    Object ok = read("{\"type\":\"reasoning\",\"id\":\"rs1\"}", "OutputItem");
    assertThat(call(ok, "getId")).isEqualTo("rs1");
    for (String id : new String[] {"7", "null", "true", "{}", "[\"rs1\"]"}) {
      Object odd = read("{\"type\":\"reasoning\",\"id\":" + id + "}", "OutputItem");
      assertThat(call(odd, "getId")).as("id " + id).isNull();
    }
    assertThat(call(read("{\"type\":\"reasoning\"}", "OutputItem"), "getId")).isNull();
    assertThat(call(read("{\"type\":\"x.y\",\"sequence_number\":7}", "ResponseStreamEvent"), "getSequenceNumber"))
        .isEqualTo(7L);
    assertThat(call(read("{\"type\":\"x.y\",\"sequence_number\":\"7\"}", "ResponseStreamEvent"),
        "getSequenceNumber")).isNull();
  }

  /** A document of the caller's own around SDK models. */
  static final class Holder {
    Object first;
    String absent;
    Object second;
    String alsoAbsent;
  }

  @Test
  void writingAModelLeavesTheCallersNullPolicyAsItWas() {
    Holder holder = new Holder();
    holder.first = read("{\"type\":\"reasoning\",\"n\":null}", "OutputItem");
    holder.second = read(response(MESSAGE, ",\"usage\":null"), "Response");
    Gson callers = new Gson(); // nulls dropped, as by default

    JsonObject written = JsonParser.parseString(callers.toJson(holder)).getAsJsonObject();

    assertThat(written.keySet()).containsExactly("first", "second");
    assertThat(written.getAsJsonObject("first").has("n")).isTrue();
    assertThat(written.getAsJsonObject("second").get("usage").isJsonNull()).isTrue();
  }

  @Test
  void anExplicitNullReplacesAFieldsDefaultValue() {
    // Response.tools starts as an empty list: null in the JSON must be null in the model, and written back
    String json = response("", ",\"tools\":null");
    Object response = read(json, "Response");
    assertThat(call(response, "getTools")).isNull();
    assertThat(write(response)).isEqualTo(JsonParser.parseString(json));
    String buffered = "{\"tools\":null,\"id\":\"r1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\","
        + "\"status\":\"completed\",\"output\":[]}";
    assertThat(call(read(buffered, "Response"), "getTools")).isNull();
  }

  @Test
  void requiredPropertiesInsideOptionalModelsListsAndUnionsAreChecked() {
    // usage and tools are optional, but what they hold has required properties of its own
    assertThat(RequiredFields.firstMissing(read(response("", ",\"usage\":{\"output_tokens\":1,\"total_tokens\":1}"),
        "Response"))).isEqualTo("usage.input_tokens");
    assertThat(RequiredFields.firstMissing(read(response("", ",\"tools\":[{\"type\":\"function\"}]"), "Response")))
        .isEqualTo("tools[0].name");
    assertThat(RequiredFields.firstMissing(read(response("", ",\"text\":{}"), "Response")))
        .as("text.format is required in a text config").isEqualTo("text.format");
    assertThat(RequiredFields.firstMissing(read(response("", ",\"usage\":{\"input_tokens\":1,\"output_tokens\":1,"
        + "\"total_tokens\":2},\"tools\":[{\"type\":\"function\",\"name\":\"w\"}],\"metadata\":{\"a\":1}"),
        "Response"))).isNull();
  }
}
