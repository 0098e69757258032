package ai.mastra.client.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

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
          .create();

  private Json() {}

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
