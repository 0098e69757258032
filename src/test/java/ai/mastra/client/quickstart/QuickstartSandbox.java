package ai.mastra.client.quickstart;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An in-process WireMock server on 127.0.0.1 that answers the quickstart's requests with what the real Mastra
 * server of the conformance suite answered to the very same requests, recorded by {@code
 * tools/quickstart/record.mjs} into {@code src/test/resources/quickstart/quickstart-exchanges.json}. A request
 * the recording does not have (another agent or question) gets the server's 404 for an unknown agent.
 */
final class QuickstartSandbox implements AutoCloseable {
  private final WireMockServer server;
  private final String agent;
  private final String question;

  private QuickstartSandbox(WireMockServer server, String agent, String question) {
    this.server = server;
    this.agent = agent;
    this.question = question;
  }

  static QuickstartSandbox start() {
    JsonObject recording = read("/quickstart/quickstart-exchanges.json");
    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    for (Map.Entry<String, JsonElement> entry : recording.getAsJsonObject("exchanges").entrySet()) {
      JsonObject exchange = entry.getValue().getAsJsonObject();
      JsonObject request = exchange.getAsJsonObject("request");
      JsonObject response = exchange.getAsJsonObject("response");
      MappingBuilder mapping =
          request(request.get("method").getAsString(), urlPathEqualTo(request.get("path").getAsString()));
      if (!request.get("body").isJsonNull()) {
        mapping = mapping.withRequestBody(equalToJson(request.get("body").toString()));
      }
      server.stubFor(mapping.willReturn(aResponse()
          .withStatus(response.get("status").getAsInt())
          .withHeader("Content-Type", response.get("contentType").getAsString())
          .withBody(response.get("body").getAsString())));
    }
    JsonObject unknownAgent = recording.getAsJsonObject("exchanges").getAsJsonObject("unknownAgent")
        .getAsJsonObject("response");
    server.stubFor(request("POST", urlPathEqualTo("/api/v1/conversations")).atPriority(10)
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", unknownAgent.get("contentType").getAsString())
            // the recorded body, naming the agent asked for (WireMock's response templating)
            .withBody(unknownAgent.get("body").getAsString()
                .replace("no-such-agent", "{{jsonPath request.body '$.agent_id'}}"))
            .withTransformers("response-template")));
    return new QuickstartSandbox(server, recording.get("agent").getAsString(), recording.get("question").getAsString());
  }

  String baseUrl() {
    return server.baseUrl();
  }

  /** The agent the recording talked to. */
  String agent() {
    return agent;
  }

  /** The question the recording asked. */
  String question() {
    return question;
  }

  @Override
  public void close() {
    server.stop();
  }

  private static JsonObject read(String resource) {
    try (InputStream in = QuickstartSandbox.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
