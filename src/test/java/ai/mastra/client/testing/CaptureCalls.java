package ai.mastra.client.testing;

import ai.mastra.client.ItemListParams;
import ai.mastra.client.MastraClient;
import ai.mastra.client.RequestContext;
import ai.mastra.client.RequestOptions;
import ai.mastra.client.internal.Json;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.InputContentPart;
import ai.mastra.client.model.InputMessage;
import ai.mastra.client.model.ListOrder;
import ai.mastra.client.model.ResponseCreateRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a recorded request back into the SDK call that makes it, so a capture can be replayed through the
 * SDK: the request models are read from the recorded JSON body with the SDK's own Gson, and the recorded
 * request context becomes {@link RequestOptions}.
 */
public final class CaptureCalls {
  private static final Pattern CONVERSATION = Pattern.compile("/api/v1/conversations/([^/]+)");
  private static final Pattern ITEMS = Pattern.compile("/api/v1/conversations/([^/]+)/items");
  private static final Pattern RESPONSE = Pattern.compile("/api/v1/responses/([^/]+)");

  private CaptureCalls() {}

  /**
   * Whether the SDK has a way to send this capture's request at all: a JSON body (not malformed, empty or
   * text), one of the seven routes, and a request context that is a JSON object when there is one.
   */
  public static boolean expressible(Capture capture) {
    boolean hasBody = capture.method().equals("POST");
    if (hasBody && !capture.requestBody().isPresent()) {
      return false;
    }
    if (capture.query().containsKey("requestContext") && !capture.decodedRequestContext().isPresent()) {
      return false;
    }
    // The SDK refuses the context keys Mastra reserves (RequestContextTest shows it for these captures).
    if (capture.decodedRequestContext().map(CaptureCalls::hasReservedKey).orElse(false)) {
      return false;
    }
    return operation(capture).isPresent();
  }

  /** Whether a context has a top-level key Mastra reserves ({@code mastra__*}, {@code organizationId}). */
  public static boolean hasReservedKey(JsonObject context) {
    return context.keySet().stream().anyMatch(k -> k.startsWith("mastra__") || k.equals("organizationId"));
  }

  /** The name of the SDK operation that sends this capture's request, if there is one. */
  public static Optional<String> operation(Capture capture) {
    String method = capture.method();
    String path = capture.path();
    if (path.equals("/api/v1/conversations") && method.equals("POST")) {
      return Optional.of("conversations.create");
    }
    if (ITEMS.matcher(path).matches() && method.equals("GET")) {
      return Optional.of("conversations.items.list");
    }
    if (CONVERSATION.matcher(path).matches() && (method.equals("GET") || method.equals("DELETE"))) {
      return Optional.of(method.equals("GET") ? "conversations.retrieve" : "conversations.delete");
    }
    if (path.equals("/api/v1/responses") && method.equals("POST")) {
      return Optional.of("responses.create");
    }
    if (RESPONSE.matcher(path).matches() && (method.equals("GET") || method.equals("DELETE"))) {
      return Optional.of(method.equals("GET") ? "responses.retrieve" : "responses.delete");
    }
    return Optional.empty();
  }

  /**
   * Makes the capture's request through {@code client} and returns what the SDK returned.
   *
   * @throws IllegalStateException if the capture is not {@link #expressible}
   */
  public static Object run(MastraClient client, Capture capture) {
    RequestOptions options = options(capture);
    String operation = operation(capture).orElseThrow(() -> new IllegalStateException("no operation: " + capture));
    switch (operation) {
      case "conversations.create":
        return client.conversations().create(conversationCreate(capture.requestBody().get()), options);
      case "conversations.retrieve":
        return client.conversations().retrieve(id(CONVERSATION, capture), options);
      case "conversations.delete":
        return client.conversations().delete(id(CONVERSATION, capture), options);
      case "conversations.items.list":
        return client.conversations().items().list(id(ITEMS, capture), itemParams(capture), options);
      case "responses.create":
        return client.responses().create(responseCreate(capture.requestBody().get()), options);
      case "responses.retrieve":
        return client.responses().retrieve(id(RESPONSE, capture), options);
      case "responses.delete":
        return client.responses().delete(id(RESPONSE, capture), options);
      default:
        throw new IllegalStateException(operation);
    }
  }

  /** The recorded request context as per-call options; none when the capture sent none. */
  public static RequestOptions options(Capture capture) {
    Optional<JsonObject> context = capture.decodedRequestContext();
    if (!context.isPresent()) {
      return RequestOptions.none();
    }
    RequestContext.Builder builder = RequestContext.builder();
    for (Map.Entry<String, JsonElement> entry : context.get().entrySet()) {
      builder.set(entry.getKey(), entry.getValue());
    }
    return RequestOptions.of(builder.build());
  }

  /** A conversation create request with the fields of a recorded body. */
  public static ConversationCreateRequest conversationCreate(JsonObject body) {
    return Json.GSON.fromJson(body, ConversationCreateRequest.class);
  }

  /**
   * A response create request with the fields of a recorded body: a message-array input reads as {@link
   * InputMessage}s and their part lists as {@link InputContentPart}s (typed input), as a caller would write them.
   */
  public static ResponseCreateRequest responseCreate(JsonObject body) {
    return Json.GSON.fromJson(body, ResponseCreateRequest.class);
  }

  private static ItemListParams itemParams(Capture capture) {
    ItemListParams.Builder params = ItemListParams.builder();
    Map<String, String> query = capture.query();
    if (query.containsKey("after")) {
      params.after(query.get("after"));
    }
    if (query.containsKey("limit")) {
      params.limit(Integer.parseInt(query.get("limit")));
    }
    if (query.containsKey("order")) {
      params.order(ListOrder.of(query.get("order")));
    }
    return params.build();
  }

  private static String id(Pattern route, Capture capture) {
    Matcher matcher = route.matcher(capture.path());
    if (!matcher.matches()) {
      throw new IllegalStateException(capture + " is not " + route);
    }
    return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
  }
}
