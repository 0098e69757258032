package ai.mastra.client;

import ai.mastra.client.internal.Json;
import ai.mastra.client.model.FunctionCallItem;
import ai.mastra.client.model.FunctionCallOutputItem;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.Objects;
import java.util.Optional;

/**
 * One tool call of a {@link ToolTrace}: the {@code function_call} item the model made, and the {@code
 * function_call_output} item that answered it (matched by {@code call_id}), if any. Immutable; the items
 * themselves are the models the SDK decoded and are not copied.
 *
 * <pre>{@code
 * for (ToolCall call : ToolTrace.of(response)) {
 *   System.out.println(call.name() + call.arguments() + " -> " + call.output().orElse("(no answer)"));
 * }
 * }</pre>
 */
public final class ToolCall {
  private final FunctionCallItem call;
  private final FunctionCallOutputItem output;

  ToolCall(FunctionCallItem call, FunctionCallOutputItem output) {
    this.call = call;
    this.output = output;
  }

  /** Returns the tool's name ({@code name}), e.g. {@code get_weather}; null only if the server sent none. */
  public String name() {
    return call.getName();
  }

  /** Returns the call's {@code call_id}, which its output names; null only if the server sent none. */
  public String callId() {
    return call.getCallId();
  }

  /**
   * Returns the arguments as the model wrote them: a JSON text such as {@code {"city":"Paris"}} (unchecked;
   * see {@link #argumentsJson()}).
   *
   * @return the raw arguments; an empty string if the call had none
   */
  public String arguments() {
    return call.getArguments() == null ? "" : call.getArguments();
  }

  /**
   * Returns the arguments parsed as one JSON value (strict JSON: no comments, unquoted names or trailing
   * text).
   *
   * @return the arguments as a tree, e.g. a {@code JsonObject}
   * @throws ToolArgumentsException if they are empty or not JSON; it names the tool and the call and keeps
   *     the raw text
   */
  public JsonElement argumentsJson() {
    String raw = arguments();
    if (raw.trim().isEmpty()) {
      throw failure("are empty", null);
    }
    try (JsonReader reader = new JsonReader(new StringReader(raw))) {
      reader.setStrictness(Strictness.STRICT);
      JsonElement tree = com.google.gson.JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw failure("have text after the JSON value", null);
      }
      return tree;
    } catch (JsonParseException | IOException e) {
      throw failure("are not valid JSON (" + rootMessage(e) + ")", e);
    }
  }

  /**
   * Returns the arguments read into {@code type} with Gson (e.g. a class with a {@code city} field for the
   * weather tool's {@code {"city":"Paris"}}). Properties the class lacks are ignored, missing ones are left
   * at their defaults.
   *
   * @param type the class to read into
   * @param <T> the type
   * @return the arguments as a {@code T} (null for the JSON {@code null})
   * @throws ToolArgumentsException if they are not JSON, or do not fit {@code type}
   * @throws IllegalArgumentException if {@code type} is null
   */
  public <T> T arguments(Class<T> type) {
    Checks.notNull(type, "type");
    JsonElement tree = argumentsJson();
    try {
      return Json.GSON.fromJson(tree, type);
    } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
      throw failure("do not fit " + type.getName() + " (" + rootMessage(e) + ")", e);
    }
  }

  /** Returns whether an output answered this call (a {@code function_call_output} with its {@code call_id}). */
  public boolean isAnswered() {
    return output != null;
  }

  /**
   * Returns the tool's result as the server recorded it (for Mastra, the tool's return value as JSON text),
   * or empty if the call is unanswered: the agent run stopped before the tool returned, or the items end
   * before its output (a page, a stream cut short).
   *
   * @return the output text, if answered
   */
  public Optional<String> output() {
    return output == null ? Optional.empty() : Optional.of(output.getOutput() == null ? "" : output.getOutput());
  }

  /** Returns the {@code function_call} item itself (its id, status and unknown properties). */
  public FunctionCallItem callItem() {
    return call;
  }

  /** Returns the {@code function_call_output} item that answered the call, if any. */
  public Optional<FunctionCallOutputItem> outputItem() {
    return Optional.ofNullable(output);
  }

  private ToolArgumentsException failure(String what, Throwable cause) {
    return new ToolArgumentsException(
        "the arguments of tool call " + callId() + " (" + name() + ") " + what,
        name(),
        callId(),
        call.getArguments(),
        cause);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  /** Equal when both the call and the output items are equal. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ToolCall)) {
      return false;
    }
    ToolCall that = (ToolCall) other;
    return call.equals(that.call) && Objects.equals(output, that.output);
  }

  @Override
  public int hashCode() {
    return Objects.hash(call, output);
  }

  /** Returns e.g. {@code get_weather({"city":"Paris"}) -> {"temperature":18}} (call_11), or {@code -> (unanswered)}. */
  @Override
  public String toString() {
    return name() + "(" + arguments() + ") -> " + output().orElse("(unanswered)") + " [" + callId() + "]";
  }
}
