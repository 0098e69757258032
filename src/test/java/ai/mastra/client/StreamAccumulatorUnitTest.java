package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.internal.SseParser;
import ai.mastra.client.model.ContentPart;
import ai.mastra.client.model.FunctionCallItem;
import ai.mastra.client.model.MessageRole;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamAccumulator} event by event, without a server: how each event kind changes the response put
 * together when the server sends no terminal event. The captures (StreamAccumulatorTest) always follow an
 * {@code output_text.done} with an {@code output_item.done}, which hides what the {@code .done} events do on
 * their own; these streams do not.
 */
class StreamAccumulatorUnitTest {

  private final StreamAccumulator accumulator = new StreamAccumulator();

  /** Decodes one event's JSON as the stream does (SSE parser, then {@link StreamEvent#decode}). */
  static StreamEvent event(String json) {
    try {
      return StreamEvent.decode("test stream",
          new SseParser(new Buffer().writeUtf8("data: " + json + "\n\n")).next());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StreamAccumulator feed(String... events) {
    for (String json : events) {
      accumulator.accept(event(json));
    }
    return accumulator;
  }

  private static String texts(Response response) {
    return response.getOutput().stream()
        .map(item -> !item.isMessage() || item.asMessage().getContent() == null ? "-"
            : item.asMessage().getContent().stream()
            .map(ContentPart::getText).collect(Collectors.joining("|")))
        .collect(Collectors.joining(" / "));
  }

  private static String created(String type, String id, String status) {
    return "{\"type\":\"" + type + "\",\"response\":{\"id\":\"" + id + "\",\"status\":\"" + status
        + "\",\"output\":[]}}";
  }

  private static String messageItem(String type, int index, String id, String text) {
    String content = text == null ? "[]" : "[{\"type\":\"output_text\",\"text\":\"" + text + "\"}]";
    return "{\"type\":\"" + type + "\",\"output_index\":" + index + ",\"item\":{\"id\":\"" + id
        + "\",\"type\":\"message\",\"role\":\"assistant\",\"content\":" + content + "}}";
  }

  private static String delta(Integer index, String itemId, Integer contentIndex, String text) {
    return "{\"type\":\"response.output_text.delta\"" + (index == null ? "" : ",\"output_index\":" + index)
        + (itemId == null ? "" : ",\"item_id\":\"" + itemId + "\"")
        + (contentIndex == null ? "" : ",\"content_index\":" + contentIndex)
        + ",\"delta\":\"" + text + "\"}";
  }

  private static String textDone(int index, String itemId, int contentIndex, String text) {
    return "{\"type\":\"response.output_text.done\",\"output_index\":" + index + ",\"item_id\":\"" + itemId
        + "\",\"content_index\":" + contentIndex + ",\"text\":\"" + text + "\"}";
  }

  // ------------------------------------------------------------------------------------------ text

  @Test
  void outputTextDoneReplacesTheDeltasWhenNoOutputItemDoneFollows() {
    Response response = feed(
        created("response.created", "r", "in_progress"),
        messageItem("response.output_item.added", 0, "m", null),
        delta(0, "m", 0, "Hel"),
        delta(0, "m", 0, "lo"),
        textDone(0, "m", 0, "Hello!"))
        .response();

    assertThat(Responses.outputText(response)).isEqualTo("Hello!");
    assertThat(response.getId()).isEqualTo("r");
    assertThat(response.getStatus()).isEqualTo(ResponseStatus.IN_PROGRESS);
  }

  @Test
  void outputTextDoneAloneGivesItsTextAndLaterDeltasAppendToIt() {
    Response response = feed(
        textDone(0, "m", 0, "Whole"),
        delta(0, "m", 0, " more"))
        .response();

    assertThat(Responses.outputText(response)).isEqualTo("Whole more");
    OutputItem item = response.getOutput().get(0);
    assertThat(item.getId()).isEqualTo("m");
    assertThat(item.getType()).isEqualTo("message");
    assertThat(item.asMessage().getRole()).isEqualTo(MessageRole.ASSISTANT);
  }

  @Test
  void deltasWithoutAnAnnouncedItemMakeAnAssistantMessageAndAppendToItsText() {
    Response response = feed(delta(0, "m", 0, "a"), delta(0, "m", 0, "b"), delta(0, "m", 0, "c")).response();

    assertThat(response.getOutput()).hasSize(1);
    assertThat(Responses.outputText(response)).isEqualTo("abc");
    assertThat(response.getOutput().get(0).asMessage().getContent()).singleElement()
        .satisfies(part -> assertThat(part.getType()).isEqualTo("output_text"));
  }

  @Test
  void aMessageAnnouncedWithoutContentGetsItsPartFromTheFirstDelta() {
    Response response = feed(
        "{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"m\",\"type\":\"message\"}}",
        delta(0, "m", 0, "text"))
        .response();

    assertThat(texts(response)).isEqualTo("text");
  }

  @Test
  void deltasAppendToTheTextTheItemAlreadyHad() {
    Response response = feed(
        messageItem("response.output_item.added", 0, "m", "Start"),
        delta(0, "m", 0, ", then more")).response();

    assertThat(Responses.outputText(response)).isEqualTo("Start, then more");
  }

  @Test
  void aContentIndexBeyondThePartsAddsEmptyTextPartsBeforeIt() {
    Response response = feed(delta(0, "m", 2, "third")).response();

    assertThat(texts(response)).isEqualTo("||third");
    assertThat(response.getOutput().get(0).asMessage().getContent())
        .extracting(ContentPart::getType).containsExactly("output_text", "output_text", "output_text");
  }

  @Test
  void eventsWithoutTheirFieldsChangeNothing() {
    Response response = feed(
        messageItem("response.output_item.added", 0, "m", "kept"),
        delta(0, "m", null, "no content index"),
        "{\"type\":\"response.output_text.delta\",\"output_index\":0,\"item_id\":\"m\",\"content_index\":0}",
        "{\"type\":\"response.output_text.done\",\"output_index\":0,\"item_id\":\"m\",\"content_index\":0}",
        "{\"type\":\"response.output_text.done\",\"output_index\":0,\"item_id\":\"m\",\"text\":\"no index\"}",
        "{\"type\":\"response.content_part.done\",\"output_index\":0,\"item_id\":\"m\",\"content_index\":0}",
        "{\"type\":\"response.content_part.done\",\"output_index\":0,\"item_id\":\"m\","
            + "\"part\":{\"type\":\"output_text\",\"text\":\"no index\"}}",
        "{\"type\":\"response.output_item.done\",\"output_index\":0}",
        "{\"type\":\"response.function_call_arguments.delta\",\"output_index\":0,\"item_id\":\"m\"}",
        "{\"type\":\"response.function_call_arguments.done\",\"output_index\":0,\"item_id\":\"m\"}",
        "{\"type\":\"response.created\"}",
        "{\"type\":\"response.completed\"}",
        "{\"type\":\"response.reasoning.delta\",\"delta\":\"unknown kinds carry nothing\"}")
        .response();

    assertThat(texts(response)).isEqualTo("kept");
    assertThat(response.getOutput().get(0).isMessage()).isTrue(); // argument events without fields made no call
    assertThat(response.getId()).isNull();
    assertThat(accumulator.finished()).isFalse();
  }

  // ------------------------------------------------------------------------------------------ parts and items

  @Test
  void contentPartDoneReplacesThePartAndTheDeltasBeforeIt() {
    Response response = feed(
        messageItem("response.output_item.added", 0, "m", null),
        "{\"type\":\"response.content_part.added\",\"output_index\":0,\"item_id\":\"m\",\"content_index\":0,"
            + "\"part\":{\"type\":\"output_text\",\"text\":\"\"}}",
        delta(0, "m", 0, "draft"),
        "{\"type\":\"response.content_part.done\",\"output_index\":0,\"item_id\":\"m\",\"content_index\":0,"
            + "\"part\":{\"type\":\"output_text\",\"text\":\"final\"}}")
        .response();

    assertThat(texts(response)).isEqualTo("final");
  }

  @Test
  void outputItemDoneIsTheTruthOverEverythingBeforeIt() {
    Response response = feed(
        messageItem("response.output_item.added", 0, "m", null),
        delta(0, "m", 0, "dra"),
        delta(0, "m", 0, "ft"),
        messageItem("response.output_item.done", 0, "m", "the item's own text"))
        .response();

    assertThat(texts(response)).isEqualTo("the item's own text");
  }

  @Test
  void itemsAreOrderedByOutputIndexNotByArrival() {
    Response response = feed(
        messageItem("response.output_item.added", 1, "second", "B"),
        messageItem("response.output_item.added", 0, "first", "A"))
        .response();

    assertThat(response.getOutput()).extracting(OutputItem::getId).containsExactly("first", "second");
  }

  @Test
  void anEventWithoutOutputIndexFindsItsItemById() {
    Response response = feed(
        messageItem("response.output_item.added", 0, "a", "A"),
        messageItem("response.output_item.added", 1, "b", "B"),
        delta(null, "a", 0, "+a"),
        delta(null, "b", 0, "+b"))
        .response();

    assertThat(texts(response)).isEqualTo("A+a / B+b");
  }

  @Test
  void anEventWithoutOutputIndexForAnUnknownItemGoesAfterTheLastItem() {
    Response response = feed(
        messageItem("response.output_item.added", 0, "a", "A"),
        messageItem("response.output_item.added", 4, "e", "E"),
        delta(null, "new", 0, "N"),
        delta(null, null, 0, "X"))
        .response();

    assertThat(response.getOutput()).extracting(OutputItem::getId).containsExactly("a", "e", "new", null);
    assertThat(texts(response)).isEqualTo("A / E / N / X");
  }

  // ------------------------------------------------------------------------------------------ arguments

  @Test
  void functionCallArgumentsAreAppendedThenReplacedByTheirDoneWithTheName() {
    Response response = feed(
        "{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"call_1\","
            + "\"type\":\"function_call\",\"call_id\":\"call_1\",\"arguments\":\"\"}}",
        "{\"type\":\"response.function_call_arguments.delta\",\"output_index\":0,\"item_id\":\"call_1\","
            + "\"delta\":\"{\\\"ci\"}",
        "{\"type\":\"response.function_call_arguments.delta\",\"output_index\":0,\"item_id\":\"call_1\","
            + "\"delta\":\"ty\\\":\"}")
        .response();
    assertThat(response.getOutput().get(0).asFunctionCall().getArguments()).isEqualTo("{\"city\":");

    response = feed(
        "{\"type\":\"response.function_call_arguments.done\",\"output_index\":0,\"item_id\":\"call_1\","
            + "\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}")
        .response();
    FunctionCallItem call = response.getOutput().get(0).asFunctionCall();
    assertThat(call.getArguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(call.getName()).isEqualTo("get_weather");
  }

  @Test
  void argumentsDoneWithoutANameKeepsTheItemsName() {
    Response response = feed(
        "{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"c\","
            + "\"type\":\"function_call\",\"call_id\":\"c\",\"name\":\"lookup\",\"arguments\":\"{}\"}}",
        "{\"type\":\"response.function_call_arguments.done\",\"output_index\":0,\"item_id\":\"c\","
            + "\"arguments\":\"{\\\"q\\\":1}\"}")
        .response();

    assertThat(response.getOutput().get(0).asFunctionCall().getName()).isEqualTo("lookup");
    assertThat(response.getOutput().get(0).asFunctionCall().getArguments()).isEqualTo("{\"q\":1}");
  }

  @Test
  void argumentDeltasWithoutAnAnnouncedItemMakeAFunctionCallOfThatId() {
    Response response = feed(
        "{\"type\":\"response.function_call_arguments.delta\",\"output_index\":0,\"item_id\":\"call_9\","
            + "\"delta\":\"{}\"}")
        .response();

    FunctionCallItem call = response.getOutput().get(0).asFunctionCall();
    assertThat(call.getType()).isEqualTo("function_call");
    assertThat(call.getId()).isEqualTo("call_9");
    assertThat(call.getCallId()).isEqualTo("call_9");
    assertThat(call.getArguments()).isEqualTo("{}");
  }

  // ------------------------------------------------------------------------------------------ endings

  @Test
  void theLastInProgressResponseIsTheBaseOfThePutTogetherOne() {
    Response response = feed(
        created("response.created", "r1", "queued"),
        created("response.in_progress", "r2", "in_progress"))
        .response();

    assertThat(response.getId()).isEqualTo("r2");
    assertThat(response.getStatus()).isEqualTo(ResponseStatus.IN_PROGRESS);
    assertThat(response.getOutput()).isEmpty();
    assertThat(accumulator.finished()).isFalse();
  }

  @Test
  void withoutAnyEventTheResponseIsEmptyButNotNull() {
    Response response = accumulator.response();

    assertThat(response.getId()).isNull();
    assertThat(response.getOutput()).isEmpty();
    assertThat(response.getStatus()).isNull();
    assertThat(accumulator.finished()).isFalse();
  }

  @Test
  void eachTerminalEventFinishesTheStreamAndItsResponseIsTheAnswer() {
    for (String type : new String[] {"response.completed", "response.failed", "response.incomplete"}) {
      StreamAccumulator fresh = new StreamAccumulator();
      fresh.accept(event(messageItem("response.output_item.added", 0, "m", "ignored")));
      StreamEvent terminal = event(created(type, "t-" + type, "completed"));
      fresh.accept(terminal);

      assertThat(fresh.finished()).as(type).isTrue();
      Response answer = terminal.data().isCompleted() ? terminal.data().asCompleted().getResponse()
          : terminal.data().isFailed() ? terminal.data().asFailed().getResponse()
          : terminal.data().asIncomplete().getResponse();
      assertThat(fresh.response()).as(type).isSameAs(answer);
    }
  }

  @Test
  void anErrorEventFinishesTheStreamAsAFailedResponseWithItsCodeAndMessage() {
    Response response = feed(
        created("response.created", "r", "in_progress"),
        delta(0, "m", 0, "partial"),
        "{\"type\":\"error\",\"code\":\"rate_limited\",\"message\":\"slow down\"}")
        .response();

    assertThat(accumulator.finished()).isTrue();
    assertThat(response.getStatus()).isEqualTo(ResponseStatus.FAILED);
    assertThat(response.getError().getCode()).isEqualTo("rate_limited");
    assertThat(response.getError().getMessage()).isEqualTo("slow down");
    assertThat(Responses.outputText(response)).isEqualTo("partial");
  }

  @Test
  void thePutTogetherResponseIsACopyThatLaterEventsAndCallersDoNotChange() {
    StreamEvent start = event(created("response.created", "r", "in_progress"));
    StreamEvent item = event(messageItem("response.output_item.added", 0, "m", "A"));
    accumulator.accept(start);
    accumulator.accept(item);

    Response first = accumulator.response();
    first.getOutput().get(0).asMessage().getContent().get(0).asOutputText().setText("changed by the caller");
    first.setId("changed");
    accumulator.accept(event(delta(0, "m", 0, "B")));
    Response second = accumulator.response();

    assertThat(second.getId()).isEqualTo("r");
    assertThat(Responses.outputText(second)).isEqualTo("AB");
    assertThat(Responses.outputText(first)).isEqualTo("changed by the caller");
    assertThat(start.data().asCreated().getResponse().getOutput()).isEmpty();
    assertThat(item.data().asOutputItemAdded().getItem().asMessage().getContent().get(0).getText()).isEqualTo("A");
  }
}
