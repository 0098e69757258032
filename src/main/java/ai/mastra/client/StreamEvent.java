package ai.mastra.client;

import ai.mastra.client.internal.Json;
import ai.mastra.client.internal.SseEvent;
import ai.mastra.client.model.ResponseStreamEvent;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One event of a streamed response: its {@link #type()}, the decoded {@link #data()} and the {@link
 * #rawJson()} as the server wrote it. Immutable.
 *
 * <p>{@link #data()} is one flattened class for every event type (like {@code OutputItem} for output items):
 * read the fields that the type has, e.g. {@code getDelta()} of a {@code response.output_text.delta}, {@code
 * getResponse()} of a {@code response.completed}, {@code getItem()} of a {@code response.output_item.done}.
 *
 * <p>An event type this SDK does not know (the server grows) is delivered too, with {@link #isKnown()}
 * false; its {@link #rawJson()} has everything the server sent.
 */
public final class StreamEvent {

  private static final Set<String> KNOWN_TYPES =
      Collections.unmodifiableSet(
          new HashSet<>(
              Arrays.asList(
                  "response.created",
                  "response.in_progress",
                  "response.output_item.added",
                  "response.output_item.done",
                  "response.content_part.added",
                  "response.content_part.done",
                  "response.output_text.delta",
                  "response.output_text.done",
                  "response.function_call_arguments.delta",
                  "response.function_call_arguments.done",
                  "response.completed",
                  "response.failed",
                  "response.incomplete",
                  "error")));

  private final String type;
  private final ResponseStreamEvent data;
  private final String rawJson;
  private final boolean known;

  private StreamEvent(String type, ResponseStreamEvent data, String rawJson, boolean known) {
    this.type = type;
    this.data = data;
    this.rawJson = rawJson;
    this.known = known;
  }

  /**
   * Returns the event type: the {@code type} of the JSON (Mastra writes the same in the SSE {@code event}
   * field), e.g. {@code response.created}, {@code response.in_progress}, {@code response.output_item.added},
   * {@code response.content_part.added}, {@code response.output_text.delta}, {@code
   * response.output_text.done}, {@code response.content_part.done}, {@code response.output_item.done},
   * {@code response.function_call_arguments.delta} / {@code .done}, {@code response.completed}; from other
   * servers also {@code response.failed}, {@code response.incomplete} and {@code error}. Never null.
   */
  public String type() {
    return type;
  }

  /** Returns the event's {@code sequence_number} (Mastra counts from 1), if it has one. */
  public OptionalLong sequenceNumber() {
    Long number = data.getSequenceNumber();
    return number == null ? OptionalLong.empty() : OptionalLong.of(number);
  }

  /** Returns whether this SDK knows the event type; an unknown event has only its raw JSON for sure. */
  public boolean isKnown() {
    return known;
  }

  /**
   * Returns the decoded event. For an unknown type, the fields whose names this SDK knows are filled if they
   * could be read, and {@code type} and {@code sequence_number} at least. Treat it as read-only.
   */
  public ResponseStreamEvent data() {
    return data;
  }

  /** Returns the event's JSON exactly as the server sent it (the SSE {@code data}). */
  public String rawJson() {
    return rawJson;
  }

  @Override
  public String toString() {
    return "StreamEvent{" + type + ": " + rawJson + "}";
  }

  /**
   * Decodes one SSE event.
   *
   * @param what the call, for messages
   * @throws MastraInvalidResponseException if the data is not a JSON object, or a known event does not fit
   *     its schema
   */
  static StreamEvent decode(String what, SseEvent sse) {
    String raw = sse.data();
    JsonObject object = parseObject(what, raw);
    JsonElement typeField = object.get("type");
    String type =
        typeField instanceof JsonPrimitive && ((JsonPrimitive) typeField).isString()
            ? typeField.getAsString()
            : sse.type();
    boolean known = KNOWN_TYPES.contains(type);
    ResponseStreamEvent data;
    try {
      data = Json.GSON.fromJson(object, ResponseStreamEvent.class);
    } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
      if (known) {
        throw new MastraInvalidResponseException(
            what + ": a " + type + " event does not fit its schema: " + e.getMessage(), raw, e);
      }
      data = new ResponseStreamEvent().sequenceNumber(sequenceNumber(object));
    }
    data.setType(type);
    return new StreamEvent(type, data, raw, known);
  }

  private static JsonObject parseObject(String what, String raw) {
    try {
      JsonReader reader = new JsonReader(new StringReader(raw));
      JsonElement tree = Json.GSON.getAdapter(JsonElement.class).read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT || !tree.isJsonObject()) {
        throw new MastraInvalidResponseException(what + ": an event's data is not a JSON object", raw, null);
      }
      return tree.getAsJsonObject();
    } catch (IOException | JsonParseException | IllegalStateException e) {
      throw new MastraInvalidResponseException(
          what + ": an event's data is not valid JSON: " + e.getMessage(), raw, e);
    }
  }

  private static Long sequenceNumber(JsonObject object) {
    JsonElement number = object.get("sequence_number");
    if (number instanceof JsonPrimitive && ((JsonPrimitive) number).isNumber()) {
      try {
        return number.getAsLong();
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
