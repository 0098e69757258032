package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.MessageItem;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.ResponseOutputTextDeltaEvent;
import ai.mastra.client.model.ResponseStreamEvent;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.stream.JsonToken;
import com.google.gson.annotations.SerializedName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How {@link ModelAdapterFactory} sets a union's discriminator on the variant, and the members read before it.
 * The generated variants preset their discriminator, so the first tests use variants of their own that do not:
 * a String discriminator, one of an enum type, and a variant without the property.
 */
class UnionDiscriminatorTest {

  @JsonAdapter(value = ModelAdapterFactory.class, nullSafe = false)
  @Union(
      property = "kind",
      values = {"plain", "tagged", "bare"},
      variants = {Plain.class, Tagged.class, Bare.class},
      unknown = Shape.Other.class)
  interface Shape {
    /** Any other kind. */
    final class Other implements Shape {
      final JsonObject json;

      public Other(JsonObject json) {
        this.json = json;
      }
    }
  }

  /** A String discriminator with no preset value. */
  @JsonAdapter(value = ModelAdapterFactory.class, nullSafe = false)
  static final class Plain implements Shape {
    @SerializedName("kind")
    String kind;

    @SerializedName("n")
    Integer n;
  }

  enum Kind {
    @SerializedName("tagged")
    TAGGED
  }

  /** A discriminator of an enum type. */
  @JsonAdapter(value = ModelAdapterFactory.class, nullSafe = false)
  static final class Tagged implements Shape {
    @SerializedName("kind")
    Kind kind;
  }

  /** No discriminator property: it is kept with the other unknown properties. */
  @JsonAdapter(value = ModelAdapterFactory.class, nullSafe = false)
  static final class Bare implements Shape {
    @SerializedName("n")
    Integer n;

    transient Map<String, JsonElement> additionalProperties;
  }

  private final Gson gson = new Gson();

  /**
   * Reads {@code json} as the SDK does, from its UTF-8 bytes (where a union looks ahead for its discriminator and
   * reads no member as a tree), checked against Gson's own reader (where the members before the discriminator
   * are kept as trees): both must give the same class and the same JSON back.
   */
  private static <T> T read(Gson gson, String json, Class<T> type) throws IOException {
    ModelAdapterFactory.startDecoding();
    T viaGson = gson.fromJson(json, type);
    boolean incompleteViaGson = ModelAdapterFactory.mayBeIncomplete();
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    Utf8JsonReader reader = new Utf8JsonReader(bytes, 0, bytes.length);
    ModelAdapterFactory.startDecoding();
    T viaBytes = gson.getAdapter(type).read(reader);
    assertThat(reader.peek()).as("the whole object read").isEqualTo(JsonToken.END_DOCUMENT);
    assertThat(ModelAdapterFactory.mayBeIncomplete()).as("a required property may be missing").isEqualTo(incompleteViaGson);
    assertThat(viaBytes.getClass()).isEqualTo(viaGson.getClass());
    assertThat(gson.toJson(viaBytes)).isEqualTo(gson.toJson(viaGson));
    return viaBytes;
  }

  @Test
  void aVariantWithoutARequiredPropertyIsNotedBothWays() throws IOException {
    ModelAdapterFactory.startDecoding();
    read(Json.GSON, "{\"id\":\"m1\",\"type\":\"message\",\"status\":\"completed\",\"content\":[]}", OutputItem.class);
    assertThat(ModelAdapterFactory.mayBeIncomplete()).as("no role").isTrue();

    read(Json.GSON, "{\"id\":\"m1\",\"type\":\"message\",\"role\":\"assistant\",\"status\":\"completed\","
        + "\"content\":[]}", OutputItem.class);
    assertThat(ModelAdapterFactory.mayBeIncomplete()).as("complete").isFalse();
  }

  @Test
  void aStringDiscriminatorIsSetFromTheJsonWhereverItComes() throws IOException {
    Plain first = (Plain) read(gson, "{\"kind\":\"plain\",\"n\":1}", Shape.class);
    Plain last = (Plain) read(gson, "{\"n\":2,\"kind\":\"plain\"}", Shape.class);

    assertThat(first.kind).isEqualTo("plain");
    assertThat(first.n).isEqualTo(1);
    assertThat(last.kind).isEqualTo("plain");
    assertThat(last.n).isEqualTo(2);
  }

  @Test
  void aDiscriminatorOfAnotherTypeIsReadByItsAdapter() throws IOException {
    Tagged tagged = (Tagged) read(gson, "{\"kind\":\"tagged\"}", Shape.class);

    assertThat(tagged.kind).isEqualTo(Kind.TAGGED);
  }

  @Test
  void aVariantWithoutTheDiscriminatorPropertyKeepsItAsAnUnknownProperty() throws IOException {
    Bare bare = (Bare) read(gson, "{\"kind\":\"bare\",\"n\":3}", Shape.class);

    assertThat(bare.n).isEqualTo(3);
    assertThat(bare.additionalProperties).containsOnlyKeys("kind");
    assertThat(bare.additionalProperties.get("kind").getAsString()).isEqualTo("bare");
    assertThat(gson.toJson(bare)).isEqualTo("{\"n\":3,\"kind\":\"bare\"}");
  }

  @Test
  void anUnknownKindIsKeptWhole() throws IOException {
    Shape other = read(gson, "{\"n\":4,\"kind\":\"round\"}", Shape.class);

    assertThat(other).isInstanceOf(Shape.Other.class);
    assertThat(((Shape.Other) other).json.toString()).isEqualTo("{\"n\":4,\"kind\":\"round\"}");
  }

  // the generated models: members before the discriminator are buffered, then set as the field's type

  @Test
  void bufferedStringMembersTakeTheTextOfAnyJsonPrimitive() throws IOException {
    String rest = "\"type\":\"message\",\"role\":\"assistant\",\"status\":\"completed\",\"content\":[]}";
    assertThat(read(Json.GSON, "{\"id\":\"m1\"," + rest, OutputItem.class).getId()).isEqualTo("m1");
    assertThat(read(Json.GSON, "{\"id\":17," + rest, OutputItem.class).getId()).isEqualTo("17");
    assertThat(read(Json.GSON, "{\"id\":1.50," + rest, OutputItem.class).getId()).isEqualTo("1.50");
    assertThat(read(Json.GSON, "{\"id\":true," + rest, OutputItem.class).getId()).isEqualTo("true");
    assertThat(read(Json.GSON, "{" + rest.replace("}", ",\"id\":17}"), OutputItem.class).getId())
        .as("as when it comes after the discriminator").isEqualTo("17");
  }

  @Test
  void kindsWrittenOddlyDecodeTheSameBothWays() throws IOException {
    String rest = "\"role\":\"assistant\",\"status\":\"completed\",\"content\":[]";
    // the kind escaped (no look-ahead: the members before it kept as trees), repeated (the last one stays, as
    // Gson's reader has it), and written as the class presets it after members of every JSON type
    OutputItem escaped = read(Json.GSON, "{\"id\":\"m1\",\"type\":\"\\u006dessage\"," + rest + "}", OutputItem.class);
    OutputItem repeated =
        read(Json.GSON, "{\"id\":\"m1\",\"type\":\"message\"," + rest + ",\"type\":\"other\"}", OutputItem.class);
    OutputItem late = read(Json.GSON, "{\"x\":{\"type\":\"no\"},\"y\":[1,\"]\"],\"z\":null," + rest
        + ",\"id\":\"m1\",\"type\":\"message\"}", OutputItem.class);

    assertThat(escaped).isInstanceOf(MessageItem.class);
    assertThat(((MessageItem) escaped).getType()).isEqualTo("message");
    assertThat(((MessageItem) repeated).getType()).isEqualTo("other");
    assertThat(((MessageItem) late).getType()).as("the preset itself: compared in place").isSameAs(MessageItem.TYPE);
    assertThat(late.getId()).isEqualTo("m1");
  }

  @Test
  void aBufferedStringMemberThatIsAnObjectOrArrayIsRefused() throws IOException {
    String rest = "\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}";
    for (String id : new String[] {"{\"a\":1}", "[\"m1\"]"}) {
      assertThatThrownBy(() -> Json.GSON.fromJson("{\"id\":" + id + "," + rest, OutputItem.class))
          .as(id)
          .isInstanceOf(JsonParseException.class);
      byte[] bytes = ("{\"id\":" + id + "," + rest).getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> Json.GSON.getAdapter(OutputItem.class).read(new Utf8JsonReader(bytes, 0, bytes.length)))
          .as("from bytes, the type looked up ahead: " + id)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Expected a string but was BEGIN_");
    }
  }

  @Test
  void bufferedNumberMembersKeepTheirFieldsType() throws IOException {
    ResponseStreamEvent event = read(Json.GSON, "{\"sequence_number\":5,\"output_index\":1,\"content_index\":0,"
        + "\"item_id\":\"m1\",\"delta\":\"Hi\",\"type\":\"response.output_text.delta\"}", ResponseStreamEvent.class);

    ResponseOutputTextDeltaEvent delta = (ResponseOutputTextDeltaEvent) event;
    assertThat(delta.getSequenceNumber()).isEqualTo(5L);
    assertThat(delta.getOutputIndex()).isEqualTo(1);
    assertThat(delta.getContentIndex()).isEqualTo(0);
    assertThat(delta.getItemId()).isEqualTo("m1");
    assertThat(delta.getDelta()).isEqualTo("Hi");
  }
}
