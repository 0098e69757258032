package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.internal.Json;
import ai.mastra.client.testing.Capture;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decoding does not depend on the order of an object's members. The decoder looks for each member first at
 * the property after the one it read last (servers write the spec's order), so every recorded answer is read
 * again with the members of every object reversed, shuffled, and with unknown members between them: the model
 * must hold the same values, and write the same JSON back.
 */
class MemberOrderTest {

  static Stream<Capture> jsonAnswers() {
    return ModelRoundTripTest.jsonAnswers();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonAnswers")
  void everyOrderOfMembersReadsTheSameModel(Capture capture) {
    JsonObject recorded = capture.responseJson();
    Class<?> type = ModelRoundTripTest.modelOf(recorded);
    Object inOrder = Json.GSON.fromJson(capture.responseBody(), type);

    Random random = new Random(capture.number().hashCode());
    List<Function<List<Map.Entry<String, JsonElement>>, List<Map.Entry<String, JsonElement>>>> orders =
        List.of(
            members -> {
              List<Map.Entry<String, JsonElement>> reversed = new ArrayList<>(members);
              Collections.reverse(reversed);
              return reversed;
            },
            members -> {
              List<Map.Entry<String, JsonElement>> shuffled = new ArrayList<>(members);
              Collections.shuffle(shuffled, random);
              return shuffled;
            });
    for (Function<List<Map.Entry<String, JsonElement>>, List<Map.Entry<String, JsonElement>>> order : orders) {
      JsonElement reordered = reorder(recorded, order);
      Object read = Json.GSON.fromJson(reordered.toString(), type);
      assertThat(read).as("%s reordered: %s", capture, reordered).isEqualTo(inOrder);
      assertThat(JsonParser.parseString(Json.GSON.toJson(read))).isEqualTo(recorded);
    }

    // an unknown member after each known one: kept, and the known ones still read
    JsonElement interleaved = reorder(recorded, members -> {
      List<Map.Entry<String, JsonElement>> with = new ArrayList<>();
      for (Map.Entry<String, JsonElement> member : members) {
        with.add(member);
        with.add(Map.entry("x_after_" + member.getKey(), new JsonPrimitive(member.getKey())));
      }
      return with;
    });
    Object read = Json.GSON.fromJson(interleaved.toString(), type);
    assertThat(JsonParser.parseString(Json.GSON.toJson(read))).isEqualTo(interleaved);
  }

  /** The element with the members of every object it holds put in another order. */
  private static JsonElement reorder(JsonElement element,
      Function<List<Map.Entry<String, JsonElement>>, List<Map.Entry<String, JsonElement>>> order) {
    if (element.isJsonArray()) {
      JsonArray array = new JsonArray();
      for (JsonElement item : element.getAsJsonArray()) {
        array.add(reorder(item, order));
      }
      return array;
    }
    if (!element.isJsonObject()) {
      return element;
    }
    List<Map.Entry<String, JsonElement>> members = new ArrayList<>();
    for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
      members.add(Map.entry(member.getKey(), reorder(member.getValue(), order)));
    }
    JsonObject object = new JsonObject();
    for (Map.Entry<String, JsonElement> member : order.apply(members)) {
      object.add(member.getKey(), member.getValue());
    }
    return object;
  }
}
