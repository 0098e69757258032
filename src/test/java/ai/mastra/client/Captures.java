package ai.mastra.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Exchanges recorded from a real Mastra server (src/test/resources/captures, copied from
 * shared/mastra-server/captures): the ground truth for stub answers and expected requests.
 */
final class Captures {
  private Captures() {}

  /** The whole recorded exchange {@code {note, request, response}} of a capture file name prefix, e.g. "07". */
  static JsonObject exchange(String number) {
    String name = null;
    try (InputStream list = Captures.class.getResourceAsStream("/captures/index.txt")) {
      if (list != null) {
        for (String line : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (line.startsWith(number + "-")) {
            name = line.trim();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (name == null) {
      throw new IllegalArgumentException("no capture " + number + " listed in /captures/index.txt");
    }
    try (InputStream in = Captures.class.getResourceAsStream("/captures/" + name)) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded answer body, as JSON text. */
  static String answer(String number) {
    JsonElement body = exchange(number).getAsJsonObject("response").get("body");
    return body.isJsonPrimitive() ? body.getAsString() : body.toString();
  }

  /** The recorded answer status. */
  static int status(String number) {
    return exchange(number).getAsJsonObject("response").get("status").getAsInt();
  }

  /** The recorded answer content type. */
  static String contentType(String number) {
    return exchange(number).getAsJsonObject("response").getAsJsonObject("headers").get("content-type").getAsString();
  }

  /** The recorded request body, as JSON text. */
  static String request(String number) {
    return exchange(number).getAsJsonObject("request").get("body").toString();
  }
}
