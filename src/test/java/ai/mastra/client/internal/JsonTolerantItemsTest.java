package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * {@link Json#GSON} reads output and conversation items of a kind it does not know whole, even when their
 * members clash with a known item class (an {@link OutputItem.Unknown} keeps every member), and stays strict
 * for the kinds it knows. (Before the typed model, a flattened item class left the clashing members out.)
 */
class JsonTolerantItemsTest {

  @Test
  void anUnknownItemKindKeepsEveryMemberEvenThoseThatClashWithAKnownKind() {
    String json = "{\"type\":\"computer_call_output\",\"id\":\"x\",\"output\":{\"image\":\"...\"},\"call_id\":\"c\"}";

    OutputItem item = Json.GSON.fromJson(json, OutputItem.class);

    assertThat(item.isUnknown()).isTrue();
    assertThat(item.getType()).isEqualTo("computer_call_output");
    assertThat(item.getId()).isEqualTo("x");
    assertThat(item.asUnknown().get("call_id").getAsString()).isEqualTo("c");
    assertThat(item.asUnknown().get("output").getAsJsonObject().get("image").getAsString()).isEqualTo("...");
    assertThat(JsonParser.parseString(Json.GSON.toJson(item))).isEqualTo(JsonParser.parseString(json));
  }

  @Test
  void anItemWhoseTypeIsNotAStringIsKeptAsUnknownAndOneWithoutATypeIsAnError() {
    OutputItem oddType = Json.GSON.fromJson(
        "{\"type\":{\"kind\":\"message\"},\"id\":\"y\",\"output\":[1]}", OutputItem.class);

    assertThat(oddType.isUnknown()).isTrue();
    assertThat(oddType.getId()).isEqualTo("y");
    assertThat(oddType.getType()).isNull();
    // `type` is required: an item without one is not an item
    assertThatThrownBy(() -> Json.GSON.fromJson("{\"id\":\"x\",\"output\":{\"a\":1}}", OutputItem.class))
        .isInstanceOf(JsonParseException.class).hasMessageContaining("type");
  }

  @Test
  void aKnownItemKindWhoseKnownMemberDoesNotFitIsAnError() {
    assertThatThrownBy(() -> Json.GSON.fromJson(
        "{\"type\":\"function_call_output\",\"id\":\"x\",\"output\":{\"a\":1}}", OutputItem.class))
        .isInstanceOf(JsonParseException.class);
    assertThatThrownBy(() -> Json.GSON.fromJson(
        "{\"type\":\"message\",\"id\":\"x\",\"content\":\"not a list\"}", OutputItem.class))
        .isInstanceOf(JsonParseException.class);
    assertThatThrownBy(() -> Json.GSON.fromJson(
        "{\"type\":\"function_call\",\"id\":\"x\",\"arguments\":[1]}", OutputItem.class))
        .isInstanceOf(JsonParseException.class);
  }

  @Test
  void aMemberAKnownKindDoesNotListIsKeptNotAnError() {
    OutputItem item = Json.GSON.fromJson(
        "{\"type\":\"message\",\"id\":\"x\",\"output\":{\"a\":1}}", OutputItem.class);

    assertThat(item.asMessage().additionalProperties().get("output").toString()).isEqualTo("{\"a\":1}");
  }

  @Test
  void aNullItemStaysNull() {
    Response response = Json.GSON.fromJson(
        "{\"id\":\"r\",\"output\":[null,{\"type\":\"message\",\"id\":\"m\"}]}", Response.class);

    assertThat(response.getOutput()).hasSize(2);
    assertThat(response.getOutput().get(0)).isNull();
    assertThat(response.getOutput().get(1).getId()).isEqualTo("m");
  }

  @Test
  void anItemThatIsNotAnObjectIsAnError() {
    assertThatThrownBy(() -> Json.GSON.fromJson("{\"id\":\"r\",\"output\":[42]}", Response.class))
        .isInstanceOf(JsonParseException.class);
    assertThatThrownBy(() -> Json.GSON.fromJson("\"message\"", OutputItem.class))
        .isInstanceOf(JsonParseException.class);
  }
}
