package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link StringMapAdapterFactory} read through {@link Utf8JsonReader} gives what Gson's own map adapter gives
 * through Gson's reader: the same entries in the same order, the same text written back, the same failures.
 */
class StringMapAdapterFactoryTest {
  private static final Gson PLAIN = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();

  /** A new Gson each time: a shared one would keep the adapters its first reads made (Gson caches them). */
  private static Gson ours() {
    return new GsonBuilder()
        .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
        .registerTypeAdapterFactory(new StringMapAdapterFactory())
        .create();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "object  | {\"b\":1,\"a\":{\"x\":[1,2.5,\"s\",null,true]},\"c\":null}",
        "object  | {}",
        "object  | null",
        "object  | [[\"k\",1],[\"j\",{\"z\":2}]]",
        "object  | {\"a\":1,\"a\":2}",
        "object  | {\"a\":null,\"a\":2}",
        "object  | [1]",
        "object  | \"text\"",
        "string  | {\"a\":\"x\",\"b\":null,\"c\":\"y\"}",
        "string  | {\"a\":1}",
        "string  | {\"a\":{}}",
        "list    | [{\"a\":[1]},{},null,{\"b\":[]}]",
        "raw     | {\"n\":7,\"m\":{\"q\":1}}",
        "objkey  | {\"7\":1}",
        "objkey  | [[7,1]]",
        "tree    | {\"b\":1,\"a\":2}",
        "sorted  | {\"b\":1,\"a\":2}",
        "hash    | {\"b\":1,\"a\":[2]}",
        "concur  | {\"b\":1,\"a\":2}",
        "cnav    | {\"b\":1,\"a\":2}",
      })
  void readsAsGsonsOwnMapAdapter(String kind, String json) {
    Type type = type(kind);
    String expected = outcome(PLAIN, type, new JsonReader(new StringReader(json)));
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    String actual = outcome(ours(), type, new Utf8JsonReader(bytes, 0, bytes.length));
    assertThat(actual).isEqualTo(expected);
    assertThat(outcome(ours(), type, new JsonReader(new StringReader(json)))).isEqualTo(expected); // Gson's reader too
  }

  private static Type type(String kind) {
    switch (kind) {
      case "string":
        return new TypeToken<Map<String, String>>() {}.getType();
      case "list":
        return new TypeToken<List<Map<String, List<Object>>>>() {}.getType();
      case "raw":
        return Map.class;
      case "objkey":
        return new TypeToken<Map<Object, Object>>() {}.getType();
      case "tree":
        return new TypeToken<TreeMap<String, Object>>() {}.getType();
      case "sorted":
        return new TypeToken<java.util.SortedMap<String, Integer>>() {}.getType();
      case "hash":
        return new TypeToken<java.util.HashMap<String, Object>>() {}.getType();
      case "concur":
        return new TypeToken<java.util.concurrent.ConcurrentMap<String, Long>>() {}.getType();
      case "cnav":
        return new TypeToken<java.util.concurrent.ConcurrentNavigableMap<String, Long>>() {}.getType();
      default:
        return new TypeToken<Map<String, Object>>() {}.getType();
    }
  }

  /** What reading gives: the value's text and key order written back by plain Gson, or the failure. */
  private static String outcome(Gson gson, Type type, JsonReader reader) {
    try {
      @SuppressWarnings("unchecked")
      TypeAdapter<Object> adapter = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(type));
      Object value = adapter.read(reader);
      String kind = value == null ? "null" : value instanceof Map && !value.getClass().getName().contains("LinkedTreeMap")
          && !value.getClass().equals(java.util.LinkedHashMap.class) ? value.getClass().getName() : "";
      return PLAIN.toJson(value) + " / " + gson.toJson(value, type) + " / " + reader.getPath() + " " + kind;
    } catch (Exception e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
