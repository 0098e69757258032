package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.JsonSchemaFormat;
import ai.mastra.client.model.ResponseStreamEvent;
import ai.mastra.client.model.TextFormat;
import com.google.gson.JsonParseException;
import org.junit.jupiter.api.Test;

/**
 * Members a union reads before its discriminator and then sets on the variant itself: one of the wrong JSON
 * type is refused with Gson's parse error, as it would be had the discriminator come first.
 */
class UnionDirectTest {

  @Test
  void aBooleanForAnIntegerMemberReadBeforeTheTypeIsRefused() {
    assertThatThrownBy(() -> Json.GSON.fromJson(
            "{\"sequence_number\":true,\"type\":\"response.created\"}", ResponseStreamEvent.class))
        .isInstanceOf(JsonParseException.class);
  }

  @Test
  void aNumberForABooleanMemberReadBeforeTheTypeIsRefused() {
    assertThatThrownBy(() -> Json.GSON.fromJson(
            "{\"strict\":1,\"type\":\"json_schema\",\"name\":\"n\",\"schema\":{}}", TextFormat.class))
        .isInstanceOf(JsonParseException.class);
  }

  @Test
  void aBooleanMemberReadBeforeTheTypeIsKept() {
    TextFormat format = Json.GSON.fromJson(
        "{\"strict\":true,\"type\":\"json_schema\",\"name\":\"n\",\"schema\":{}}", TextFormat.class);

    assertThat(format).isInstanceOf(JsonSchemaFormat.class);
    assertThat(((JsonSchemaFormat) format).getStrict()).isTrue();
  }
}
