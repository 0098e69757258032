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

/**
 * An in-process WireMock server on 127.0.0.1 that answers the quickstart's calls with answers recorded from a
 * real Mastra server (src/test/resources/quickstart, copied from shared/mastra-server/captures). The recorded
 * ids are rewritten so that the conversation, the response and the items belong together.
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
    JsonObject response = answer("20-response-tool-call.json");
    String responseId = response.get("id").getAsString();
    String conversationId = response.get("conversation_id").getAsString();

    String created = answer("01-conversation-create-agent-only.json").toString();
    String recordedConversation = JsonParser.parseString(created).getAsJsonObject().get("id").getAsString();
    String api = "/api/v1";
    server.stubFor(post(urlPathEqualTo(api + "/conversations"))
        .willReturn(json(created.replace(recordedConversation, conversationId))));
    server.stubFor(post(urlPathEqualTo(api + "/responses")).willReturn(json(response.toString())));
    server.stubFor(get(urlPathEqualTo(api + "/conversations/" + conversationId + "/items"))
        .willReturn(json(answer("21-conversation-items-with-tool-call.json").toString())));
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

  /** The recorded answer body of one capture. */
  private static JsonObject answer(String capture) {
    try (InputStream in = QuickstartSandbox.class.getResourceAsStream("/quickstart/" + capture)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /quickstart/" + capture);
      }
      JsonObject exchange =
          JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
      return exchange.getAsJsonObject("response").getAsJsonObject("body");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
