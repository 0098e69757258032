package ai.mastra.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.ConversationItemsPage;
import ai.mastra.client.MastraClient;
import ai.mastra.client.ResponseStream;
import ai.mastra.client.StreamEvent;
import ai.mastra.client.ToolCall;
import ai.mastra.client.ToolTrace;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tool traces against the real Mastra server: the support agent's weather tool ({@code get_weather}), called
 * by the mock model for any input that mentions the weather, seen from the response, from the conversation's
 * items (page and auto-pager), from the stored response, and from a stream whose arguments arrive as deltas.
 */
@ExtendWith(MastraServer.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ToolTraceIT {
  private static final String AGENT = "support-agent";

  /** The weather tool's input schema, as a user's class. */
  static final class WeatherArgs {
    String city;
  }

  /** Its result. */
  static final class Weather {
    String city;
    int temperature;
    String conditions;
  }

  private static SpecValidatingInterceptor validation;
  private static MastraClient client;

  @BeforeAll
  static void connect() {
    validation = SpecValidatingInterceptor.ofProjectSpec();
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(validation).build();
    client = MastraClient.builder().baseUrl(MastraServer.baseUrl()).httpClient(http).build();
  }

  @AfterEach
  void everyExchangeMatchesTheSpec() {
    validation.assertExchangesMatchSpec();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  private static void assertTheWeatherCall(ToolCall call) {
    assertThat(call.name()).isEqualTo("get_weather");
    assertThat(call.callId()).isNotBlank();
    assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(call.argumentsJson().getAsJsonObject().get("city").getAsString()).isEqualTo("Paris");
    assertThat(call.arguments(WeatherArgs.class).city).isEqualTo("Paris");
    assertThat(call.isAnswered()).isTrue();
    Weather weather = new com.google.gson.Gson().fromJson(call.output().get(), Weather.class);
    assertThat(weather.city).isEqualTo("Paris");
    assertThat(weather.temperature).isEqualTo(18);
    assertThat(weather.conditions).isEqualTo("sunny");
  }

  @Test
  void theWeatherCallFromTheResponseTheConversationAndTheStoredResponse() {
    Response response = client.responses().create(new ResponseCreateRequest()
        .agentId(AGENT).input("What is the weather like today?").store(true));

    ToolTrace fromResponse = ToolTrace.of(response);
    assertThat(fromResponse.calls()).hasSize(1);
    assertTheWeatherCall(fromResponse.calls().get(0));
    assertThat(fromResponse.unmatchedOutputs()).isEmpty();
    assertThat(response.outputText()).contains("sunny");
    String callId = fromResponse.calls().get(0).callId();

    ConversationItemsPage page = client.conversations().items().list(response.getConversationId());
    ToolTrace fromItems = ToolTrace.of(page.data());
    ToolTrace fromPager = ToolTrace.of(page.autoPager());
    assertThat(fromItems.calls()).hasSize(1);
    assertTheWeatherCall(fromItems.calls().get(0));
    assertThat(fromItems.calls().get(0).callId()).isEqualTo(callId);
    assertThat(fromPager.calls()).isEqualTo(fromItems.calls());
    assertThat(fromItems.unmatchedOutputs()).isEmpty();

    ToolTrace fromStored = ToolTrace.of(client.responses().retrieve(response.getId()));
    assertThat(fromStored.calls()).extracting(ToolCall::callId).containsExactly(callId);
    assertTheWeatherCall(fromStored.calls().get(0));

    client.conversations().delete(response.getConversationId());
  }

  @Test
  void theWeatherCallFromASessionsTurnAndHistory() {
    ai.mastra.client.AgentSession session = client.session(AGENT);
    Response response = session.send("How is the weather?");
    ToolTrace fromTurn = ToolTrace.of(response);
    ToolTrace fromHistory = ToolTrace.of(session.items());
    assertThat(fromTurn.calls()).hasSize(1);
    assertTheWeatherCall(fromTurn.calls().get(0));
    assertThat(fromHistory.calls()).extracting(ToolCall::callId).containsExactly(fromTurn.calls().get(0).callId());
    assertTheWeatherCall(fromHistory.calls().get(0));
    session.delete();
  }

  @Test
  void theWeatherCallFromAStreamWithItsArgumentsAssembledFromTheDeltas() {
    StringBuilder deltas = new StringBuilder();
    ToolTrace trace;
    try (ResponseStream stream = client.responses().stream(new ResponseCreateRequest()
        .agentId(AGENT).input("Stream me the weather, please"))) {
      for (StreamEvent event : stream) {
        if (event.data().isFunctionCallArgumentsDelta()) {
          deltas.append(event.data().asFunctionCallArgumentsDelta().getDelta());
        }
        if (event.data().isOutputItemDone()) {
          break; // the call's item is done: the rest is read by ToolTrace.of(stream)
        }
      }
      trace = ToolTrace.of(stream);
    }
    assertThat(trace.calls()).hasSize(1);
    assertTheWeatherCall(trace.calls().get(0));
    assertThat(deltas.toString()).isEqualTo(trace.calls().get(0).arguments());
  }
}
