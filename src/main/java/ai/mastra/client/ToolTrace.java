package ai.mastra.client;

import ai.mastra.client.model.FunctionCallItem;
import ai.mastra.client.model.FunctionCallOutputItem;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tool calls among a response's or a conversation's items, each paired with its output: a response's
 * {@code output} and a conversation's items interleave {@code function_call} and {@code function_call_output}
 * items, tied by {@code call_id}.
 *
 * <pre>{@code
 * ToolTrace trace = ToolTrace.of(response);          // or of(page.autoPager()), of(items), of(stream)
 * for (ToolCall call : trace) {
 *   Weather.Args args = call.arguments(Weather.Args.class);     // or call.argumentsJson(), call.arguments()
 *   String result = call.output().orElse("(unanswered)");
 * }
 * }</pre>
 *
 * <p>Calls are in the order of their {@code function_call} items. An output answers the first call before
 * or after it with its {@code call_id} that no earlier output answered (so a {@code call_id} used twice pairs
 * in order). A call with no output is {@linkplain ToolCall#isAnswered() unanswered}; an output whose call is
 * not among the items is kept in {@link #unmatchedOutputs()}, never dropped. Immutable.
 */
public final class ToolTrace implements Iterable<ToolCall> {
  private final List<ToolCall> calls;
  private final List<FunctionCallOutputItem> unmatched;

  private ToolTrace(List<ToolCall> calls, List<FunctionCallOutputItem> unmatched) {
    this.calls = Collections.unmodifiableList(calls);
    this.unmatched = Collections.unmodifiableList(unmatched);
  }

  /**
   * Returns the tool calls of a response's {@code output}.
   *
   * @param response a response (from {@code create}, {@code retrieve} or a stream's {@code finalResponse()})
   * @return its tool calls; none if its output is empty
   * @throws IllegalArgumentException if {@code response} is null
   */
  public static ToolTrace of(Response response) {
    Checks.notNull(response, "response");
    return response.getOutput() == null ? of(Collections.<OutputItem>emptyList()) : of(response.getOutput());
  }

  /**
   * Returns the tool calls of a stream: reads the rest of it and takes its {@link
   * ResponseStream#finalResponse()}, whose function calls carry the arguments the server sent in full, or, if
   * it sent no final response, the arguments assembled from its {@code response.function_call_arguments.delta}
   * events.
   *
   * @param stream an open stream; it is read to its end (not closed)
   * @return its tool calls
   * @throws IllegalArgumentException if {@code stream} is null
   * @throws MastraIOException as {@link ResponseStream#finalResponse()}
   */
  public static ToolTrace of(ResponseStream stream) {
    Checks.notNull(stream, "stream");
    return of(stream.finalResponse());
  }

  /**
   * Returns the tool calls among items: a conversation's (a page's {@code data()}, or its {@code
   * autoPager()}, which fetches the further pages as it is iterated) or any list of output items. Other items
   * (messages, kinds added later) are skipped.
   *
   * @param items the items, in order; iterated once
   * @return their tool calls
   * @throws IllegalArgumentException if {@code items} or one of them is null
   */
  public static ToolTrace of(Iterable<? extends OutputItem> items) {
    Checks.notNull(items, "items");
    List<FunctionCallItem> callItems = new ArrayList<>();
    List<FunctionCallOutputItem> outputs = new ArrayList<>();
    // unanswered calls by call_id, in order; and outputs that came before any call of their id
    Map<String, ArrayDeque<Integer>> waiting = new HashMap<>();
    Map<String, ArrayDeque<FunctionCallOutputItem>> early = new HashMap<>();
    Map<Integer, FunctionCallOutputItem> answers = new HashMap<>();
    int index = 0;
    for (OutputItem item : items) {
      if (item == null) {
        throw new IllegalArgumentException("items[" + index + "] must not be null");
      }
      index++;
      if (item.isFunctionCall()) {
        FunctionCallItem call = item.asFunctionCall();
        int position = callItems.size();
        callItems.add(call);
        ArrayDeque<FunctionCallOutputItem> before = call.getCallId() == null ? null : early.get(call.getCallId());
        if (before != null && !before.isEmpty()) {
          answers.put(position, before.poll());
        } else if (call.getCallId() != null) {
          waiting.computeIfAbsent(call.getCallId(), id -> new ArrayDeque<>()).add(position);
        }
      } else if (item.isFunctionCallOutput()) {
        FunctionCallOutputItem output = item.asFunctionCallOutput();
        outputs.add(output);
        ArrayDeque<Integer> open = output.getCallId() == null ? null : waiting.get(output.getCallId());
        if (open != null && !open.isEmpty()) {
          answers.put(open.poll(), output);
        } else if (output.getCallId() != null) {
          early.computeIfAbsent(output.getCallId(), id -> new ArrayDeque<>()).add(output);
        }
      }
    }
    List<ToolCall> calls = new ArrayList<>(callItems.size());
    for (int i = 0; i < callItems.size(); i++) {
      calls.add(new ToolCall(callItems.get(i), answers.get(i)));
    }
    // by identity: two equal outputs may both be items, one answering and one not
    Set<FunctionCallOutputItem> used = Collections.newSetFromMap(new IdentityHashMap<>());
    used.addAll(answers.values());
    List<FunctionCallOutputItem> unmatched = new ArrayList<>();
    for (FunctionCallOutputItem output : outputs) {
      if (!used.contains(output)) {
        unmatched.add(output);
      }
    }
    return new ToolTrace(calls, unmatched);
  }

  /** Returns the calls, in the order the model made them. */
  public List<ToolCall> calls() {
    return calls;
  }

  /** Returns the calls no output answered, in order. */
  public List<ToolCall> unanswered() {
    List<ToolCall> open = new ArrayList<>();
    for (ToolCall call : calls) {
      if (!call.isAnswered()) {
        open.add(call);
      }
    }
    return Collections.unmodifiableList(open);
  }

  /**
   * Returns the {@code function_call_output} items whose call is not among the items (e.g. a page that
   * starts after the call, or an output with no {@code call_id}), in order.
   */
  public List<FunctionCallOutputItem> unmatchedOutputs() {
    return unmatched;
  }

  /** Returns the number of calls. */
  public int size() {
    return calls.size();
  }

  /** Returns whether there are no calls (there may still be {@linkplain #unmatchedOutputs() unmatched outputs}). */
  public boolean isEmpty() {
    return calls.isEmpty();
  }

  /** Returns the calls, in order. */
  @Override
  public Iterator<ToolCall> iterator() {
    return calls.iterator();
  }

  /** Returns the calls and unmatched outputs, for logs and debugging. */
  @Override
  public String toString() {
    return "ToolTrace" + calls + (unmatched.isEmpty() ? "" : " unmatched outputs " + unmatched);
  }
}
