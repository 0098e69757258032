package ai.mastra.client;

import ai.mastra.client.internal.Json;
import ai.mastra.client.model.ContentPart;
import ai.mastra.client.model.FunctionCallItem;
import ai.mastra.client.model.MessageItem;
import ai.mastra.client.model.OutputTextPart;
import ai.mastra.client.model.ResponseErrorEvent;
import ai.mastra.client.model.ResponseFunctionCallArgumentsDeltaEvent;
import ai.mastra.client.model.ResponseFunctionCallArgumentsDoneEvent;
import ai.mastra.client.model.ResponseOutputTextDeltaEvent;
import ai.mastra.client.model.ResponseOutputTextDoneEvent;
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
  private ResponseErrorEvent error;
  private final TreeMap<Integer, OutputItem> items = new TreeMap<>();
  private final Map<Integer, Map<Integer, Text>> texts = new HashMap<>();
  // The text the last delta went to, until an item or part event drops the texts it may be: the next delta of
  // the same part (nearly every event of a long answer) is appended without the lookups.
  private Text lastText;
  private int lastOutputIndex;
  private int lastContentIndex;
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
    checkIndexes(event);
    if (e.isCreated() || e.isInProgress()) {
      Response response = e.isCreated() ? e.asCreated().getResponse() : e.asInProgress().getResponse();
      if (response != null) {
        started = response;
      }
    } else if (e.isCompleted() || e.isFailed() || e.isIncomplete()) {
      Response response =
          e.isCompleted()
              ? e.asCompleted().getResponse()
              : e.isFailed() ? e.asFailed().getResponse() : e.asIncomplete().getResponse();
      if (response != null) {
        terminal = response;
      }
    } else if (e.isError()) {
      error = e.asError();
    } else if (e.isOutputItemAdded() || e.isOutputItemDone()) {
      OutputItem item = e.isOutputItemAdded() ? e.asOutputItemAdded().getItem() : e.asOutputItemDone().getItem();
      Integer outputIndex =
          e.isOutputItemAdded() ? e.asOutputItemAdded().getOutputIndex() : e.asOutputItemDone().getOutputIndex();
      if (item != null) {
        int index = indexOf(outputIndex, idOf(item));
        items.put(index, copy(item, OutputItem.class));
        texts.remove(index); // the item's own content is now the truth
        arguments.remove(index);
        lastText = null; // it may be one of the texts just dropped
      }
    } else if (e.isContentPartAdded() || e.isContentPartDone()) {
      ContentPart part = e.isContentPartAdded() ? e.asContentPartAdded().getPart() : e.asContentPartDone().getPart();
      Integer contentIndex =
          e.isContentPartAdded() ? e.asContentPartAdded().getContentIndex() : e.asContentPartDone().getContentIndex();
      Integer outputIndex =
          e.isContentPartAdded() ? e.asContentPartAdded().getOutputIndex() : e.asContentPartDone().getOutputIndex();
      String itemId = e.isContentPartAdded() ? e.asContentPartAdded().getItemId() : e.asContentPartDone().getItemId();
      if (part != null && contentIndex != null) {
        int index = indexOf(outputIndex, itemId);
        MessageItem message = message(index, itemId);
        if (message != null) {
          partAt(message, contentIndex);
          message.getContent().set(contentIndex, copy(part, ContentPart.class));
          textsOf(index).remove(contentIndex);
          lastText = null; // it may be the text just dropped
        }
      }
    } else if (e.isOutputTextDelta()) {
      ResponseOutputTextDeltaEvent delta = e.asOutputTextDelta();
      if (delta.getDelta() != null && delta.getContentIndex() != null) {
        Integer outputIndex = delta.getOutputIndex();
        int contentIndex = delta.getContentIndex();
        if (lastText != null && outputIndex != null && outputIndex == lastOutputIndex
            && contentIndex == lastContentIndex) {
          lastText.append(delta.getDelta());
        } else {
          Text text = text(indexOf(outputIndex, delta.getItemId()), delta.getItemId(), contentIndex);
          if (text != null) {
            text.append(delta.getDelta());
          }
          // without an output_index the run is not kept: -1 matches no index (a negative one is refused)
          lastText = text;
          lastOutputIndex = outputIndex == null ? -1 : outputIndex;
          lastContentIndex = contentIndex;
        }
      }
    } else if (e.isOutputTextDone()) {
      ResponseOutputTextDoneEvent done = e.asOutputTextDone();
      if (done.getText() != null && done.getContentIndex() != null) {
        Text text =
            text(indexOf(done.getOutputIndex(), done.getItemId()), done.getItemId(), done.getContentIndex());
        if (text != null) {
          text.set(done.getText()); // the deltas' builder goes: one copy of a long text, not two
        }
      }
    } else if (e.isFunctionCallArgumentsDelta()) {
      ResponseFunctionCallArgumentsDeltaEvent delta = e.asFunctionCallArgumentsDelta();
      if (delta.getDelta() != null) {
        StringBuilder args = arguments(indexOf(delta.getOutputIndex(), delta.getItemId()), delta.getItemId());
        if (args != null) {
          args.append(delta.getDelta());
        }
      }
    } else if (e.isFunctionCallArgumentsDone()) {
      ResponseFunctionCallArgumentsDoneEvent done = e.asFunctionCallArgumentsDone();
      if (done.getArguments() != null) {
        int index = indexOf(done.getOutputIndex(), done.getItemId());
        StringBuilder args = arguments(index, done.getItemId());
        if (args != null) {
          args.setLength(0);
          args.append(done.getArguments());
          if (done.getName() != null) {
            ((FunctionCallItem) items.get(index)).setName(done.getName());
          }
        }
      }
    }
    // other (unknown) events carry nothing this accumulator understands
  }

  private static String idOf(OutputItem item) {
    return item.getId();
  }

  private static void checkIndexes(StreamEvent event) {
    Integer content = event.contentIndex();
    if (content != null && (content < 0 || content >= MAX_CONTENT_PARTS)) {
      throw new MastraInvalidResponseException(
          "stream event " + event.type() + " has content_index " + content + ", outside 0.."
              + (MAX_CONTENT_PARTS - 1),
          event.rawJson(),
          null);
    }
    Integer output = event.outputIndex();
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
      Map<Integer, Text> itemTexts = texts.get(entry.getKey());
      if (itemTexts != null && item.isMessage()) {
        itemTexts.forEach((contentIndex, text) -> partAt(item.asMessage(), contentIndex).setText(text.toString()));
      }
      StringBuilder args = arguments.get(entry.getKey());
      if (args != null && item.isFunctionCall()) {
        item.asFunctionCall().setArguments(args.toString());
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
        if (itemId.equals(idOf(entry.getValue()))) {
          return entry.getKey();
        }
      }
    }
    return items.isEmpty() ? 0 : items.lastKey() + 1;
  }

  /**
   * The message at {@code index}; a placeholder assistant message if the server never announced it; null if
   * the item there is not a message.
   */
  private MessageItem message(int index, String itemId) {
    OutputItem item =
        items.computeIfAbsent(
            index, i -> new MessageItem().id(itemId).role(MessageRole.ASSISTANT).content(new ArrayList<>()));
    return item.isMessage() ? item.asMessage() : null;
  }

  private Text text(int index, String itemId, int contentIndex) {
    MessageItem item = message(index, itemId);
    if (item == null) {
      return null;
    }
    OutputTextPart part = partAt(item, contentIndex);
    return textsOf(index)
        .computeIfAbsent(contentIndex, i -> new Text(part.getText() == null ? "" : part.getText()));
  }

  /** A part's text: the server's whole text once it sent it, else a builder of the deltas. */
  private static final class Text {
    private String whole;
    private StringBuilder deltas;

    Text(String start) {
      this.whole = start;
    }

    void append(String delta) {
      if (deltas == null) {
        deltas = new StringBuilder(whole);
        whole = null;
      }
      deltas.append(delta);
    }

    void set(String text) {
      deltas = null;
      whole = text;
    }

    @Override
    public String toString() {
      return deltas == null ? whole : deltas.toString();
    }
  }

  private Map<Integer, Text> textsOf(int index) {
    return texts.computeIfAbsent(index, i -> new HashMap<>());
  }

  private StringBuilder arguments(int index, String itemId) {
    OutputItem item = items.computeIfAbsent(index, i -> new FunctionCallItem().id(itemId).callId(itemId));
    if (!item.isFunctionCall()) {
      return null;
    }
    String known = item.asFunctionCall().getArguments();
    return arguments.computeIfAbsent(index, i -> new StringBuilder(known == null ? "" : known));
  }

  /** The output_text part at {@code contentIndex}, adding empty ones up to it (and in place of another kind). */
  private static OutputTextPart partAt(MessageItem item, int contentIndex) {
    if (item.getContent() == null) {
      item.setContent(new ArrayList<>());
    }
    List<ContentPart> content = item.getContent();
    while (content.size() <= contentIndex) {
      content.add(new OutputTextPart().text(""));
    }
    ContentPart part = content.get(contentIndex);
    if (!part.isOutputText()) {
      part = new OutputTextPart().text("");
      content.set(contentIndex, part);
    }
    return part.asOutputText();
  }

  private static <T> T copy(T value, Class<T> type) {
    return Json.GSON.fromJson(Json.GSON.toJsonTree(value), type);
  }
}
