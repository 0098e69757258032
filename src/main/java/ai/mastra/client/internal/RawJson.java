package ai.mastra.client.internal;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * JSON text that {@link Json#GSON} writes as it is. Request-context values travel in a POST body this way, so
 * that the body carries exactly what the query parameter encodes: {@code null} entries kept (Gson would drop
 * them from a map) and {@code 7} not turned into {@code 7.0}.
 */
public final class RawJson {
  private final String json;

  /**
   * Wraps JSON text.
   *
   * @param json well-formed JSON text
   */
  public RawJson(String json) {
    this.json = json;
  }

  @Override
  public String toString() {
    return json;
  }

  static final class Adapter extends TypeAdapter<RawJson> {
    @Override
    public void write(JsonWriter out, RawJson value) throws IOException {
      if (value == null) {
        out.nullValue();
      } else {
        out.jsonValue(value.json);
      }
    }

    @Override
    public RawJson read(JsonReader in) {
      throw new UnsupportedOperationException("RawJson is written only");
    }
  }
}
