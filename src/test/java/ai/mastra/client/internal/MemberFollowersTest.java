package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.ResponseOutputTextDeltaEvent;
import ai.mastra.client.model.ResponseStreamEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code ModelAdapterFactory} learns the order a server writes a kind's members in (Mastra's stream events are
 * not in the spec's order), and reads right whatever order comes next.
 */
class MemberFollowersTest {
  private static final String WIRE_ORDER =
      "{\"type\":\"response.output_text.delta\",\"output_index\":1,\"content_index\":2,\"item_id\":\"m\","
          + "\"delta\":\"d\",\"sequence_number\":5}";
  private static final String SPEC_ORDER =
      "{\"type\":\"response.output_text.delta\",\"sequence_number\":6,\"item_id\":\"n\",\"output_index\":3,"
          + "\"content_index\":4,\"delta\":\"e\"}";

  private static ResponseOutputTextDeltaEvent read(String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ResponseStreamEvent event =
        Json.GSON.getAdapter(ResponseStreamEvent.class).read(new Utf8JsonReader(bytes, 0, bytes.length));
    return event.asOutputTextDelta();
  }

  /** The member the reader tries first after {@code name}. */
  private static String follower(String name) {
    ModelAdapterFactory.ModelClass model = ModelAdapterFactory.ModelClass.of(ResponseOutputTextDeltaEvent.class);
    int slot = model.indexOf(name) + 1;
    int next = model.followers[slot] >= 0 ? model.followers[slot] : slot; // none learned: the spec's next
    return next < model.names.length ? model.names[next] : null;
  }

  @Test
  void learnsTheWireOrderAndStillReadsAnyOther() throws IOException {
    for (String json : new String[] {WIRE_ORDER, WIRE_ORDER, SPEC_ORDER, WIRE_ORDER}) {
      ResponseOutputTextDeltaEvent event = read(json);
      boolean wire = json.equals(WIRE_ORDER);
      assertThat(event.getSequenceNumber()).isEqualTo(wire ? 5 : 6);
      assertThat(event.getItemId()).isEqualTo(wire ? "m" : "n");
      assertThat(event.getOutputIndex()).isEqualTo(wire ? 1 : 3);
      assertThat(event.getContentIndex()).isEqualTo(wire ? 2 : 4);
      assertThat(event.getDelta()).isEqualTo(wire ? "d" : "e");
      assertThat(event.additionalProperties()).isEmpty();
    }
    // the last order read is what it expects next
    assertThat(follower("type")).isEqualTo("output_index");
    assertThat(follower("output_index")).isEqualTo("content_index");
    assertThat(follower("content_index")).isEqualTo("item_id");
    assertThat(follower("item_id")).isEqualTo("delta");
    assertThat(follower("delta")).isEqualTo("sequence_number");
  }
}
