package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RequestOptions}: {@code toBuilder()} copies, and a built value never changes. */
class RequestOptionsValueTest {

  private static final RequestContext CONTEXT = RequestContext.of(Map.of("tenant", "acme"));

  private static RequestOptions full() {
    return RequestOptions.builder()
        .requestContext(CONTEXT)
        .header("X-Trace", "t1")
        .header("X-Other", "o")
        .timeout(Duration.ofSeconds(7))
        .build();
  }

  @Test
  void toBuilderStartsWithTheContextTheHeadersAndTheTimeout() {
    RequestOptions copy = full().toBuilder().build();

    assertThat(copy.requestContext()).containsSame(CONTEXT);
    assertThat(copy.headers()).containsExactly(Map.entry("X-Trace", "t1"), Map.entry("X-Other", "o"));
    assertThat(copy.timeout()).contains(Duration.ofSeconds(7));
  }

  @Test
  void changingTheBuilderOfToBuilderLeavesTheOriginalAlone() {
    RequestOptions original = full();
    RequestContext other = RequestContext.of(Map.of("tenant", "other"));

    RequestOptions changed = original.toBuilder()
        .requestContext(other)
        .header("X-Trace", "t2")
        .header("X-New", "n")
        .timeout(Duration.ofSeconds(1))
        .build();

    assertThat(changed.requestContext()).containsSame(other);
    assertThat(changed.headers())
        .containsExactly(Map.entry("X-Trace", "t2"), Map.entry("X-Other", "o"), Map.entry("X-New", "n"));
    assertThat(changed.timeout()).contains(Duration.ofSeconds(1));
    assertThat(original.requestContext()).containsSame(CONTEXT);
    assertThat(original.headers()).containsExactly(Map.entry("X-Trace", "t1"), Map.entry("X-Other", "o"));
    assertThat(original.timeout()).contains(Duration.ofSeconds(7));
  }

  @Test
  void toBuilderOfNoneHasNothingSet() {
    RequestOptions none = RequestOptions.none().toBuilder().build();

    assertThat(none.requestContext()).isEmpty();
    assertThat(none.headers()).isEmpty();
    assertThat(none.timeout()).isEmpty();
    assertThat(RequestOptions.of(CONTEXT).requestContext()).containsSame(CONTEXT);
    assertThat(RequestOptions.of(CONTEXT).headers()).isEmpty();
    assertThat(RequestOptions.of(CONTEXT).timeout()).isEmpty();
  }

  @Test
  void theHeadersOfBuiltOptionsCannotBeChangedNorChangeWithTheirBuilder() {
    RequestOptions.Builder builder = RequestOptions.builder().header("A", "1");
    RequestOptions built = builder.build();

    builder.header("B", "2");

    assertThat(built.headers()).containsExactly(Map.entry("A", "1"));
    assertThatThrownBy(() -> built.headers().put("C", "3")).isInstanceOf(UnsupportedOperationException.class);
  }
}
