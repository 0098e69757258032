package ai.mastra.client.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One exchange recorded from the real Mastra server ({@code src/test/resources/captures/NN-name.json}, copied
 * from shared/mastra-server/captures): the ground truth for what a request looks like and what the server
 * answers. Shape: {@code {note, request: {method, path, query, headers, body, decodedRequestContext?},
 * response: {status, headers, body}}}.
 */
public final class Capture {
  private static final String DIRECTORY = "/captures/";

  private final String name;
  private final JsonObject exchange;

  private Capture(String name, JsonObject exchange) {
    this.name = name;
    this.exchange = exchange;
  }

  /**
   * Loads the capture whose file name starts with {@code number + "-"}, e.g. {@code "07"}.
   *
   * @throws IllegalArgumentException if no copied capture has that number
   */
  public static Capture load(String number) {
    for (String file : names()) {
      if (file.startsWith(number + "-")) {
        return read(file);
      }
    }
    throw new IllegalArgumentException("no capture " + number + " in " + DIRECTORY + "index.txt");
  }

  /** Every copied capture, in file name order. */
  public static List<Capture> all() {
    List<Capture> all = new ArrayList<>();
    for (String file : names()) {
      all.add(read(file));
    }
    return all;
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    for (String line : text(DIRECTORY + "index.txt").split("\n")) {
      if (!line.trim().isEmpty()) {
        names.add(line.trim());
      }
    }
    Collections.sort(names);
    return names;
  }

  private static Capture read(String file) {
    return new Capture(file, JsonParser.parseString(text(DIRECTORY + file)).getAsJsonObject());
  }

  private static String text(String resource) {
    try (InputStream in = Capture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file name, e.g. {@code 07-response-string-input.json}. */
  public String name() {
    return name;
  }

  /** The two-digit number of the capture. */
  public String number() {
    return name.substring(0, name.indexOf('-'));
  }

  private JsonObject request() {
    return exchange.getAsJsonObject("request");
  }

  private JsonObject response() {
    return exchange.getAsJsonObject("response");
  }

  /** The recorded request method, e.g. {@code POST}. */
  public String method() {
    return request().get("method").getAsString();
  }

  /** The recorded request path, without the query, e.g. {@code /api/v1/responses}. */
  public String path() {
    return request().get("path").getAsString();
  }

  /** The recorded query parameters (decoded). */
  public Map<String, String> query() {
    Map<String, String> query = new LinkedHashMap<>();
    request().getAsJsonObject("query").entrySet().forEach(e -> query.put(e.getKey(), e.getValue().getAsString()));
    return query;
  }

  /** The recorded request body as JSON, when it was a JSON document. */
  public Optional<JsonObject> requestBody() {
    JsonElement body = request().get("body");
    return body != null && body.isJsonObject() ? Optional.of(body.getAsJsonObject()) : Optional.empty();
  }

  /** The request context the server decoded from the query parameter, when there was one it could decode. */
  public Optional<JsonObject> decodedRequestContext() {
    JsonElement decoded = request().get("decodedRequestContext");
    return decoded != null && decoded.isJsonObject() ? Optional.of(decoded.getAsJsonObject()) : Optional.empty();
  }

  /** The answer's status. */
  public int status() {
    return response().get("status").getAsInt();
  }

  /** The answer's content type. */
  public String contentType() {
    JsonElement type = response().getAsJsonObject("headers").get("content-type");
    return type == null ? "" : type.getAsString();
  }

  /** Whether the answer is JSON (not text/plain nor an event stream). */
  public boolean answersJson() {
    return contentType().startsWith("application/json");
  }

  /** The answer's body as text: a text body as it was, a JSON body as compact JSON. */
  public String responseBody() {
    JsonElement body = response().get("body");
    if (body == null || body.isJsonNull()) {
      return "";
    }
    return body.isJsonPrimitive() ? body.getAsString() : body.toString();
  }

  /** The answer's body as a JSON object (for JSON answers). */
  public JsonObject responseJson() {
    return response().getAsJsonObject("body");
  }

  /** The answer's body without its null members, the shape Gson writes a model back in. */
  public JsonElement responseJsonWithoutNulls() {
    return withoutNulls(responseJson());
  }

  /** The recorded answer as a WireMock response: status, content type and body as the server sent them. */
  public ResponseDefinitionBuilder answer() {
    return aResponse().withStatus(status()).withHeader("Content-Type", contentType()).withBody(responseBody());
  }

  /** {@code element} with every object member whose value is null removed, recursively. */
  public static JsonElement withoutNulls(JsonElement element) {
    if (element.isJsonObject()) {
      JsonObject copy = new JsonObject();
      element.getAsJsonObject().entrySet().stream()
          .filter(e -> !(e.getValue() instanceof JsonNull))
          .forEach(e -> copy.add(e.getKey(), withoutNulls(e.getValue())));
      return copy;
    }
    if (element.isJsonArray()) {
      JsonArray copy = new JsonArray();
      element.getAsJsonArray().forEach(item -> copy.add(withoutNulls(item)));
      return copy;
    }
    return element;
  }

  @Override
  public String toString() {
    return name;
  }
}
