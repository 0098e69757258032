package ai.mastra.client;

import ai.mastra.client.internal.Json;
import ai.mastra.client.model.ContentPart;
import ai.mastra.client.model.MessageRole;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseErrorInfo;
import ai.mastra.client.model.ResponseStatus;
import ai.mastra.client.model.ResponseStreamEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the final response of a stream: the response of its terminal event ({@code response.completed},
 * {@code .failed} or {@code .incomplete}), or, when the server sent none, one put together from the other
 * events. Text and arguments grow in builders, so a long answer costs linear time. Not thread-safe.
 */
final class StreamAccumulator {
  private Response started;
  private Response terminal;
  private ResponseStreamEvent error;
  private final TreeMap<Integer, OutputItem> items = new TreeMap<>();
  private final Map<Integer, Map<Integer, StringBuilder>> texts = new HashMap<>();
  private final Map<Integer, StringBuilder> arguments = new HashMap<>();

  /**
   * The most content parts one output item may have. Parts are filled up to an event's {@code content_index},
   * so without a bound a hostile index would allocate without end.
   */
  static final int MAX_CONTENT_PARTS = 1024;

  /**
   * Takes in the next event of the stream.
   *
   * @throws MastraInvalidResponseException if the event's indexes are out of range
   */
  void accept(StreamEvent event) {
    ResponseStreamEvent e = event.data();
    checkIndexes(event, e);
    switch (event.type()) {
      case "response.created":
      case "response.in_progress":
        if (e.getResponse() != null) {
          started = e.getResponse();
        }
        break;
      case "response.completed":
      case "response.failed":
      case "response.incomplete":
        if (e.getResponse() != null) {
          terminal = e.getResponse();
        }
        break;
      case "error":
        error = e;
        break;
      case "response.output_item.added":
      case "response.output_item.done":
        if (e.getItem() != null) {
          int index = indexOf(e.getOutputIndex(), e.getItem().getId());
          items.put(index, copy(e.getItem(), OutputItem.class));
          texts.remove(index); // the item's own content is now the truth
          arguments.remove(index);
        }
        break;
      case "response.content_part.added":
      case "response.content_part.done":
        if (e.getPart() != null && e.getContentIndex() != null) {
          int index = indexOf(e.getOutputIndex(), e.getItemId());
          setPart(message(index, e.getItemId()), e.getContentIndex(), e.getPart());
          textsOf(index).remove(e.getContentIndex());
        }
        break;
      case "response.output_text.delta":
        if (e.getDelta() != null && e.getContentIndex() != null) {
          text(indexOf(e.getOutputIndex(), e.getItemId()), e.getItemId(), e.getContentIndex())
              .append(e.getDelta());
        }
        break;
      case "response.output_text.done":
        if (e.getText() != null && e.getContentIndex() != null) {
          StringBuilder text = text(indexOf(e.getOutputIndex(), e.getItemId()), e.getItemId(), e.getContentIndex());
          text.setLength(0);
          text.append(e.getText());
        }
        break;
      case "response.function_call_arguments.delta":
        if (e.getDelta() != null) {
          arguments(indexOf(e.getOutputIndex(), e.getItemId()), e.getItemId()).append(e.getDelta());
        }
        break;
      case "response.function_call_arguments.done":
        if (e.getArguments() != null) {
          int index = indexOf(e.getOutputIndex(), e.getItemId());
          StringBuilder args = arguments(index, e.getItemId());
          args.setLength(0);
          args.append(e.getArguments());
          if (e.getName() != null) {
            items.get(index).setName(e.getName());
          }
        }
        break;
      default:
        break; // unknown events carry nothing this accumulator understands
    }
  }

  private static void checkIndexes(StreamEvent event, ResponseStreamEvent e) {
    Integer content = e.getContentIndex();
    if (content != null && (content < 0 || content >= MAX_CONTENT_PARTS)) {
      throw new MastraInvalidResponseException(
          "stream event " + event.type() + " has content_index " + content + ", outside 0.."
              + (MAX_CONTENT_PARTS - 1),
          event.rawJson(),
          null);
    }
    Integer output = e.getOutputIndex();
    if (output != null && output < 0) {
      throw new MastraInvalidResponseException(
          "stream event " + event.type() + " has a negative output_index " + output, event.rawJson(), null);
    }
  }

  /** Returns whether the server said how the response ended (a terminal or an error event). */
  boolean finished() {
    return terminal != null || error != null;
  }

  /**
   * Returns the terminal event's response, else one made of what the events said: the last in-progress
   * response with the output items so far, and status {@code failed} with the error of an {@code error}
   * event, else the last status the server sent.
   */
  Response response() {
    if (terminal != null) {
      return terminal;
    }
    Response response = started == null ? new Response() : copy(started, Response.class);
    List<OutputItem> output = new ArrayList<>();
    for (Map.Entry<Integer, OutputItem> entry : items.entrySet()) {
      OutputItem item = copy(entry.getValue(), OutputItem.class);
      Map<Integer, StringBuilder> itemTexts = texts.get(entry.getKey());
      if (itemTexts != null) {
        itemTexts.forEach((contentIndex, text) -> partAt(item, contentIndex).setText(text.toString()));
      }
      StringBuilder args = arguments.get(entry.getKey());
      if (args != null) {
        item.setArguments(args.toString());
      }
      output.add(item);
    }
    response.setOutput(output);
    if (error != null) {
      response.setStatus(ResponseStatus.FAILED);
      response.setError(new ResponseErrorInfo().code(error.getCode()).message(error.getMessage()));
    }
    return response;
  }

  /** The output index of an event, or of the item with {@code itemId}, or the next free index. */
  private int indexOf(Integer outputIndex, String itemId) {
    if (outputIndex != null) {
      return outputIndex;
    }
    if (itemId != null) {
      for (Map.Entry<Integer, OutputItem> entry : items.entrySet()) {
        if (itemId.equals(entry.getValue().getId())) {
          return entry.getKey();
        }
      }
    }
    return items.isEmpty() ? 0 : items.lastKey() + 1;
  }

  /** The item at {@code index}; a placeholder assistant message if the server never announced it. */
  private OutputItem message(int index, String itemId) {
    return items.computeIfAbsent(
        index,
        i -> new OutputItem().id(itemId).type("message").role(MessageRole.ASSISTANT).content(new ArrayList<>()));
  }

  private StringBuilder text(int index, String itemId, int contentIndex) {
    OutputItem item = message(index, itemId);
    ContentPart part = partAt(item, contentIndex);
    return textsOf(index)
        .computeIfAbsent(contentIndex, i -> new StringBuilder(part.getText() == null ? "" : part.getText()));
  }

  private Map<Integer, StringBuilder> textsOf(int index) {
    return texts.computeIfAbsent(index, i -> new HashMap<>());
  }

  private StringBuilder arguments(int index, String itemId) {
    OutputItem item =
        items.computeIfAbsent(index, i -> new OutputItem().id(itemId).callId(itemId).type("function_call"));
    return arguments.computeIfAbsent(
        index, i -> new StringBuilder(item.getArguments() == null ? "" : item.getArguments()));
  }

  private static void setPart(OutputItem item, int contentIndex, ContentPart part) {
    partAt(item, contentIndex);
    item.getContent().set(contentIndex, copy(part, ContentPart.class));
  }

  /** The part at {@code contentIndex}, adding empty {@code output_text} parts up to it. */
  private static ContentPart partAt(OutputItem item, int contentIndex) {
    if (item.getContent() == null) {
      item.setContent(new ArrayList<>());
    }
    List<ContentPart> content = item.getContent();
    while (content.size() <= contentIndex) {
      content.add(new ContentPart().type("output_text").text(""));
    }
    return content.get(contentIndex);
  }

  private static <T> T copy(T value, Class<T> type) {
    return Json.GSON.fromJson(Json.GSON.toJsonTree(value), type);
  }
}
