package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.internal.SseParser;
import java.io.IOException;
import java.util.stream.Stream;
import okio.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each event kind's {@code output_index} and {@code content_index} as the accumulator reads them (values other
 * than 0, which is what every captured single-message stream has), and none for the kinds without them.
 */
class StreamEventIndicesTest {

  static Stream<Arguments> events() {
    String message = "{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"status\":\"completed\","
        + "\"content\":[]}";
    String part = "{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}";
    String response = "{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1,\"model\":\"m\","
        + "\"status\":\"completed\",\"output\":[]}";
    return Stream.of(
        Arguments.of("{\"type\":\"response.output_item.added\",\"output_index\":3,\"item\":" + message + "}", 3, null),
        Arguments.of("{\"type\":\"response.output_item.done\",\"output_index\":4,\"item\":" + message + "}", 4, null),
        Arguments.of("{\"type\":\"response.content_part.added\",\"item_id\":\"msg_1\",\"output_index\":5,"
            + "\"content_index\":6,\"part\":" + part + "}", 5, 6),
        Arguments.of("{\"type\":\"response.content_part.done\",\"item_id\":\"msg_1\",\"output_index\":7,"
            + "\"content_index\":8,\"part\":" + part + "}", 7, 8),
        Arguments.of("{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":9,"
            + "\"content_index\":10,\"delta\":\"x\"}", 9, 10),
        Arguments.of("{\"type\":\"response.output_text.done\",\"item_id\":\"msg_1\",\"output_index\":11,"
            + "\"content_index\":12,\"text\":\"x\"}", 11, 12),
        Arguments.of("{\"type\":\"response.function_call_arguments.delta\",\"item_id\":\"fc_1\","
            + "\"output_index\":13,\"delta\":\"{\"}", 13, null),
        Arguments.of("{\"type\":\"response.function_call_arguments.done\",\"item_id\":\"fc_1\","
            + "\"output_index\":14,\"arguments\":\"{}\"}", 14, null),
        Arguments.of("{\"type\":\"response.completed\",\"response\":" + response + "}", null, null),
        Arguments.of("{\"type\":\"response.something_new\",\"output_index\":2,\"content_index\":2}", null, null));
  }

  @ParameterizedTest
  @MethodSource("events")
  void eachKindGivesItsOwnIndices(String data, Integer outputIndex, Integer contentIndex) throws IOException {
    StreamEvent event = StreamEvent.decode(
        "POST /api/v1/responses", new SseParser(new Buffer().writeUtf8("data: " + data + "\n\n")).next());
    assertThat(event.outputIndex()).as("output_index of " + event.type()).isEqualTo(outputIndex);
    assertThat(event.contentIndex()).as("content_index of " + event.type()).isEqualTo(contentIndex);
  }

  @org.junit.jupiter.api.Test
  void theTypedAccessorsGiveTheBoundEvent() throws IOException {
    String item = "{\"type\":\"response.output_item.done\",\"output_index\":4,\"item\":{\"type\":\"message\","
        + "\"id\":\"msg_1\",\"role\":\"assistant\",\"status\":\"completed\",\"content\":[]}}";
    StreamEvent done = StreamEvent.decode(
        "POST /api/v1/responses", new SseParser(new Buffer().writeUtf8("data: " + item + "\n\n")).next());
    assertThat(done.asOutputItemDone().getOutputIndex()).isEqualTo(4);
    assertThat(done.asOutputItemDone().getItem().getId()).isEqualTo("msg_1");
    String completed = "{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"object\":\"response\","
        + "\"created_at\":1,\"model\":\"m\",\"status\":\"completed\",\"output\":[]}}";
    StreamEvent end = StreamEvent.decode(
        "POST /api/v1/responses", new SseParser(new Buffer().writeUtf8("data: " + completed + "\n\n")).next());
    assertThat(end.asCompleted().getResponse().getId()).isEqualTo("resp_1");
  }
}
