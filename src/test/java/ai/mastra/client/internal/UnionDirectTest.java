package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.JsonSchemaFormat;
import ai.mastra.client.model.ResponseStreamEvent;
import ai.mastra.client.model.TextFormat;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Members a union reads before its discriminator and then sets on the variant itself: one of the wrong JSON
 * type is refused with Gson's parse error, as it would be had the discriminator come first. From UTF-8 bytes
 * (as the SDK reads a body) the union looks its discriminator up ahead and reads those members with their own
 * adapters: refused and kept the same.
 */
class UnionDirectTest {

  private static <T> T fromBytes(String json, Class<T> type) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return Json.GSON.getAdapter(type).read(new Utf8JsonReader(bytes, 0, bytes.length));
  }

  @Test
  void aBooleanForAnIntegerMemberReadBeforeTheTypeIsRefused() {
    assertThatThrownBy(() -> Json.GSON.fromJson(
            "{\"sequence_number\":true,\"type\":\"response.created\"}", ResponseStreamEvent.class))
        .isInstanceOf(JsonParseException.class);
    assertThatThrownBy(() -> fromBytes("{\"sequence_number\":true,\"type\":\"response.created\"}", ResponseStreamEvent.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("BOOLEAN");
  }

  @Test
  void aNumberForABooleanMemberReadBeforeTheTypeIsRefused() {
    assertThatThrownBy(() -> Json.GSON.fromJson(
            "{\"strict\":1,\"type\":\"json_schema\",\"name\":\"n\",\"schema\":{}}", TextFormat.class))
        .isInstanceOf(JsonParseException.class);
    assertThatThrownBy(() -> fromBytes("{\"strict\":1,\"type\":\"json_schema\",\"name\":\"n\",\"schema\":{}}", TextFormat.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NUMBER");
  }

  @Test
  void aBooleanMemberReadBeforeTheTypeIsKept() throws IOException {
    String json = "{\"strict\":true,\"type\":\"json_schema\",\"name\":\"n\",\"schema\":{}}";
    for (TextFormat format : new TextFormat[] {Json.GSON.fromJson(json, TextFormat.class), fromBytes(json, TextFormat.class)}) {
      assertThat(format).isInstanceOf(JsonSchemaFormat.class);
      assertThat(((JsonSchemaFormat) format).getStrict()).isTrue();
    }
  }
}
