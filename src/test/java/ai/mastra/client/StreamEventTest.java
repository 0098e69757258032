package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.internal.SseParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** {@link StreamEvent#decode}: the event's type, known or not, and data that does or does not fit. */
class StreamEventTest {

  private static StreamEvent decode(String sseType, String data) {
    String frame = (sseType == null ? "" : "event: " + sseType + "\n") + "data: " + data + "\n\n";
    try {
      return StreamEvent.decode("POST /api/v1/responses", new SseParser(new Buffer().writeUtf8(frame)).next());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theTypeIsTheDatasTypeFieldElseTheSseEventName() {
    assertThat(decode("ignored", "{\"type\":\"response.output_text.delta\",\"delta\":\"x\"}").type())
        .isEqualTo("response.output_text.delta");
    assertThat(decode("response.output_text.delta", "{\"delta\":\"x\"}").type())
        .isEqualTo("response.output_text.delta");
    assertThat(decode("response.completed", "{\"type\":7}").type()).isEqualTo("response.completed");
    assertThat(decode(null, "{\"delta\":\"x\"}").type()).isEqualTo("message");
    StreamEvent event = decode("response.output_text.delta", "{\"delta\":\"x\"}");
    assertThat(event.isKnown()).isTrue();
    assertThat(event.data().getType()).as("the data carries the type too").isEqualTo("response.output_text.delta");
  }

  @Test
  void eventsAreReadFromTheirBytesAndMalformedUtf8ReadsAsReplacementCharacters() throws IOException {
    Buffer frame = new Buffer().writeUtf8("data: {\"type\":\"response.output_text.delta\",\"delta\":\"\u00e9 a")
        .writeByte(0xc3) // a two-byte sequence cut short
        .writeUtf8(" \u2603\",\"sequence_number\":3}\n\n");
    StreamEvent event = StreamEvent.decode("POST /api/v1/responses", new SseParser(frame).next());
    assertThat(event.asOutputTextDelta().getDelta()).isEqualTo("\u00e9 a\ufffd \u2603");
    assertThat(event.rawJson()).contains("a\ufffd \u2603").isSameAs(event.rawJson());
    assertThat(event.sequenceNumber()).hasValue(3);
  }

  @Test
  void eachEventIsBoundToItsOwnKindWhateverKindCameBefore() {
    // the union remembers the kind read last: runs of one kind, kinds that differ near their end, and unknown
    // kinds in between must each still get their own variant
    String[] kinds = {"response.output_text.delta", "response.output_text.delta", "response.output_text.done",
        "response.output_text.delta", "x.unknown", "response.output_text.delta", "x.unknown", "x.unknown",
        "response.output_text.done", "response.output_text.done", "response.output_text.delta"};
    for (String kind : kinds) {
      StreamEvent event = decode(null, "{\"type\":\"" + kind + "\",\"delta\":\"d\",\"text\":\"t\"}");
      assertThat(event.type()).isEqualTo(kind);
      assertThat(event.isKnown()).as(kind).isEqualTo(!kind.startsWith("x."));
      assertThat(event.data().isOutputTextDelta()).as(kind).isEqualTo(kind.endsWith(".delta"));
      assertThat(event.data().isOutputTextDone()).as(kind).isEqualTo(kind.endsWith(".done"));
    }
  }

  @Test
  void aKnownEventWhoseDataDoesNotFitItsSchemaIsAnInvalidResponse() {
    String raw = "{\"type\":\"response.output_text.delta\",\"delta\":{\"not\":\"a string\"}}";

    assertThatThrownBy(() -> decode(null, raw))
        .isInstanceOf(MastraInvalidResponseException.class)
        .hasMessageContaining("POST /api/v1/responses: a response.output_text.delta event does not fit its schema")
        .satisfies(e -> assertThat(((MastraInvalidResponseException) e).body()).isEqualTo(raw));
  }

  @Test
  void anUnknownEventWhoseDataDoesNotFitIsDeliveredWithItsSequenceNumber() {
    String raw = "{\"type\":\"response.reasoning.delta\",\"delta\":{\"x\":1},\"sequence_number\":7}";

    StreamEvent event = decode(null, raw);

    assertThat(event.isKnown()).isFalse();
    assertThat(event.type()).isEqualTo("response.reasoning.delta");
    assertThat(event.rawJson()).isEqualTo(raw);
    assertThat(event.sequenceNumber()).hasValue(7);
    assertThat(event.data().asUnknown().get("delta").toString()).isEqualTo("{\"x\":1}"); // kept whole
    assertThat(event.toString()).isEqualTo("StreamEvent{response.reasoning.delta: " + raw + "}");
  }

  @Test
  void anUnknownMisfitWithoutANumericSequenceNumberHasNone() {
    assertThat(decode(null, "{\"type\":\"x.y\",\"delta\":[1],\"sequence_number\":\"7\"}").sequenceNumber()).isEmpty();
    assertThat(decode(null, "{\"type\":\"x.y\",\"delta\":[1],\"sequence_number\":true}").sequenceNumber()).isEmpty();
    assertThat(decode(null, "{\"type\":\"x.y\",\"delta\":[1]}").sequenceNumber()).isEmpty();
    assertThat(decode(null, "{\"type\":\"x.y\",\"delta\":[1],\"sequence_number\":0}").sequenceNumber()).hasValue(0);
  }

  @Test
  void dataThatIsNotOneJsonObjectIsAnInvalidResponse() {
    for (String data : new String[] {"[1]", "\"text\"", "{\"a\":1} {\"b\":2}", "{\"a\":", "nope"}) {
      assertThatThrownBy(() -> decode("response.completed", data)).as(data)
          .isInstanceOf(MastraInvalidResponseException.class)
          .hasMessageStartingWith("POST /api/v1/responses: an event's data is not")
          .satisfies(e -> assertThat(((MastraInvalidResponseException) e).body()).isEqualTo(data));
    }
  }
}
