package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** JSON.stringify's key order and string escapes; the numbers are in {@link JsJsonFuzzTest}. */
class JsJsonTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "9", "10", "123456", "4294967294"})
  void arrayIndicesAreCanonicalIntegersUpTo2To32Minus2(String key) {
    assertThat(JsJson.isArrayIndex(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "00", "01", "-1", "-0", "+1", "1.5", "1e3", " 1", "1 ", "4294967295", "4294967296",
      "99999999999", "a", "٣"})
  void otherKeysAreNotArrayIndices(String key) {
    assertThat(JsJson.isArrayIndex(key)).isFalse();
  }

  @Test
  void indicesComeFirstAscendingThenTheRestInInsertionOrderAtEveryLevel() {
    JsonObject inner = new JsonObject();
    inner.addProperty("b", 1);
    inner.addProperty("3", 2);
    inner.addProperty("a", 3);
    inner.addProperty("1", 4);
    JsonObject object = new JsonObject();
    object.addProperty("z", "first set");
    object.addProperty("10", "x");
    object.addProperty("4294967295", "not an index");
    object.addProperty("2", "y");
    object.add("inner", inner);
    JsonArray list = new JsonArray();
    list.add(inner);
    list.add(JsonNull.INSTANCE);
    object.add("list", list);

    // Node: the same insertions, then JSON.stringify
    assertThat(JsJson.stringify(object)).isEqualTo("{\"2\":\"y\",\"10\":\"x\",\"z\":\"first set\","
        + "\"4294967295\":\"not an index\",\"inner\":{\"1\":4,\"3\":2,\"b\":1,\"a\":3},"
        + "\"list\":[{\"1\":4,\"3\":2,\"b\":1,\"a\":3},null]}");
  }

  // Node: JSON.stringify(s) for each string (written here with Java escapes)
  static Stream<Arguments> strings() {
    return Stream.of(
        Arguments.of("\u0000\u001f", "\"\\u0000\\u001f\""),
        Arguments.of("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\""),
        Arguments.of("\"\\", "\"\\\"\\\\\""),
        Arguments.of("\u2028\u2029<>&='/\u007f", "\"\u2028\u2029<>&='/\u007f\""),
        Arguments.of("\ud83d\ude00", "\"\ud83d\ude00\""),
        Arguments.of("a\udc00b\ud800", "\"a\\udc00b\\ud800\""));
  }

  @ParameterizedTest
  @MethodSource("strings")
  void stringsAreEscapedAsJavaScriptEscapesThem(String value, String node) {
    assertThat(JsJson.stringify(new JsonPrimitive(value))).isEqualTo(node);
  }
}
