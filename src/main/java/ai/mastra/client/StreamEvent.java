package ai.mastra.client;

import ai.mastra.client.internal.Json;
import ai.mastra.client.internal.SseEvent;
import ai.mastra.client.internal.Utf8JsonReader;
import ai.mastra.client.model.*;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.OptionalLong;

/**
 * One event of a streamed response: its {@link #type()}, the decoded {@link #data()} and the {@link
 * #rawJson()} as the server wrote it. Immutable.
 *
 * <p>{@link #data()} is the typed event, a {@link ResponseStreamEvent} union: {@code
 * event.asOutputTextDelta().getDelta()}, {@code event.asCompleted().getResponse()}, {@code
 * event.data().accept(visitor)}. An event type this SDK does not know (the server grows) is delivered too,
 * as a {@link ResponseStreamEvent.Unknown} with {@link #isKnown()} false; it and {@link #rawJson()} have
 * everything the server sent.
 */
public final class StreamEvent {
  // looked up once: Gson's lookup makes a TypeToken and reads a map (3% of reading a stream of small events)
  private static final TypeAdapter<ResponseStreamEvent> ADAPTER = Json.GSON.getAdapter(ResponseStreamEvent.class);

  private final String type;
  private final ResponseStreamEvent data;
  // the SSE event: rawJson() is its data, made into text only when asked for (most callers never do)
  private final SseEvent sse;

  private StreamEvent(String type, ResponseStreamEvent data, SseEvent sse) {
    this.type = type;
    this.data = data;
    this.sse = sse;
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
    return !data.isUnknown();
  }

  /**
   * Returns the typed event: one of the {@link ResponseStreamEvent} variants, or a {@link
   * ResponseStreamEvent.Unknown} keeping the JSON of an event type this SDK does not know.
   */
  public ResponseStreamEvent data() {
    return data;
  }

  /** Returns the {@code response.output_text.delta} event; throws {@link IllegalStateException} for another type. */
  public ResponseOutputTextDeltaEvent asOutputTextDelta() {
    return data.asOutputTextDelta();
  }

  /** Returns the {@code response.output_text.done} event; throws {@link IllegalStateException} for another type. */
  public ResponseOutputTextDoneEvent asOutputTextDone() {
    return data.asOutputTextDone();
  }

  /** Returns the {@code response.output_item.added} event; throws {@link IllegalStateException} for another type. */
  public ResponseOutputItemAddedEvent asOutputItemAdded() {
    return data.asOutputItemAdded();
  }

  /** Returns the {@code response.output_item.done} event; throws {@link IllegalStateException} for another type. */
  public ResponseOutputItemDoneEvent asOutputItemDone() {
    return data.asOutputItemDone();
  }

  /** Returns the {@code response.completed} event; throws {@link IllegalStateException} for another type. */
  public ResponseCompletedEvent asCompleted() {
    return data.asCompleted();
  }

  /** Returns the event's JSON exactly as the server sent it (the SSE {@code data}). */
  public String rawJson() {
    return sse.data();
  }

  @Override
  public String toString() {
    return "StreamEvent{" + type + ": " + rawJson() + "}";
  }

  /** The {@code content_index} of the event, if its type has one. */
  Integer contentIndex() {
    if (data.isContentPartAdded()) return data.asContentPartAdded().getContentIndex();
    if (data.isContentPartDone()) return data.asContentPartDone().getContentIndex();
    if (data.isOutputTextDelta()) return data.asOutputTextDelta().getContentIndex();
    if (data.isOutputTextDone()) return data.asOutputTextDone().getContentIndex();
    return null;
  }

  /** The {@code output_index} of the event, if its type has one. */
  Integer outputIndex() {
    if (data.isOutputItemAdded()) return data.asOutputItemAdded().getOutputIndex();
    if (data.isOutputItemDone()) return data.asOutputItemDone().getOutputIndex();
    if (data.isContentPartAdded()) return data.asContentPartAdded().getOutputIndex();
    if (data.isContentPartDone()) return data.asContentPartDone().getOutputIndex();
    if (data.isOutputTextDelta()) return data.asOutputTextDelta().getOutputIndex();
    if (data.isOutputTextDone()) return data.asOutputTextDone().getOutputIndex();
    if (data.isFunctionCallArgumentsDelta()) return data.asFunctionCallArgumentsDelta().getOutputIndex();
    if (data.isFunctionCallArgumentsDone()) return data.asFunctionCallArgumentsDone().getOutputIndex();
    return null;
  }

  /**
   * Decodes one SSE event: bound straight from the JSON text to its typed variant.
   *
   * @param what the call, for messages
   * @throws MastraInvalidResponseException if the data is not a JSON object, or a known event does not fit
   *     its schema
   */
  static StreamEvent decode(String what, SseEvent sse) {
    return decode(what, sse, new Utf8JsonReader(new byte[0], 0, 0));
  }

  /**
   * Decodes one SSE event with {@code reader}, reset to the event's text: a stream reads all its events with
   * one reader.
   *
   * @param what the call, for messages
   * @throws MastraInvalidResponseException if the data is not a JSON object, or a known event does not fit
   *     its schema
   */
  static StreamEvent decode(String what, SseEvent sse, Utf8JsonReader reader) {
    ResponseStreamEvent data;
    try {
      byte[] bytes = sse.utf8();
      reader.reset(bytes, 0, bytes.length);
      if (reader.peek() != JsonToken.BEGIN_OBJECT) {
        throw new MastraInvalidResponseException(what + ": an event's data is not a JSON object", sse.data(), null);
      }
      data = ADAPTER.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new MastraInvalidResponseException(what + ": an event's data is not a JSON object", sse.data(), null);
      }
    } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
      data = withoutTypeField(what, sse, sse.data(), e);
    }
    String type = data.getType() != null ? data.getType() : sse.type();
    return new StreamEvent(type, data, sse);
  }

  /**
   * An event whose JSON could not be bound: one without a {@code type} member takes the SSE event name;
   * anything else is an invalid answer.
   */
  private static ResponseStreamEvent withoutTypeField(String what, SseEvent sse, String raw, Exception cause) {
    JsonObject object = parseObject(what, raw);
    JsonElement typeField = object.get("type");
    if (typeField instanceof JsonPrimitive && ((JsonPrimitive) typeField).isString()) {
      throw new MastraInvalidResponseException(
          what + ": a " + typeField.getAsString() + " event does not fit its schema: " + cause.getMessage(), raw, cause);
    }
    if (typeField == null && sse.type() != null) {
      object.addProperty("type", sse.type());
      try {
        return Json.GSON.fromJson(object, ResponseStreamEvent.class);
      } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
        throw new MastraInvalidResponseException(
            what + ": a " + sse.type() + " event does not fit its schema: " + e.getMessage(), raw, e);
      }
    }
    return new ResponseStreamEvent.Unknown(object);
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
}
