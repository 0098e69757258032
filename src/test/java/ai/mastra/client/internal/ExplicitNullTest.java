package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.MessageItem;
import ai.mastra.client.model.ResponseOutputTextDeltaEvent;
import org.junit.jupiter.api.Test;

/**
 * An explicit JSON {@code null} replaces a field's preset value (a variant's discriminator is preset) and is
 * written back, whether the member is read from the stream or buffered before a union's discriminator.
 */
class ExplicitNullTest {

  @Test
  void aNullDiscriminatorReadFromTheStreamReplacesThePresetValue() {
    MessageItem item = Json.GSON.fromJson("{\"id\":\"m1\",\"type\":null,\"role\":\"assistant\"}", MessageItem.class);

    assertThat(new MessageItem().getType()).isEqualTo("message");
    assertThat(item.getType()).isNull();
    assertThat(Json.GSON.toJson(item)).isEqualTo("{\"id\":\"m1\",\"type\":null,\"role\":\"assistant\"}");
  }

  @Test
  void aNullReadBeforeTheDiscriminatorIsKeptAndWrittenBack() {
    String json = "{\"delta\":null,\"type\":\"response.output_text.delta\",\"sequence_number\":1}";
    ResponseOutputTextDeltaEvent event = (ResponseOutputTextDeltaEvent) Json.GSON.fromJson(json,
        ai.mastra.client.model.ResponseStreamEvent.class);

    assertThat(event.getDelta()).isNull();
    assertThat(Json.GSON.toJson(event)).isEqualTo("{\"type\":\"response.output_text.delta\",\"sequence_number\":1,"
        + "\"delta\":null}");
  }
}
