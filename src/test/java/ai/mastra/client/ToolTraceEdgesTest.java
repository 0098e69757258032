package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.mastra.client.model.FunctionCallItem;
import ai.mastra.client.model.FunctionCallOutputItem;
import ai.mastra.client.model.OutputItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ToolTrace and ToolCall behaviours the main test leaves open: emptiness, iteration, equality, error text. */
class ToolTraceEdgesTest {

  private static FunctionCallItem call(String callId, String arguments) {
    return new FunctionCallItem().id(callId).callId(callId).name("get_weather").arguments(arguments);
  }

  private static FunctionCallOutputItem output(String callId) {
    return new FunctionCallOutputItem().id(callId + ":output").callId(callId).output("{\"temperature\":18}");
  }

  @Test
  void aTraceWithOneCallIsNotEmpty() {
    ToolTrace trace = ToolTrace.of(List.<OutputItem>of(call("c1", "{}")));

    assertThat(trace.isEmpty()).isFalse();
    assertThat(trace.size()).isEqualTo(1);
  }

  @Test
  void iteratingATraceVisitsTheCallsInOrder() {
    ToolTrace trace = ToolTrace.of(Arrays.<OutputItem>asList(call("a", "{}"), call("b", "{}"), output("a")));

    List<ToolCall> visited = new ArrayList<>();
    for (ToolCall c : trace) {
      visited.add(c);
    }

    assertThat(visited).extracting(ToolCall::callId).containsExactly("a", "b");
    assertThat(visited).isEqualTo(trace.calls());
  }

  @Test
  void aCallIsNeverEqualToNullOrAnotherTypeOrACallThatDiffers() {
    ToolCall answered = ToolTrace.of(Arrays.<OutputItem>asList(call("a", "{}"), output("a"))).calls().get(0);
    ToolCall unanswered = ToolTrace.of(List.<OutputItem>of(call("a", "{}"))).calls().get(0);
    ToolCall other = ToolTrace.of(List.<OutputItem>of(call("b", "{}"))).calls().get(0);
    ToolCall same = ToolTrace.of(Arrays.<OutputItem>asList(call("a", "{}"), output("a"))).calls().get(0);

    assertThat(answered.equals(null)).isFalse();
    assertThat(answered.equals("x")).isFalse();
    assertThat(answered).isNotEqualTo(unanswered);
    assertThat(unanswered).isNotEqualTo(other);
    assertThat(answered).isEqualTo(same).hasSameHashCodeAs(same);
  }

  @Test
  void callsWithDifferentIdsHaveDifferentHashCodes() {
    // weak by nature (the value is not documented), but a constant hash would make every set of calls a list
    ToolCall a = ToolTrace.of(List.<OutputItem>of(call("a", "{}"))).calls().get(0);
    ToolCall b = ToolTrace.of(List.<OutputItem>of(call("b", "{}"))).calls().get(0);

    assertThat(a.hashCode()).isNotEqualTo(b.hashCode());
  }

  @Test
  void argumentsCutShortNameTheRootCauseNotItsWrapper() {
    ToolCall cut = ToolTrace.of(List.<OutputItem>of(call("c1", "{\"city\":"))).calls().get(0);

    ToolArgumentsException error = catchThrowableOfType(ToolArgumentsException.class, cut::argumentsJson);

    assertThat(error.getMessage()).contains("are not valid JSON (End of input").doesNotContain("EOFException");
  }
}
