package ai.mastra.client.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import ai.mastra.client.model.ConversationItem;
import ai.mastra.client.model.OutputItem;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.ToNumberPolicy;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** The one Gson configuration that reads and writes the generated models. */
public final class Json {

  /**
   * Thread-safe. HTML escaping is off (bodies are not HTML); free-form numbers stay integers when they are
   * integers (the default would turn {@code 7} into {@code 7.0}); ISO timestamps become {@link OffsetDateTime}.
   */
  public static final Gson GSON =
      new GsonBuilder()
          .disableHtmlEscaping()
          .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
          .registerTypeAdapter(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
          .registerTypeAdapter(RawJson.class, new RawJson.Adapter())
          .registerTypeAdapterFactory(new TolerantItems())
          .create();

  private Json() {}

  /**
   * Reads an item of a type this SDK does not know even when its members clash with the flattened item class
   * (e.g. OpenAI's {@code computer_call_output}, whose {@code output} is an object, not a string): the members
   * that do not fit are left out, so one new item kind never fails a whole response. Known types stay strict.
   */
  private static final class TolerantItems implements TypeAdapterFactory {
    private static final Set<String> KNOWN = Set.of("message", "function_call", "function_call_output");

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<? super T> raw = type.getRawType();
      if (raw != OutputItem.class && raw != ConversationItem.class) {
        return null;
      }
      TypeAdapter<T> strict = gson.getDelegateAdapter(this, type);
      TypeAdapter<JsonElement> trees = gson.getAdapter(JsonElement.class);
      return new TypeAdapter<T>() {
        @Override
        public void write(JsonWriter out, T value) throws IOException {
          strict.write(out, value);
        }

        @Override
        public T read(JsonReader in) throws IOException {
          JsonElement tree = trees.read(in);
          if (!tree.isJsonObject()) {
            return strict.fromJsonTree(tree);
          }
          JsonObject item = tree.getAsJsonObject();
          JsonElement kind = item.get("type");
          boolean known = kind != null && kind.isJsonPrimitive() && KNOWN.contains(kind.getAsString());
          if (known) {
            return strict.fromJsonTree(item);
          }
          JsonObject fitting = new JsonObject();
          for (Map.Entry<String, JsonElement> member : item.entrySet()) {
            JsonObject one = new JsonObject();
            one.add(member.getKey(), member.getValue());
            try {
              strict.fromJsonTree(one);
              fitting.add(member.getKey(), member.getValue());
            } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
              // this member does not fit the known item shape: left out
            }
          }
          return strict.fromJsonTree(fitting);
        }
      };
    }
  }

  private static final class OffsetDateTimeAdapter extends TypeAdapter<OffsetDateTime> {
    @Override
    public void write(JsonWriter out, OffsetDateTime value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public OffsetDateTime read(JsonReader in) throws IOException {
      String text = in.nextString();
      try {
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        throw new JsonParseException("Not an ISO 8601 date-time: " + text + " at " + in.getPath(), e);
      }
    }
  }
}
