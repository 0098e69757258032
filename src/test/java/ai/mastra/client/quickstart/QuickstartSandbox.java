package ai.mastra.client.quickstart;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process WireMock server on 127.0.0.1 that answers the quickstart's calls with answers recorded from a
 * real Mastra server (src/test/resources/quickstart, copied from shared/mastra-server/captures). The response
 * is the recorded event stream of a weather question (capture 26); the recorded ids of the other answers are
 * rewritten to the stream's ids, so that the conversation, the response and the items belong together.
 */
final class QuickstartSandbox implements AutoCloseable {
  private final WireMockServer server;

  private QuickstartSandbox(WireMockServer server) {
    this.server = server;
  }

  static QuickstartSandbox start() {
    // WireMock logs through SLF4J; without a binding SLF4J prints a three-line warning into the quickstart.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    String events = exchange("26-response-stream-tool-call.json").getAsJsonObject("response").get("body").getAsString();
    JsonObject recorded = answer("20-response-tool-call.json");
    String responseId = firstMatch(events, "msg_[0-9a-f-]+");
    String conversationId = firstMatch(events, "\"conversation_id\":\"([0-9a-f-]+)\"", 1);
    String callId = firstMatch(events, "call_[0-9]+");
    String items = answer("21-conversation-items-with-tool-call.json").toString()
        .replace(recorded.get("id").getAsString(), responseId)
        .replace(recorded.get("conversation_id").getAsString(), conversationId)
        .replace(firstMatch(recorded.toString(), "call_[0-9]+"), callId);

    String created = answer("01-conversation-create-agent-only.json").toString();
    String recordedConversation = JsonParser.parseString(created).getAsJsonObject().get("id").getAsString();
    String api = "/api/v1";
    server.stubFor(post(urlPathEqualTo(api + "/conversations"))
        .willReturn(json(created.replace(recordedConversation, conversationId))));
    server.stubFor(post(urlPathEqualTo(api + "/responses"))
        .willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "text/event-stream; charset=utf-8")
            .withBody(events)));
    server.stubFor(get(urlPathEqualTo(api + "/conversations/" + conversationId + "/items"))
        .willReturn(json(items)));
    server.stubFor(delete(urlPathEqualTo(api + "/responses/" + responseId))
        .willReturn(json(withId(answer("35-response-delete.json"), responseId))));
    server.stubFor(delete(urlPathEqualTo(api + "/conversations/" + conversationId))
        .willReturn(json(withId(answer("50-conversation-delete.json"), conversationId))));
    return new QuickstartSandbox(server);
  }

  String baseUrl() {
    return server.baseUrl();
  }

  @Override
  public void close() {
    server.stop();
  }

  private static String withId(JsonObject body, String id) {
    body.addProperty("id", id);
    return body.toString();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static String firstMatch(String text, String regex) {
    return firstMatch(text, regex, 0);
  }

  private static String firstMatch(String text, String regex, int group) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + regex + " in a recorded answer");
    }
    return matcher.group(group);
  }

  /** The recorded answer body of one capture. */
  private static JsonObject answer(String capture) {
    return exchange(capture).getAsJsonObject("response").getAsJsonObject("body");
  }

  /** One recorded exchange. */
  private static JsonObject exchange(String capture) {
    try (InputStream in = QuickstartSandbox.class.getResourceAsStream("/quickstart/" + capture)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /quickstart/" + capture);
      }
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
