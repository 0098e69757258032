package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RequestContext} as a value: equality, hash code, {@code toBuilder()} copies, {@code toString()}. */
class RequestContextValueTest {

  private static RequestContext acme() {
    return RequestContext.builder().set("tenant", "acme").set("user", user(42)).build();
  }

  private static Map<String, Object> user(int id) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", id);
    user.put("roles", List.of("admin"));
    return user;
  }

  @Test
  void contextsWithTheSameEntriesAreEqualWithTheSameHashCode() {
    RequestContext a = acme();
    RequestContext b = RequestContext.of(Map.of("tenant", "acme")).toBuilder()
        .set("user", user(42)).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isEqualTo(a);
    assertThat(RequestContext.builder().build()).isEqualTo(RequestContext.empty())
        .hasSameHashCodeAs(RequestContext.empty());
    assertThat(RequestContext.of(Map.of())).isEqualTo(RequestContext.empty());
  }

  @Test
  void contextsThatDifferInAValueAKeyOrANestedValueAreNotEqual() {
    RequestContext a = acme();

    assertThat(a).isNotEqualTo(a.toBuilder().set("tenant", "other").build());
    assertThat(a).isNotEqualTo(a.toBuilder().set("extra", true).build());
    assertThat(a).isNotEqualTo(a.toBuilder().set("user", user(43)).build());
    assertThat(a).isNotEqualTo(a.toBuilder().set("tenant", null).build());
    assertThat(RequestContext.of(Map.of("n", 1))).isNotEqualTo(RequestContext.of(Map.of("n", "1")))
        .doesNotHaveSameHashCodeAs(RequestContext.of(Map.of("n", "1")));
    assertThat(a).isNotEqualTo(RequestContext.empty());
    assertThat(a).isNotEqualTo(null);
    assertThat((Object) a).isNotEqualTo(a.toJson());
  }

  @Test
  void toBuilderStartsWithEveryEntryAndBuildsAnEqualContext() {
    RequestContext a = acme();

    RequestContext copy = a.toBuilder().build();

    assertThat(copy).isEqualTo(a);
    assertThat(copy.toJson()).isEqualTo("{\"tenant\":\"acme\",\"user\":{\"id\":42,\"roles\":[\"admin\"]}}");
    assertThat(copy.size()).isEqualTo(2);
  }

  @Test
  void changingTheBuilderOfToBuilderLeavesTheOriginalAlone() {
    RequestContext a = acme();
    String before = a.toJson();

    RequestContext.Builder builder = a.toBuilder();
    RequestContext changed = builder.set("tenant", "other").remove("user").set("new", 1).build();

    assertThat(a.toJson()).isEqualTo(before);
    assertThat(changed.toJson()).isEqualTo("{\"tenant\":\"other\",\"new\":1}");
    assertThat(a.toBuilder().remove("tenant").remove("user").build()).isEqualTo(RequestContext.empty());
  }

  @Test
  void aBuiltContextDoesNotChangeWhenItsBuilderGoesOn() {
    RequestContext.Builder builder = RequestContext.builder().set("a", 1);
    RequestContext first = builder.build();

    builder.set("b", 2);

    assertThat(first.toJson()).isEqualTo("{\"a\":1}");
    assertThat(builder.build().toJson()).isEqualTo("{\"a\":1,\"b\":2}");
  }

  @Test
  void toStringShowsTheJson() {
    assertThat(RequestContext.of(Map.of("tenant", "acme")).toString()).isEqualTo("RequestContext{\"tenant\":\"acme\"}");
    assertThat(RequestContext.empty().toString()).isEqualTo("RequestContext{}");
  }
}
