package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.ConversationItem;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import com.google.gson.JsonParseException;
import org.junit.jupiter.api.Test;

/**
 * {@link Json#GSON} reads output and conversation items of a kind it does not know even when their members
 * clash with the item class (those members are left out), and stays strict for the kinds it knows.
 */
class JsonTolerantItemsTest {

  @Test
  void anUnknownItemKindKeepsTheMembersThatFitAndLeavesOutTheOthers() {
    OutputItem item = Json.GSON.fromJson(
        "{\"type\":\"computer_call_output\",\"id\":\"x\",\"output\":{\"image\":\"...\"},\"call_id\":\"c\"}",
        OutputItem.class);

    assertThat(item.getType()).isEqualTo("computer_call_output");
    assertThat(item.getId()).isEqualTo("x");
    assertThat(item.getCallId()).isEqualTo("c");
    assertThat(item.getOutput()).isNull();
  }

  @Test
  void anItemWithoutATypeOrWithATypeThatIsNotAStringIsReadTolerantly() {
    OutputItem untyped = Json.GSON.fromJson("{\"id\":\"x\",\"output\":{\"a\":1}}", OutputItem.class);
    ConversationItem oddType = Json.GSON.fromJson(
        "{\"type\":{\"kind\":\"message\"},\"id\":\"y\",\"output\":[1]}", ConversationItem.class);

    assertThat(untyped.getId()).isEqualTo("x");
    assertThat(untyped.getType()).isNull();
    assertThat(oddType.getId()).isEqualTo("y");
    assertThat(oddType.getType()).isNull();
  }

  @Test
  void aKnownItemKindThatDoesNotFitIsAnError() {
    for (String kind : new String[] {"message", "function_call", "function_call_output"}) {
      assertThatThrownBy(() -> Json.GSON.fromJson(
          "{\"type\":\"" + kind + "\",\"id\":\"x\",\"output\":{\"a\":1}}", OutputItem.class))
          .as(kind).isInstanceOf(JsonParseException.class);
      assertThatThrownBy(() -> Json.GSON.fromJson(
          "{\"type\":\"" + kind + "\",\"id\":\"x\",\"output\":{\"a\":1}}", ConversationItem.class))
          .as(kind).isInstanceOf(JsonParseException.class);
    }
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
    assertThatThrownBy(() -> Json.GSON.fromJson("\"message\"", ConversationItem.class))
        .isInstanceOf(JsonParseException.class);
  }
}
