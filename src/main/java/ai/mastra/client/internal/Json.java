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
   * integers (the default would turn {@code 7} into {@code 7.0}); ISO timestamps become {@link OffsetDateTime};
   * maps are read with public reader calls only (see {@link StringMapAdapterFactory}).
   */
  public static final Gson GSON =
      new GsonBuilder()
          .disableHtmlEscaping()
          .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
          .registerTypeAdapter(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
          .registerTypeAdapter(RawJson.class, new RawJson.Adapter())
          .registerTypeAdapterFactory(new StringMapAdapterFactory()) // maps read by Utf8JsonReader too
          .create();

  private Json() {}

  private static final class OffsetDateTimeAdapter extends TypeAdapter<OffsetDateTime> {
    /**
     * JavaScript's {@code Date.toISOString()} form, which Mastra sends: seconds and milliseconds always. In a
     * holder: made on the first time written, not when the client starts (java.time.format is 25 classes).
     */
    private static final class Millis {
      static final java.time.format.DateTimeFormatter FORMAT =
          java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    }

    /**
     * Writes a time as Mastra wrote it ({@code 2026-01-01T00:00:00.000Z}, where {@code toString()} would write
     * {@code 2026-01-01T00:00Z}), so that a model read from an answer writes back the same text; a time finer
     * than milliseconds in ISO 8601's own form.
     */
    @Override
    public void write(JsonWriter out, OffsetDateTime value) throws IOException {
      boolean millis = value.getNano() % 1_000_000 == 0 && value.getYear() >= 0 && value.getYear() <= 9999;
      out.value(millis ? Millis.FORMAT.format(value) : value.toString());
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
