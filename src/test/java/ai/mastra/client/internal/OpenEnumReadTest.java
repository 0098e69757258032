package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.ResponseInput;
import ai.mastra.client.model.ResponseStatus;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How {@link ModelAdapterFactory} tells an open enum ({@code of(String)} and {@code knownValues()}) from a oneOf
 * value ({@code of(...)} factories only), each read by a Gson with an empty adapter cache so that the choice is
 * made again: an open enum takes any scalar's text, a oneOf value only the JSON types of its branches.
 */
class OpenEnumReadTest {
  private final Gson gson = Json.GSON.newBuilder().create();

  @Test
  void anOpenEnumTakesTheTextOfANumber() {
    ResponseStatus status = gson.fromJson("7", ResponseStatus.class);

    assertThat(status.value()).isEqualTo("7");
    assertThat(status.isKnown()).isFalse();
    assertThat(gson.fromJson("\"completed\"", ResponseStatus.class)).isEqualTo(ResponseStatus.COMPLETED);
  }

  @Test
  void aListedValueIsItsConstantAndAnUnlistedOneANewValue() {
    assertThat(gson.fromJson("\"in_progress\"", ResponseStatus.class)).isSameAs(ResponseStatus.IN_PROGRESS);
    assertThat(gson.fromJson("\"failed\"", ResponseStatus.class)).isSameAs(ResponseStatus.FAILED);

    ResponseStatus unlisted = gson.fromJson("\"paused\"", ResponseStatus.class);
    assertThat(unlisted.isKnown()).isFalse();
    assertThat(unlisted.value()).isEqualTo("paused");
    assertThat(gson.fromJson("\"Completed\"", ResponseStatus.class).isKnown()).isFalse(); // case counts
  }

  @Test
  void fromBytesAListedValueIsComparedInPlaceAndAnyOtherReadAsText() throws IOException {
    // as the SDK reads a body: a listed value's bytes are compared where they are; what does not match exactly
    // (an escape, a prefix, a longer text, another case, a number) is read as text, as before
    String json = "[\"completed\",\"in_progress\",\"\\u0063ompleted\",\"complete\",\"completed2\","
        + "\"Completed\",7,null,\"failed\"]";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    Utf8JsonReader reader = new Utf8JsonReader(bytes, 0, bytes.length);
    TypeAdapter<ResponseStatus> adapter = gson.getAdapter(ResponseStatus.class);
    List<Object> read = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      ResponseStatus status = adapter.read(reader);
      read.add(status == null ? "null" : status.isKnown() ? status : "unlisted " + status.value());
    }
    assertThat(reader.getPath()).isEqualTo("$[9]");
    reader.endArray();

    assertThat(read).containsExactly(ResponseStatus.COMPLETED, ResponseStatus.IN_PROGRESS, ResponseStatus.COMPLETED,
        "unlisted complete", "unlisted completed2", "unlisted Completed", "unlisted 7", "null", ResponseStatus.FAILED);
  }

  @Test
  void aOneOfValueRefusesAJsonTypeNoneOfItsBranchesTakes() {
    assertThat(gson.fromJson("\"hi\"", ResponseInput.class).value()).isEqualTo("hi");
    assertThatThrownBy(() -> gson.fromJson("7", ResponseInput.class))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("a ResponseInput cannot be a JSON NUMBER");
  }
}
