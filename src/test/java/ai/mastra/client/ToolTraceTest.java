package ai.mastra.client;

import static ai.mastra.client.StreamTestSupport.SSE;
import static ai.mastra.client.StreamTestSupport.captureBody;
import static ai.mastra.client.StreamTestSupport.frame;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.FunctionCallItem;
import ai.mastra.client.model.FunctionCallOutputItem;
import ai.mastra.client.model.MessageItem;
import ai.mastra.client.model.MessageRole;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tool traces from a response, a conversation's items and a stream: pairing, order, parsing, the odd cases. */
class ToolTraceTest extends WireMockClientTest {

  /** The weather tool's arguments, as a user would declare them. */
  static final class WeatherArgs {
    String city;
  }

  /** Its result. */
  static final class Weather {
    String city;
    int temperature;
    String conditions;
  }

  private static String recordedBody(String capture) {
    try (InputStream in = ToolTraceTest.class.getResourceAsStream("/captures/" + capture + ".json")) {
      JsonObject exchange = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
      return exchange.getAsJsonObject("response").get("body").toString();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static FunctionCallItem call(String callId, String name, String arguments) {
    return new FunctionCallItem().id(callId).callId(callId).name(name).arguments(arguments);
  }

  private static FunctionCallOutputItem output(String callId, String output) {
    return new FunctionCallOutputItem().id(callId + ":output").callId(callId).output(output);
  }

  private static MessageItem message(String text) {
    return new MessageItem().id("m").role(MessageRole.ASSISTANT).content(new ArrayList<>());
  }

  @Test
  void theRecordedWeatherCallOfAResponseIsPairedWithItsOutput() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).willReturn(okJson(recordedBody("20-response-tool-call"))));

    Response response = client.responses().create(
        new ResponseCreateRequest().agentId("support-agent").input("What is the weather like today?"));
    ToolTrace trace = ToolTrace.of(response);

    assertThat(trace.size()).isEqualTo(1);
    ToolCall call = trace.calls().get(0);
    assertThat(call.name()).isEqualTo("get_weather");
    assertThat(call.callId()).isEqualTo("call_11");
    assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(call.argumentsJson().getAsJsonObject().get("city").getAsString()).isEqualTo("Paris");
    assertThat(call.arguments(WeatherArgs.class).city).isEqualTo("Paris");
    assertThat(call.isAnswered()).isTrue();
    assertThat(call.output()).contains("{\"city\":\"Paris\",\"temperature\":18,\"conditions\":\"sunny\"}");
    assertThat(call.outputItem().get().getId()).isEqualTo("call_11:output");
    assertThat(call.callItem().getId()).isEqualTo("call_11");
    assertThat(trace.unanswered()).isEmpty();
    assertThat(trace.unmatchedOutputs()).isEmpty();
    assertThat(call.toString()).contains("get_weather({\"city\":\"Paris\"})", "sunny", "call_11");
  }

  @Test
  void theRecordedConversationItemsGiveTheSameCallThroughThePageAndTheAutoPager() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/c1/items"))
        .willReturn(okJson(recordedBody("21-conversation-items-with-tool-call"))));

    ConversationItemsPage page = client.conversations().items().list("c1");
    ToolTrace fromPage = ToolTrace.of(page.data());
    ToolTrace fromPager = ToolTrace.of(page.autoPager());

    assertThat(fromPage.calls()).hasSize(1).isEqualTo(fromPager.calls());
    ToolCall call = fromPager.calls().get(0);
    assertThat(call.name()).isEqualTo("get_weather");
    assertThat(call.callId()).isEqualTo("call_11");
    assertThat(call.arguments(WeatherArgs.class).city).isEqualTo("Paris");
    assertThat(call.output()).isPresent();
    assertThat(ai.mastra.client.internal.Json.GSON.fromJson(call.output().get(), Weather.class).temperature)
        .isEqualTo(18);
  }

  @Test
  void aRecordedStreamGivesItsCallFromTheFinalResponse() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", SSE).withBody(captureBody("26-response-stream-tool-call"))));

    try (ResponseStream stream = client.responses().stream(
        new ResponseCreateRequest().agentId("support-agent").input("weather?"))) {
      ToolTrace trace = ToolTrace.of(stream);
      assertThat(trace.calls()).hasSize(1);
      assertThat(trace.calls().get(0).callId()).isEqualTo("call_17");
      assertThat(trace.calls().get(0).arguments()).isEqualTo("{\"city\":\"Paris\"}");
      assertThat(trace.calls().get(0).output()).hasValueSatisfying(out -> assertThat(out).contains("sunny"));
    }
  }

  @Test
  void aStreamWithoutAFinalResponseGivesTheArgumentsAssembledFromTheirDeltas() {
    String body =
        frame("response.output_item.added", "{\"type\":\"response.output_item.added\",\"output_index\":0,"
                + "\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"get_weather\","
                + "\"arguments\":\"\",\"status\":\"in_progress\"}}")
            + frame("response.function_call_arguments.delta", "{\"type\":\"response.function_call_arguments.delta\","
                + "\"item_id\":\"fc_1\",\"output_index\":0,\"delta\":\"{\\\"ci\"}")
            + frame("response.function_call_arguments.delta", "{\"type\":\"response.function_call_arguments.delta\","
                + "\"item_id\":\"fc_1\",\"output_index\":0,\"delta\":\"ty\\\":\\\"Par\"}")
            + frame("response.function_call_arguments.delta", "{\"type\":\"response.function_call_arguments.delta\","
                + "\"item_id\":\"fc_1\",\"output_index\":0,\"delta\":\"is\\\"}\"}")
            + "data: [DONE]\n\n";
    wm.stubFor(post(urlPathEqualTo("/api/v1/responses")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", SSE).withBody(body)));

    try (ResponseStream stream = client.responses().stream(
        new ResponseCreateRequest().agentId("support-agent").input("weather?"))) {
      ToolTrace trace = ToolTrace.of(stream);
      assertThat(trace.calls()).hasSize(1);
      ToolCall call = trace.calls().get(0);
      assertThat(call.callId()).isEqualTo("call_1");
      assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}");
      assertThat(call.arguments(WeatherArgs.class).city).isEqualTo("Paris");
      assertThat(call.isAnswered()).isFalse();
      assertThat(call.output()).isEmpty();
      assertThat(trace.unanswered()).containsExactly(call);
    }
  }

  @Test
  void callsKeepTheirOrderAndOutputsPairByCallIdWhereverTheyAre() {
    List<OutputItem> items = Arrays.asList(
        call("b", "second_tool", "{}"),
        output("c", "early"),                    // its call comes later
        call("a", "first_tool", "{\"n\":1}"),
        message("between"),
        call("c", "third_tool", "[]"),
        output("a", "A"),
        output("b", "B"));

    ToolTrace trace = ToolTrace.of(items);

    assertThat(trace.calls()).extracting(ToolCall::callId).containsExactly("b", "a", "c");
    assertThat(trace.calls()).extracting(c -> c.output().orElse(null)).containsExactly("B", "A", "early");
    assertThat(trace.unanswered()).isEmpty();
    assertThat(trace.unmatchedOutputs()).isEmpty();
  }

  @Test
  void anUnansweredCallIsVisibleAndAnOutputWithoutItsCallIsKept() {
    FunctionCallOutputItem stray = output("gone", "from an earlier page");
    FunctionCallOutputItem noId = new FunctionCallOutputItem().id("x").output("no call_id");
    List<OutputItem> items = Arrays.asList(stray, call("open", "get_weather", "{}"), noId);

    ToolTrace trace = ToolTrace.of(items);

    assertThat(trace.calls()).hasSize(1);
    assertThat(trace.calls().get(0).isAnswered()).isFalse();
    assertThat(trace.calls().get(0).output()).isEmpty();
    assertThat(trace.calls().get(0).outputItem()).isEmpty();
    assertThat(trace.unanswered()).extracting(ToolCall::callId).containsExactly("open");
    assertThat(trace.unmatchedOutputs()).containsExactly(stray, noId);
    assertThat(trace.toString()).contains("(unanswered)", "unmatched outputs");
  }

  @Test
  void aCallIdUsedTwicePairsInOrderAndASecondOutputForOneCallIsUnmatched() {
    FunctionCallOutputItem first = output("dup", "1");
    FunctionCallOutputItem second = output("dup", "2");
    FunctionCallOutputItem third = output("dup", "3");   // equal ids, a third answer: nothing left to answer
    ToolTrace trace = ToolTrace.of(Arrays.asList(
        call("dup", "t", "{}"), first, call("dup", "t", "{}"), second, third));

    assertThat(trace.calls()).extracting(c -> c.output().get()).containsExactly("1", "2");
    assertThat(trace.unmatchedOutputs()).containsExactly(third);
  }

  @Test
  void aResponseWithoutToolCallsHasAnEmptyTrace() {
    assertThat(ToolTrace.of(new Response()).isEmpty()).isTrue();
    assertThat(ToolTrace.of(new Response().output(List.of(message("hi")))).calls()).isEmpty();
  }

  @Test
  void brokenArgumentsAreATypedErrorNamingTheCallAndKeepingTheRawText() {
    ToolCall broken = ToolTrace.of(List.of(call("c1", "get_weather", "{\"city\": Paris}"))).calls().get(0);
    assertThat(broken.arguments()).isEqualTo("{\"city\": Paris}");     // the raw text is always there
    assertThatThrownBy(broken::argumentsJson)
        .isInstanceOf(ToolArgumentsException.class)
        .hasMessageContaining("c1").hasMessageContaining("get_weather").hasMessageContaining("not valid JSON")
        .satisfies(e -> {
          ToolArgumentsException error = (ToolArgumentsException) e;
          assertThat(error.arguments()).isEqualTo("{\"city\": Paris}");
          assertThat(error.callId()).isEqualTo("c1");
          assertThat(error.toolName()).isEqualTo("get_weather");
        });
    assertThatThrownBy(() -> broken.arguments(WeatherArgs.class)).isInstanceOf(ToolArgumentsException.class);
  }

  @Test
  void emptyTrailingAndMistypedArgumentsAreRefusedToo() {
    assertThatThrownBy(() -> ToolTrace.of(List.of(call("c", "t", ""))).calls().get(0).argumentsJson())
        .isInstanceOf(ToolArgumentsException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> ToolTrace.of(List.of(call("c", "t", "{} {}"))).calls().get(0).argumentsJson())
        .isInstanceOf(ToolArgumentsException.class).hasMessageContaining("not valid JSON");   // text after the value
    assertThatThrownBy(() -> ToolTrace.of(List.of(call("c", "t", "{'city':'Paris'}"))).calls().get(0).argumentsJson())
        .isInstanceOf(ToolArgumentsException.class);        // lenient JSON is not JSON
    assertThatThrownBy(() -> ToolTrace.of(List.of(call("c", "t", "{\"temperature\":\"warm\"}"))).calls().get(0)
            .arguments(Weather.class))
        .isInstanceOf(ToolArgumentsException.class).hasMessageContaining(Weather.class.getName());
    assertThat(ToolTrace.of(List.of(call("c", "t", null))).calls().get(0).arguments()).isEmpty();
  }

  @Test
  void nullInputsAreRefusedNamingTheParameter() {
    assertThatThrownBy(() -> ToolTrace.of((Response) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("response");
    assertThatThrownBy(() -> ToolTrace.of((ResponseStream) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stream");
    assertThatThrownBy(() -> ToolTrace.of((Iterable<OutputItem>) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("items");
    assertThatThrownBy(() -> ToolTrace.of(Arrays.asList(call("a", "t", "{}"), null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("items[1]");
    ToolCall call = ToolTrace.of(List.of(call("a", "t", "{}"))).calls().get(0);
    assertThatThrownBy(() -> call.arguments((Class<?>) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("type");
  }
}
