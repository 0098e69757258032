package ai.mastra.client.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** What reached WireMock, read the way the server reads it. */
public final class Wire {
  private Wire() {}

  /** The only request WireMock received; fails the test if there were none or several. */
  public static LoggedRequest onlyRequest(WireMockExtension wm) {
    List<ServeEvent> events = wm.getAllServeEvents();
    assertThat(events).as("requests received").hasSize(1);
    return events.get(0).getRequest();
  }

  /** Every request WireMock received, oldest first. */
  public static List<LoggedRequest> requests(WireMockExtension wm) {
    List<LoggedRequest> requests = new ArrayList<>();
    for (ServeEvent event : wm.getAllServeEvents()) {
      requests.add(event.getRequest());
    }
    // WireMock lists the newest first.
    Collections.reverse(requests);
    return requests;
  }

  /** The {@code requestContext} query parameter (URL-decoded, still base64), if sent. */
  public static Optional<String> requestContextParameter(LoggedRequest request) {
    QueryParameter parameter = request.queryParameter("requestContext");
    return parameter.isPresent() ? Optional.of(parameter.firstValue()) : Optional.empty();
  }

  /** The {@code requestContext} query parameter, base64-decoded to its JSON text, if sent. */
  public static Optional<String> requestContextJson(LoggedRequest request) {
    return requestContextParameter(request)
        .map(value -> new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
  }

  /** The {@code requestContext} query parameter, decoded and parsed, if sent. */
  public static Optional<JsonElement> requestContext(LoggedRequest request) {
    return requestContextJson(request).map(JsonParser::parseString);
  }

  /** The request body, parsed as JSON. */
  public static JsonElement body(LoggedRequest request) {
    return JsonParser.parseString(request.getBodyAsString());
  }

  /** The path of the request URL, still percent-encoded as it was sent. */
  public static String rawPath(LoggedRequest request) {
    String url = request.getUrl();
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }
}
