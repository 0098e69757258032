package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.ContentPart;
import ai.mastra.client.model.Response;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamAccumulator}'s run of text deltas: consecutive deltas to the same part are appended without
 * looking the part up again, so these streams switch parts, items and index kinds between deltas, and replace a
 * part's content between two deltas, to see that a delta always lands in the part its indexes name.
 */
class StreamAccumulatorDeltaRunTest {

  private final StreamAccumulator accumulator = new StreamAccumulator();

  private String texts(String... events) {
    for (String json : events) {
      accumulator.accept(StreamAccumulatorUnitTest.event(json));
    }
    return accumulator.response().getOutput().stream()
        .map(item -> !item.isMessage() || item.asMessage().getContent() == null ? "-"
            : item.asMessage().getContent().stream()
            .map(ContentPart::getText).collect(Collectors.joining("|")))
        .collect(Collectors.joining(" / "));
  }

  private static String delta(Integer index, String itemId, int contentIndex, String text) {
    return "{\"type\":\"response.output_text.delta\"" + (index == null ? "" : ",\"output_index\":" + index)
        + (itemId == null ? "" : ",\"item_id\":\"" + itemId + "\"")
        + ",\"content_index\":" + contentIndex + ",\"delta\":\"" + text + "\"}";
  }

  private static String messageItem(String type, int index, String id, String text) {
    return "{\"type\":\"" + type + "\",\"output_index\":" + index + ",\"item\":{\"id\":\"" + id
        + "\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\""
        + text + "\"}]}}";
  }

  private static String partDone(int index, String itemId, int contentIndex, String text) {
    return "{\"type\":\"response.content_part.done\",\"output_index\":" + index + ",\"item_id\":\"" + itemId
        + "\",\"content_index\":" + contentIndex + ",\"part\":{\"type\":\"output_text\",\"text\":\"" + text + "\"}}";
  }

  @Test
  void aDeltaToAnotherPartOfTheSameItemGoesThere() {
    assertThat(texts(
        delta(0, "m1", 0, "a"), delta(0, "m1", 1, "b"), delta(0, "m1", 1, "c"), delta(0, "m1", 0, "d")))
        .isEqualTo("ad|bc");
  }

  @Test
  void aDeltaToAnotherItemWithTheSamePartIndexGoesThere() {
    assertThat(texts(
        delta(0, "m1", 0, "a"), delta(1, "m2", 0, "b"), delta(1, "m2", 0, "c"), delta(0, "m1", 0, "d")))
        .isEqualTo("ad / bc");
  }

  @Test
  void aDeltaWithoutAnOutputIndexAfterOneWithItFindsItsItemById() {
    assertThat(texts(delta(0, "m1", 0, "a"), delta(null, "m1", 0, "b"), delta(null, "m1", 0, "c"),
        delta(0, "m1", 0, "d")))
        .isEqualTo("abcd");
    assertThat(texts(delta(null, "m2", 0, "e"), delta(null, "m2", 0, "f"), delta(1, "m2", 0, "g")))
        .as("the item by id, then by index").isEqualTo("abcd / efg");
  }

  @Test
  void aDeltaAfterTheItemOrPartWasReplacedAppendsToTheReplacement() {
    assertThat(texts(delta(0, "m1", 0, "Hel"), messageItem("response.output_item.done", 0, "m1", "Hello"),
        delta(0, "m1", 0, "!")))
        .isEqualTo("Hello!");
    assertThat(texts(delta(0, "m1", 0, "?"), partDone(0, "m1", 0, "Hi"), delta(0, "m1", 0, ".")))
        .isEqualTo("Hi.");
  }
}
