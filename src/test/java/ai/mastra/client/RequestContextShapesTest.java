package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values of every accepted shape in a request context, read back as sent: Gson trees, Java arrays, nested
 * lists; the nesting limit on each container kind; and long paths in messages shortened.
 */
class RequestContextShapesTest {

  @Test
  void gsonTreesAndJavaArraysAreSentAsTheJsonTheyHold() {
    JsonObject tree = new JsonObject();
    tree.addProperty("n", 7);
    tree.addProperty("x", 2.5);
    tree.addProperty("b", true);
    tree.addProperty("s", "t");
    tree.add("none", com.google.gson.JsonNull.INSTANCE);
    JsonArray list = new JsonArray();
    list.add(1);
    list.add("two");
    tree.add("list", list);

    RequestContext context = RequestContext.builder()
        .set("tree", tree)
        .set("ints", new int[] {3, 4})
        .set("strings", new String[] {"a", "b"})
        .set("nested", Arrays.asList(Arrays.asList(1, 2), new long[] {5L}))
        .set("number", new JsonPrimitive(9007199254740992L))
        .set("flag", new JsonPrimitive(false))
        .build();

    assertThat(context.toJson()).isEqualTo("{\"tree\":{\"n\":7,\"x\":2.5,\"b\":true,\"s\":\"t\",\"none\":null,"
        + "\"list\":[1,\"two\"]},\"ints\":[3,4],\"strings\":[\"a\",\"b\"],\"nested\":[[1,2],[5]],"
        + "\"number\":9007199254740992,\"flag\":false}");
    Map<String, Object> plain = context.toMap();
    Map<String, Object> expectedTree = new LinkedHashMap<>();
    expectedTree.put("n", 7L);
    expectedTree.put("x", 2.5);
    expectedTree.put("b", true);
    expectedTree.put("s", "t");
    expectedTree.put("none", null);
    expectedTree.put("list", Arrays.asList(1L, "two"));
    assertThat(plain.get("tree")).isEqualTo(expectedTree);
    assertThat(plain.get("ints")).isEqualTo(Arrays.asList(3L, 4L));
    assertThat(plain.get("nested")).isEqualTo(Arrays.asList(Arrays.asList(1L, 2L), Arrays.asList(5L)));
    assertThat(plain.get("number")).isEqualTo(9007199254740992L);
    assertThat(plain.get("flag")).isEqualTo(false);
    assertThat(context.toJsonObject().getAsJsonObject("tree")).isEqualTo(tree);
  }

  private static Object nested(int depth, String kind) {
    Object value = "leaf";
    for (int i = 0; i < depth; i++) {
      switch (kind) {
        case "array":
          value = new Object[] {value};
          break;
        case "object":
          JsonObject object = new JsonObject();
          object.add("k", value instanceof String ? new JsonPrimitive((String) value) : (com.google.gson.JsonElement) value);
          value = object;
          break;
        case "json":
          JsonArray array = new JsonArray();
          array.add(value instanceof String ? new JsonPrimitive((String) value) : (com.google.gson.JsonElement) value);
          value = array;
          break;
        default:
          List<Object> list = new ArrayList<>();
          list.add(value);
          value = list;
      }
    }
    return value;
  }

  @Test
  void theNestingLimitHoldsForJavaArraysAndGsonTreesToo() {
    for (String kind : new String[] {"array", "json", "object", "list"}) {
      // the value itself is level 1 inside the context's own map
      RequestContext.builder().set("deep", nested(RequestContext.MAX_DEPTH, kind)).build();
      assertThatThrownBy(() -> RequestContext.builder().set("deep", nested(RequestContext.MAX_DEPTH + 2, kind)).build())
          .as(kind)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nested deeper than 100 levels");
    }
  }

  @Test
  void aLongPathInAMessageIsShortenedInTheMiddle() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("bad", new Object());
    Map<String, Object> value = inner;
    for (int i = 0; i < 30; i++) {
      Map<String, Object> outer = new LinkedHashMap<>();
      outer.put("level" + i, value);
      value = outer;
    }
    Map<String, Object> top = value;
    assertThatThrownBy(() -> RequestContext.builder().set("k", top))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> {
          String path = e.getMessage().substring(0, e.getMessage().indexOf(": "));
          assertThat(path).hasSize(223).contains("...").endsWith(".level0.bad");
        });
  }

  @Test
  void anEnumIsSentAsGsonWritesIt() {
    RequestContext context = RequestContext.builder()
        .set("unit", java.util.concurrent.TimeUnit.SECONDS)
        .set("units", List.of(java.util.concurrent.TimeUnit.MINUTES))
        .build();
    assertThat(context.toJson()).isEqualTo("{\"unit\":\"SECONDS\",\"units\":[\"MINUTES\"]}");
  }
}
