package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.ConversationDeleted;
import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A model's {@code String} property is read the way Gson's own {@code String} adapter reads it, and a Gson that
 * replaces that adapter has its own used (pinned because an inlined copy of Gson's adapter was tried, see
 * CONTRIBUTING.md, "Benchmarks").
 */
class StringPropertyReadTest {
  private final Gson gson = Json.GSON.newBuilder().create();

  @Test
  void aStringPropertyTakesTheTextOfAStringANumberOrABoolean() {
    assertThat(gson.fromJson("{\"id\":\"conv_1\",\"deleted\":true}", ConversationDeleted.class).getId())
        .isEqualTo("conv_1");
    assertThat(gson.fromJson("{\"id\":1.50}", ConversationDeleted.class).getId()).isEqualTo("1.50");
    assertThat(gson.fromJson("{\"id\":true}", ConversationDeleted.class).getId()).isEqualTo("true");
    assertThat(gson.fromJson("{\"id\":\"caf\\u00e9 \\\"x\\\"\"}", ConversationDeleted.class).getId())
        .isEqualTo("café \"x\"");
  }

  @Test
  void aStringPropertyRefusesAnObjectOrAnArrayNamingItsPath() {
    assertThatThrownBy(() -> gson.fromJson("{\"id\":{\"a\":1}}", ConversationDeleted.class))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("$.id");
    assertThatThrownBy(() -> gson.fromJson("{\"id\":[\"a\"]}", ConversationDeleted.class))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("$.id");
  }

  @Test
  void aNullStringPropertyIsNullAndWrittenBackAsNull() {
    ConversationDeleted read = gson.fromJson("{\"id\":null,\"deleted\":false}", ConversationDeleted.class);

    assertThat(read.getId()).isNull();
    assertThat(gson.toJson(read)).isEqualTo("{\"id\":null,\"deleted\":false}");
  }

  @Test
  void aGsonWithItsOwnStringAdapterHasItUsedForModelProperties() {
    Gson shouting =
        Json.GSON.newBuilder()
            .registerTypeAdapter(String.class, new TypeAdapter<String>() {
              @Override
              public void write(JsonWriter out, String value) throws IOException {
                out.value(value);
              }

              @Override
              public String read(JsonReader in) throws IOException {
                return in.nextString().toUpperCase(java.util.Locale.ROOT);
              }
            })
            .create();

    assertThat(shouting.fromJson("{\"id\":\"conv_1\"}", ConversationDeleted.class).getId()).isEqualTo("CONV_1");
    assertThat(gson.fromJson("{\"id\":\"conv_1\"}", ConversationDeleted.class).getId()).isEqualTo("conv_1");
  }
}
