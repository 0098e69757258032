package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * JavaScript's key order, checked against objects recorded from Node ({@code tools/jsnumbers/record.mjs} wrote
 * {@code src/test/resources/jsnumbers/objects.jsonl}): each line has the keys and values in the order they were
 * set (nested objects as {@code {"$pairs": [...]}}, keys such as "10", "2", "4294967294", "4294967295", "01",
 * "-1", "1.5", repeated keys) and the {@code JSON.stringify} of the object Node built from them.
 */
class RequestContextKeyOrderTest {

  @Test
  @Timeout(30)
  void everyRecordedObjectIsWrittenAsNodeWroteIt() throws IOException {
    int count = 0;
    List<String> mismatches = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/jsnumbers/objects.jsonl");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        JsonObject recorded = JsonParser.parseString(line).getAsJsonObject();
        String node = recorded.get("json").getAsString();
        // Both ways of building a context: a map in insertion order, and the builder entry by entry.
        RequestContext.Builder builder = RequestContext.builder();
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonElement pair : recorded.getAsJsonArray("pairs")) {
          String key = pair.getAsJsonArray().get(0).getAsString();
          Object value = value(pair.getAsJsonArray().get(1));
          builder.set(key, value);
          map.put(key, value);
        }
        for (String ours : List.of(builder.build().toJson(), RequestContext.of(map).toJson())) {
          if (!ours.equals(node)) {
            mismatches.add("node " + node + "\n sdk " + ours);
          }
        }
        count++;
      }
    }
    assertThat(count).isEqualTo(1000);
    assertThat(mismatches).isEmpty();
  }

  /** A recorded value as plain Java: {"$pairs": [...]} becomes a LinkedHashMap in that order. */
  private static Object value(JsonElement element) {
    if (element.isJsonObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (JsonElement pair : element.getAsJsonObject().getAsJsonArray("$pairs")) {
        map.put(pair.getAsJsonArray().get(0).getAsString(), value(pair.getAsJsonArray().get(1)));
      }
      return map;
    }
    if (element.isJsonArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonElement item : (JsonArray) element) {
        list.add(value(item));
      }
      return list;
    }
    return element; // a JsonPrimitive or JsonNull, which the context accepts as it is
  }
}
